import Foundation
import HelpdeskRuntime
import Support
import WebhookServer
import WhatsAppOutbox

/// Loket's settings, read from the environment once at start-up.
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `WHATSAPP_APP_SECRET` | — | app secret keying `X-Hub-Signature-256` |
/// | `WHATSAPP_VERIFY_TOKEN` | — | token of Meta's subscription handshake |
/// | `WHATSAPP_ACCESS_TOKEN` | — | Graph API bearer token |
/// | `WHATSAPP_PHONE_NUMBER_ID` | — | the business number's id |
/// | `WHATSAPP_API_BASE` | `https://graph.facebook.com/v21.0` | Graph API base URL |
/// | `LOKET_ADDR` | `127.0.0.1:8080` | listen address (`host:port`, `[v6]:port`) |
/// | `LOKET_DATA_DIR` | `./data` | database and media |
/// | `LOKET_DIALOGS` | `./Dialogs` | dialog data |
/// | `LOKET_CONSOLE` | `./Console` | the staff console's HTML, CSS and JavaScript, served under `/console` |
/// | `LOKET_SIMULATOR` | `./Simulator` | sandbox only: the phone simulator's files, served under `/simulator` |
/// | `LOKET_STALE_AGE` | `24h` | older messages in a replay are not answered as fresh (`90s`, `30m`, `24h`, or seconds) |
/// | `LOKET_DISPATCH_LANES` | `8` | parallel conversation lanes (1–64); all share the one SQLite writer, and a lane waiting for a document from Meta holds up only its own contacts |
/// | `LOKET_LOG_LEVEL` | `info` | `debug`, `info`, `warning`, `error` |
/// | `LOKET_SANDBOX_GRAPH_ADDR` | `127.0.0.1:0` | sandbox only: where the Graph API stand-in listens (0 = any free port) |
/// | `LOKET_DISPATCH_PAUSED` | `0` | **tests and benchmarks only**: `1` stores webhooks but processes nothing |
/// | `WHATSAPP_NOTICE_TEMPLATE` | `loket_pesan_menunggu:id` | approved template sent once when a reply must wait outside the 24-hour window |
/// | `WHATSAPP_REMINDER_TEMPLATE` | `loket_pengingat_verifikasi:id` | approved template a verification reminder goes as outside the 24-hour window (date, time) |
/// | `LOKET_DOCUMENT_RETENTION_AFTER_CLOSE` | `7d` | documents are deleted this long after every ticket holding them finished |
/// | `LOKET_DOCUMENT_RETENTION` | `365d` | and at the latest this long after they arrived |
/// | `LOKET_UNATTACHED_RETENTION` | `7d` | files no ticket holds (an abandoned intake) are deleted after this |
/// | `LOKET_SEND_RATE` | `80` | messages per second sent to the Graph API (Meta's throughput tier: 80 by default, up to 1,000) |
/// | `LOKET_SEND_CONNECTIONS` | a quarter of the rate, 4–64 | calls to the Graph API in flight at once, each on its own worker and connection: Meta answers in a few hundred milliseconds, so the rate needs about rate × answer time |
/// | `LOKET_MAX_CONNECTIONS` | `4096` | HTTP connections served at once, lowered to fit the open-file limit |
/// | `LOKET_MAX_CONNECTIONS_PER_CLIENT` | `512` | connections one client address may hold; beyond, only `/healthz` and `/metrics` |
/// | `LOKET_MAX_BUFFERED_BODY_MB` | `64` | request-body megabytes all uploads in progress may announce; a body past it gets 503 at its head |
/// | `LOKET_UNLIMITED_CLIENTS` | — | comma-separated addresses exempt from that cap: a reverse proxy in front (`127.0.0.1`) |
/// | `LOKET_SECURE_COOKIES` | `0` | `1` behind TLS: the console's session cookie is marked `Secure` |
///
/// **Sandbox mode**: when neither `WHATSAPP_ACCESS_TOKEN` nor `WHATSAPP_PHONE_NUMBER_ID` is set, Loket
/// runs without WhatsApp: outbound calls go to the built-in Graph API stand-in. `WHATSAPP_APP_SECRET`
/// and `WHATSAPP_VERIFY_TOKEN` may still be set (a benchmark or test signs its webhooks with a known
/// secret); when absent, random ones are generated at start-up. Setting only some of the credentials
/// outside that case stops start-up naming the missing ones.
public struct Configuration: Equatable, Sendable {
    public enum Mode: String, Equatable, Sendable {
        case production
        case sandbox
    }

    public static let defaultAPIBase = "https://graph.facebook.com/v21.0"

    public var mode: Mode
    /// The app secret; nil in sandbox mode when it is to be generated.
    public var appSecret: String?
    /// The verify token; nil in sandbox mode when it is to be generated.
    public var verifyToken: String?
    public var accessToken: String?
    public var phoneNumberID: String?
    public var apiBase: String
    public var host: String
    public var port: Int
    public var dataDirectory: String
    public var dialogsDirectory: String
    /// The staff console's files (`LOKET_CONSOLE`).
    public var consoleDirectory: String = "./Console"
    /// The phone simulator's files (`LOKET_SIMULATOR`), served in sandbox mode.
    public var simulatorDirectory: String = "./Simulator"
    public var staleAge: TimeInterval
    public var dispatcherLanes: Int
    public var logLevel: Logger.Level
    public var sandboxGraphHost: String
    public var sandboxGraphPort: Int
    /// Messages per second the outbox sends (`LOKET_SEND_RATE`).
    public var sendRate: Double = 80
    /// Calls to the Graph API in flight at once (`LOKET_SEND_CONNECTIONS`): one outbox worker each.
    public var sendConnections: Int = Configuration.sendConnections(forRate: 80)
    /// HTTP connections served at once (`LOKET_MAX_CONNECTIONS`), before fitting the open-file limit.
    public var maxConnections: Int = 4096
    /// Connections one client address may hold (`LOKET_MAX_CONNECTIONS_PER_CLIENT`).
    public var maxConnectionsPerClient: Int = 512
    /// The utility template a verification reminder goes as outside the 24-hour window
    /// (`WHATSAPP_REMINDER_TEMPLATE`): two body parameters, the call's date and time.
    public var reminderTemplate = OutboundMessage.Template(name: "loket_pengingat_verifikasi", language: "id")
    /// Request-body bytes all uploads in progress may announce (`LOKET_MAX_BUFFERED_BODY_MB`).
    public var maxBufferedBodyBytes: Int = 64 * 1024 * 1024
    /// Addresses exempt from the per-client cap (`LOKET_UNLIMITED_CLIENTS`): a reverse proxy in front.
    public var unlimitedClients: Set<String> = []
    /// For tests only: webhooks are stored but not processed.
    public var dispatchPaused: Bool
    /// The console's session cookie is marked `Secure` (`LOKET_SECURE_COOKIES=1`, Loket behind TLS).
    public var secureCookies: Bool = false
    /// The approved template sent, once, when a reply must wait outside the contact's 24-hour window
    /// ("a message from the helpdesk is waiting: reply to read it"); the reply follows when they write.
    public var noticeTemplate: OutboundMessage.Template
    /// How long stored documents are kept (the privacy notice's promise).
    public var documentRetention: DocumentRetention.Policy

    /// The database file under the data directory.
    public var databasePath: String { (self.dataDirectory as NSString).appendingPathComponent("loket.sqlite") }

    /// Reads the configuration from `environment`; empty values count as unset.
    public static func parse(environment: [String: String]) throws(ConfigurationError) -> Configuration {
        func value(_ name: String) -> String? {
            guard let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
                return nil
            }
            return value
        }
        let secret = value("WHATSAPP_APP_SECRET")
        let verifyToken = value("WHATSAPP_VERIFY_TOKEN")
        let accessToken = value("WHATSAPP_ACCESS_TOKEN")
        let phoneNumberID = value("WHATSAPP_PHONE_NUMBER_ID")
        let mode: Mode
        if accessToken == nil && phoneNumberID == nil {
            mode = .sandbox
        } else {
            let missing = [
                ("WHATSAPP_APP_SECRET", secret), ("WHATSAPP_VERIFY_TOKEN", verifyToken),
                ("WHATSAPP_ACCESS_TOKEN", accessToken), ("WHATSAPP_PHONE_NUMBER_ID", phoneNumberID),
            ].filter { $0.1 == nil }.map(\.0)
            guard missing.isEmpty else { throw ConfigurationError.missingCredentials(missing) }
            mode = .production
        }
        if let phoneNumberID, !phoneNumberID.allSatisfy(\.isNumber) {
            throw ConfigurationError.invalid("WHATSAPP_PHONE_NUMBER_ID", "must be the numeric phone number id")
        }

        var apiBase = value("WHATSAPP_API_BASE") ?? Self.defaultAPIBase
        guard let url = URL(string: apiBase), url.scheme == "https" || url.scheme == "http", url.host != nil else {
            throw ConfigurationError.invalid(
                "WHATSAPP_API_BASE", "must be an http(s) URL such as \(Self.defaultAPIBase)")
        }
        while apiBase.hasSuffix("/") { apiBase.removeLast() }

        let (host, port) = try Self.address(value("LOKET_ADDR") ?? "127.0.0.1:8080", name: "LOKET_ADDR")
        let (graphHost, graphPort) = try Self.address(
            value("LOKET_SANDBOX_GRAPH_ADDR") ?? "127.0.0.1:0", name: "LOKET_SANDBOX_GRAPH_ADDR")

        let staleAge = try Self.duration(value("LOKET_STALE_AGE") ?? "24h", name: "LOKET_STALE_AGE")
        let lanesText = value("LOKET_DISPATCH_LANES") ?? "8"
        guard let lanes = Int(lanesText), (1...64).contains(lanes) else {
            throw ConfigurationError.invalid("LOKET_DISPATCH_LANES", "must be a whole number from 1 to 64")
        }
        guard let logLevel = Logger.Level(name: value("LOKET_LOG_LEVEL") ?? "info") else {
            throw ConfigurationError.invalid("LOKET_LOG_LEVEL", "must be debug, info, warning or error")
        }
        let paused: Bool
        switch value("LOKET_DISPATCH_PAUSED") ?? "0" {
        case "0", "false": paused = false
        case "1", "true": paused = true
        default: throw ConfigurationError.invalid("LOKET_DISPATCH_PAUSED", "must be 0 or 1")
        }

        if value("LOKET_API_TOKEN") != nil {
            throw ConfigurationError.invalid(
                "LOKET_API_TOKEN",
                "is no longer used: staff log in with their own accounts (loket staff add), scripts use personal API "
                    + "tokens (docs/api.md); remove it")
        }
        let secureText = value("LOKET_SECURE_COOKIES") ?? "0"
        guard secureText == "0" || secureText == "1" else {
            throw ConfigurationError.invalid("LOKET_SECURE_COOKIES", "must be 0 or 1")
        }

        let notice = try Self.template(
            value("WHATSAPP_NOTICE_TEMPLATE") ?? Self.defaultNoticeTemplate, name: "WHATSAPP_NOTICE_TEMPLATE")
        let reminder = try Self.template(
            value("WHATSAPP_REMINDER_TEMPLATE") ?? "loket_pengingat_verifikasi:id", name: "WHATSAPP_REMINDER_TEMPLATE")

        let retention = DocumentRetention.Policy(
            afterFinished: try Self.duration(
                value("LOKET_DOCUMENT_RETENTION_AFTER_CLOSE") ?? "7d", name: "LOKET_DOCUMENT_RETENTION_AFTER_CLOSE"),
            maximum: try Self.duration(value("LOKET_DOCUMENT_RETENTION") ?? "365d", name: "LOKET_DOCUMENT_RETENTION"),
            unattached: try Self.duration(
                value("LOKET_UNATTACHED_RETENTION") ?? "7d", name: "LOKET_UNATTACHED_RETENTION"),
            processedWebhooks: try Self.duration(
                value("LOKET_INBOX_RETENTION") ?? "30d", name: "LOKET_INBOX_RETENTION"))

        // Meta redelivers a webhook it got no 200 for during up to seven days; the inbox must still know it then.
        guard retention.processedWebhooks >= 7 * 86_400 else {
            throw ConfigurationError.invalid(
                "LOKET_INBOX_RETENTION", "must be at least 7d: Meta may deliver a webhook again for a week")
        }

        let rateText = value("LOKET_SEND_RATE") ?? "80"
        guard let sendRate = Double(rateText), sendRate.isFinite, (1...1_000).contains(sendRate) else {
            throw ConfigurationError.invalid(
                "LOKET_SEND_RATE", "must be a number of messages per second from 1 to 1000")
        }
        let sendConnectionsText = value("LOKET_SEND_CONNECTIONS") ?? String(Self.sendConnections(forRate: sendRate))
        guard let sendConnections = Int(sendConnectionsText), (1...256).contains(sendConnections) else {
            throw ConfigurationError.invalid("LOKET_SEND_CONNECTIONS", "must be a whole number from 1 to 256")
        }
        let connectionsText = value("LOKET_MAX_CONNECTIONS") ?? "4096"
        guard let maxConnections = Int(connectionsText), (16...1_000_000).contains(maxConnections) else {
            throw ConfigurationError.invalid("LOKET_MAX_CONNECTIONS", "must be a whole number from 16 to 1000000")
        }

        let perClientText = value("LOKET_MAX_CONNECTIONS_PER_CLIENT") ?? "512"
        guard let perClient = Int(perClientText), (1...1_000_000).contains(perClient) else {
            throw ConfigurationError.invalid(
                "LOKET_MAX_CONNECTIONS_PER_CLIENT", "must be a whole number from 1 to 1000000")
        }
        let bufferedText = value("LOKET_MAX_BUFFERED_BODY_MB") ?? "64"
        guard let bufferedMB = Int(bufferedText), (4...65_536).contains(bufferedMB) else {
            throw ConfigurationError.invalid("LOKET_MAX_BUFFERED_BODY_MB", "must be a whole number from 4 to 65536")
        }
        var unlimited: Set<String> = []
        for item in (value("LOKET_UNLIMITED_CLIENTS") ?? "").split(separator: ",") {
            let address = item.trimmingCharacters(in: .whitespaces)
            guard !address.isEmpty, address.allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" }) else {
                throw ConfigurationError.invalid(
                    "LOKET_UNLIMITED_CLIENTS", "must list numeric addresses separated by commas, e.g. 127.0.0.1")
            }
            unlimited.insert(address)
        }

        var configuration = Configuration(
            mode: mode, appSecret: secret, verifyToken: verifyToken, accessToken: accessToken,
            phoneNumberID: phoneNumberID, apiBase: apiBase, host: host, port: port,
            dataDirectory: value("LOKET_DATA_DIR") ?? "./data", dialogsDirectory: value("LOKET_DIALOGS") ?? "./Dialogs",
            staleAge: staleAge, dispatcherLanes: lanes, logLevel: logLevel, sandboxGraphHost: graphHost,
            sandboxGraphPort: graphPort, dispatchPaused: paused, noticeTemplate: notice,
            documentRetention: retention)
        configuration.sendRate = sendRate
        configuration.sendConnections = sendConnections
        configuration.maxConnections = maxConnections
        configuration.maxConnectionsPerClient = perClient
        configuration.unlimitedClients = unlimited
        configuration.maxBufferedBodyBytes = bufferedMB * 1024 * 1024
        configuration.reminderTemplate = reminder
        configuration.secureCookies = secureText == "1"
        configuration.consoleDirectory = value("LOKET_CONSOLE") ?? "./Console"
        configuration.simulatorDirectory = value("LOKET_SIMULATOR") ?? "./Simulator"
        return configuration
    }

    /// The notice template's name and language unless configured (register it in WhatsApp Manager as a
    /// utility template without parameters).
    public static let defaultNoticeTemplate = "loket_pesan_menunggu:id"

    /// `name` or `name:language`: a template name is lower-case letters, digits and `_`; the language
    /// defaults to `id`.
    /// The Graph API calls kept in flight for `rate` messages per second when none is configured: Meta answers a
    /// send in about 250 ms, so a quarter of the rate keeps up with it, from 4 to 64 workers.
    public static func sendConnections(forRate rate: Double) -> Int {
        min(64, max(4, Int((rate / 4).rounded(.up))))
    }

    static func template(_ text: String, name: String) throws(ConfigurationError) -> OutboundMessage.Template {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let templateName = parts[0]
        let language = parts.count > 1 ? parts[1] : "id"
        guard !templateName.isEmpty, templateName.count <= 512,
            templateName.allSatisfy({ ($0.isLetter && $0.isLowercase && $0.isASCII) || $0.isWholeNumber || $0 == "_" }),
            (2...6).contains(language.count), language.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "_") })
        else {
            throw ConfigurationError.invalid(
                name, "must be a template name, optionally with :language, e.g. \(Self.defaultNoticeTemplate)")
        }
        return OutboundMessage.Template(name: templateName, language: language)
    }

    /// `host:port` or `[v6]:port`.
    static func address(_ text: String, name: String) throws(ConfigurationError) -> (String, Int) {
        let problem = ConfigurationError.invalid(name, "must be host:port, e.g. 127.0.0.1:8080")
        guard let colon = text.lastIndex(of: ":") else { throw problem }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            throw problem
        }
        return (host, port)
    }

    /// Seconds, or a number followed by `s`, `m`, `h` or `d`; must be positive.
    static func duration(_ text: String, name: String) throws(ConfigurationError) -> TimeInterval {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
        var number = Substring(text)
        var unit = 1.0
        if let last = text.last, let factor = units[last] {
            number = text.dropLast()
            unit = factor
        }
        guard let value = Double(number), value > 0, value.isFinite else {
            throw ConfigurationError.invalid(name, "must be a positive duration such as 90s, 30m, 24h or 86400")
        }
        return value * unit
    }
}
