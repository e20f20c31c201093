import Synchronization

/// Loket's metrics registry, rendered in the Prometheus text exposition format at `GET /metrics`.
///
/// Counters are labelled and thread-safe (one `Mutex`); gauges are read when scraped from sources
/// the components register (the inbox registers its pending count and age, the outbox its backlog).
public final class Metrics: Sendable {
    /// One metric family's metadata.
    public struct Family: Sendable {
        public var name: String
        public var help: String
        public var type: String

        public init(name: String, help: String, type: String) {
            self.name = name
            self.help = help
            self.type = type
        }
    }

    /// Reads the current samples of a gauge: label pairs and value.
    public typealias GaugeSource = @Sendable () -> [(labels: [(String, String)], value: Double)]

    private struct State {
        var families: [String: Family] = [:]
        var order: [String] = []
        /// Counter samples per family, keyed by their rendered label set.
        var counters: [String: [String: Double]] = [:]
        var gauges: [String: GaugeSource] = [:]
        /// The rendered label set of each route and status answered so far: counted on every response, so
        /// it is rendered once.
        var httpKeys: [HTTPKey: String] = [:]
    }

    private struct HTTPKey: Hashable {
        var route: String
        var status: Int
    }

    private let state = Mutex(State())

    public static let httpRequests = Family(
        name: "loket_http_requests_total", help: "HTTP requests answered, by route and status.", type: "counter")
    public static let inboxPending = Family(
        name: "loket_inbox_pending", help: "Inbox events waiting to be processed.", type: "gauge")
    public static let inboxOldestPendingAge = Family(
        name: "loket_inbox_oldest_pending_age_seconds", help: "Age of the oldest pending inbox event.",
        type: "gauge")
    public static let outboxPending = Family(
        name: "loket_outbox_pending", help: "Outbound messages waiting to be sent.", type: "gauge")
    public static let outboxRetrying = Family(
        name: "loket_outbox_retrying_recipients",
        help:
            "Recipients whose next message failed at least once and waits for its retry (grows in a Graph API outage).",
        type: "gauge")
    public static let outboxOldestPendingAge = Family(
        name: "loket_outbox_oldest_pending_age_seconds", help: "Age of the oldest message waiting to be sent.",
        type: "gauge")
    public static let sends = Family(
        name: "loket_sends_total", help: "Graph API send attempts, by result.", type: "counter")
    public static let mediaDownloads = Family(
        name: "loket_media_downloads_total", help: "Media downloads, by result.", type: "counter")
    public static let inboxEvents = Family(
        name: "loket_inbox_events_total", help: "Inbox events processed by the dispatcher, by result.",
        type: "counter")

    public static let durableCommits = Family(
        name: "loket_durable_commits_total",
        help: "fsyncs before returning: the inbox log's group appends and power-loss-durable commits.", type: "counter")
    public static let inboxLogGroups = Family(
        name: "loket_inbox_log_groups_total",
        help: "Groups of webhooks appended to the inbox log, one fdatasync each.", type: "counter")
    public static let inboxLogSyncSeconds = Family(
        name: "loket_inbox_log_sync_seconds_total",
        help:
            "Time the inbox log's group fdatasyncs took; divided by loket_inbox_log_groups_total, the disk's sync latency that every webhook's 200 waits for.",
        type: "counter")
    public static let databaseCommits = Family(
        name: "loket_database_commits_total",
        help: "Write transactions committed on the database writer, whatever their durability.", type: "counter")
    public static let uncleanRestarts = Family(
        name: "loket_unclean_restarts_total",
        help:
            "Starts after a run that ended without stopping (crash, kill, power cut), in all and within the last hour.",
        type: "gauge")
    public static let refusedConnections = Family(
        name: "loket_http_refused_connections_total",
        help:
            "Connections and requests turned away, by reason: descriptors, client_limit, connection_limit, body_budget.",
        type: "counter")
    public static let bufferedBodyBytes = Family(
        name: "loket_http_buffered_body_bytes",
        help: "Request-body bytes announced by uploads still arriving (bounded by LOKET_MAX_BUFFERED_BODY_BYTES).",
        type: "gauge")

    public init() {
        for family in [
            Self.httpRequests, Self.inboxPending, Self.inboxOldestPendingAge, Self.outboxPending,
            Self.outboxRetrying, Self.outboxOldestPendingAge, Self.sends,
            Self.mediaDownloads, Self.inboxEvents,
        ] {
            self.declare(family)
        }
    }

    /// Declares a family so it is rendered with its HELP and TYPE even before its first sample.
    public func declare(_ family: Family) {
        self.state.withLock { state in
            if state.families[family.name] == nil { state.order.append(family.name) }
            state.families[family.name] = family
        }
    }

    /// Adds `amount` to the counter `family` with `labels`.
    public func increment(_ family: Family, labels: [(String, String)] = [], by amount: Double = 1) {
        let key = Self.render(labels)
        self.state.withLock { state in
            state.counters[family.name, default: [:]][key, default: 0] += amount
        }
    }

    /// Registers (or replaces) the source of gauge `family`.
    public func setGauge(_ family: Family, source: @escaping GaugeSource) {
        self.declare(family)
        self.state.withLock { state in state.gauges[family.name] = source }
    }

    /// Counts one HTTP response.
    public func recordHTTPRequest(route: String, status: Int) {
        let key = HTTPKey(route: route, status: status)
        self.state.withLock { state in
            let labels: String
            if let rendered = state.httpKeys[key] {
                labels = rendered
            } else {
                labels = Self.render([("route", route), ("status", String(status))])
                state.httpKeys[key] = labels
            }
            state.counters[Self.httpRequests.name, default: [:]][labels, default: 0] += 1
        }
    }

    /// Counts one Graph API send by result (`sent`, `retry`, `failed`, …); for the outbox sender.
    public func recordSend(result: String) {
        self.increment(Self.sends, labels: [("result", result)])
    }

    /// Counts one media download by result (`stored`, `rejected`, `retry`, …); for the media fetcher.
    public func recordMediaDownload(result: String) {
        self.increment(Self.mediaDownloads, labels: [("result", result)])
    }

    /// The value of a counter sample (tests and health checks).
    public func counterValue(_ family: Family, labels: [(String, String)] = []) -> Double {
        let key = Self.render(labels)
        return self.state.withLock { $0.counters[family.name]?[key] ?? 0 }
    }

    /// The Prometheus text exposition (format 0.0.4).
    public func render() -> String {
        let (families, order, counters, gauges) = self.state.withLock { state in
            (state.families, state.order, state.counters, state.gauges)
        }
        var text = ""
        for name in order {
            guard let family = families[name] else { continue }
            text += "# HELP \(name) \(family.help)\n# TYPE \(name) \(family.type)\n"
            if let source = gauges[name] {
                for sample in source() {
                    text += name + Self.braced(Self.render(sample.labels)) + " " + Self.number(sample.value) + "\n"
                }
            }
            for (labels, value) in (counters[name] ?? [:]).sorted(by: { $0.key < $1.key }) {
                text += name + Self.braced(labels) + " " + Self.number(value) + "\n"
            }
        }
        return text
    }

    private static func braced(_ labels: String) -> String { labels.isEmpty ? "" : "{" + labels + "}" }

    private static func render(_ labels: [(String, String)]) -> String {
        var key = ""
        for (index, (name, value)) in labels.enumerated() {
            if index > 0 { key += "," }
            key += name
            key += "=\""
            // Counted on every HTTP response: values needing no escape (all of Loket's) are copied whole.
            if value.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") || $0 == 0x0A }) {
                for character in value {
                    switch character {
                    case "\\": key += "\\\\"
                    case "\"": key += "\\\""
                    case "\n": key += "\\n"
                    default: key.append(character)
                    }
                }
            } else {
                key += value
            }
            key += "\""
        }
        return key
    }

    private static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
