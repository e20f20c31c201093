import CEpoll
import Glibc
import Support
import Synchronization

/// What every event loop of one server shares: configuration, responder, observer, logger and the
/// count of open connections.
final class HTTPServerContext: Sendable {
    let configuration: HTTPServerConfiguration
    let responder: any HTTPResponder
    let observer: (@Sendable (HTTPExchange) -> Void)?
    let log: @Sendable (Logger.Level, String) -> Void
    let openConnections = Atomic<Int>(0)
    /// The most connections served at once: the configured cap, lowered to fit the process's descriptor
    /// limit (leaving room for the database, the Graph client and files).
    let connectionCap: Int
    /// Accepts that failed for want of descriptors (EMFILE/ENFILE), and when that was last logged.
    let descriptorShortages = Atomic<Int>(0)
    /// Connections open in the headroom (beyond the cap, or beyond their client's share), serving only the
    /// reserved paths.
    let reserveConnections = Atomic<Int>(0)
    /// Open connections by client address, for the per-client cap.
    private let clientConnections = Mutex<[String: Int]>([:])
    /// Connections refused because their client had too many open.
    let clientRefusals = Atomic<Int>(0)
    /// Connections refused because the server had its cap and its headroom full.
    let overCapRefusals = Atomic<Int>(0)
    /// Body bytes announced by requests whose bodies are still arriving, against `maxBufferedBodyBytes`.
    let bufferedBodyBytes = Atomic<Int>(0)
    /// Requests refused at their head because their body did not fit the buffered-bytes budget.
    let bodyBudgetRefusals = Atomic<Int>(0)
    private let lastBodyBudgetLog = Atomic<UInt64>(0)
    private let lastClientRefusalLog = Atomic<UInt64>(0)
    private let lastShortageLog = Atomic<UInt64>(0)
    /// The server's event loops while it runs; accepted connections are spread over them in turn.
    let loops = Mutex<[HTTPEventLoop]>([])
    private let acceptCount = Atomic<Int>(0)

    init(
        configuration: HTTPServerConfiguration, responder: any HTTPResponder,
        observer: (@Sendable (HTTPExchange) -> Void)?, log: @escaping @Sendable (Logger.Level, String) -> Void
    ) {
        self.configuration = configuration
        self.responder = responder
        self.observer = observer
        self.log = log
        self.connectionCap = Self.connectionCap(configured: configuration.maxConnections)
    }

    /// Descriptors kept free of connections for the listening socket, the event loops, the database and
    /// its journal, the Graph API client and stored documents: 128, or a quarter of a small limit.
    static func reservedDescriptors(limit: Int) -> Int { min(128, limit / 4) }

    /// Raises the soft open-file limit to the hard one, then fits `configured` under it.
    static func connectionCap(configured: Int) -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return configured }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        let available = UInt64(limit.rlim_cur)
        let descriptors = Int(clamping: available)
        return max(1, min(configured, descriptors - Self.reservedDescriptors(limit: descriptors)))
    }

    /// Takes a headroom slot; false when every one is in use.
    func admitToReserve() -> Bool {
        let taken = self.reserveConnections.add(1, ordering: .relaxed).newValue
        guard taken <= self.configuration.reservedConnections else {
            self.reserveConnections.subtract(1, ordering: .relaxed)
            return false
        }
        return true
    }

    /// Takes a connection slot for `client`; false when the client already holds its share.
    func admit(client: String) -> Bool {
        guard !self.configuration.unlimitedClients.contains(client) else { return true }
        let limit = self.configuration.maxConnectionsPerClient
        return self.clientConnections.withLock { counts in
            let open = counts[client, default: 0]
            guard open < limit else { return false }
            counts[client] = open + 1
            return true
        }
    }

    /// Gives back the slot `admit` took.
    func release(client: String) {
        guard !self.configuration.unlimitedClients.contains(client) else { return }
        self.clientConnections.withLock { counts in
            let open = counts[client, default: 1] - 1
            counts[client] = open > 0 ? open : nil
        }
    }

    /// Counts a refused client; logs once a second at most.
    func noteClientRefusal(_ client: String, now: UInt64) {
        let total = self.clientRefusals.add(1, ordering: .relaxed).newValue
        let last = self.lastClientRefusalLog.load(ordering: .relaxed)
        guard now &- last >= 1_000_000_000,
            self.lastClientRefusalLog.compareExchange(expected: last, desired: now, ordering: .relaxed).exchanged
        else { return }
        self.log(
            .warning,
            "event=http_client_limited client=\(client) total=\(total) limit=\(self.configuration.maxConnectionsPerClient)"
        )
    }

    /// Reserves `bytes` of the buffered-body budget; false (counted, and logged once a second at most) when
    /// they do not fit.
    func claimBody(_ bytes: Int, now: UInt64) -> Bool {
        let total = self.bufferedBodyBytes.add(bytes, ordering: .relaxed).newValue
        guard total > self.configuration.maxBufferedBodyBytes else { return true }
        self.bufferedBodyBytes.subtract(bytes, ordering: .relaxed)
        let refusals = self.bodyBudgetRefusals.add(1, ordering: .relaxed).newValue
        let last = self.lastBodyBudgetLog.load(ordering: .relaxed)
        if now &- last >= 1_000_000_000,
            self.lastBodyBudgetLog.compareExchange(expected: last, desired: now, ordering: .relaxed).exchanged
        {
            self.log(
                .warning,
                "event=http_body_budget_full bytes=\(bytes) buffered=\(total - bytes) "
                    + "budget=\(self.configuration.maxBufferedBodyBytes) total=\(refusals)")
        }
        return false
    }

    /// The numeric address of the peer of socket `fd`, or nil.
    static func peerAddress(of fd: Int32) -> String? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(fd, $0, &length) }
        }
        guard result == 0 else { return nil }
        var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        let named = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                getnameinfo($0, length, &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST)
            }
        }
        guard named == 0 else { return nil }
        return String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Counts a failed accept; logs once a second at most, with how many failed since the last line.
    func noteDescriptorShortage(errno code: Int32, now: UInt64) {
        let total = self.descriptorShortages.add(1, ordering: .relaxed).newValue
        let last = self.lastShortageLog.load(ordering: .relaxed)
        guard now &- last >= 1_000_000_000,
            self.lastShortageLog.compareExchange(expected: last, desired: now, ordering: .relaxed).exchanged
        else { return }
        self.log(
            .error,
            "event=http_accept_paused reason=\(code == ENFILE ? "ENFILE" : "EMFILE") total=\(total) "
                + "open=\(self.openConnections.load(ordering: .relaxed)) cap=\(self.connectionCap)")
    }

    /// The loop that serves the next accepted connection (round robin); `nil` once the server stopped.
    func nextLoop() -> HTTPEventLoop? {
        let turn = self.acceptCount.wrappingAdd(1, ordering: .relaxed).oldValue
        return self.loops.withLock { loops in loops.isEmpty ? nil : loops[turn % loops.count] }
    }
}
