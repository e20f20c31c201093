import Glibc
import Synchronization

/// What every event loop of one server shares: configuration, responder, observer, logger and the
/// count of open connections.
final class HTTPServerContext: Sendable {
    let configuration: HTTPServerConfiguration
    let responder: any HTTPResponder
    let observer: (@Sendable (HTTPExchange) -> Void)?
    let log: @Sendable (String) -> Void
    let openConnections = Atomic<Int>(0)
    /// The most connections served at once: the configured cap, lowered to fit the process's descriptor
    /// limit (leaving room for the database, the Graph client and files).
    let connectionCap: Int
    /// Accepts that failed for want of descriptors (EMFILE/ENFILE), and when that was last logged.
    let descriptorShortages = Atomic<Int>(0)
    private let lastShortageLog = Atomic<UInt64>(0)
    /// The server's event loops while it runs; accepted connections are spread over them in turn.
    let loops = Mutex<[HTTPEventLoop]>([])
    private let acceptCount = Atomic<Int>(0)

    init(
        configuration: HTTPServerConfiguration, responder: any HTTPResponder,
        observer: (@Sendable (HTTPExchange) -> Void)?, log: @escaping @Sendable (String) -> Void
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

    /// Counts a failed accept; logs once a second at most, with how many failed since the last line.
    func noteDescriptorShortage(errno code: Int32, now: UInt64) {
        let total = self.descriptorShortages.add(1, ordering: .relaxed).newValue
        let last = self.lastShortageLog.load(ordering: .relaxed)
        guard now &- last >= 1_000_000_000,
            self.lastShortageLog.compareExchange(expected: last, desired: now, ordering: .relaxed).exchanged
        else { return }
        self.log(
            "event=http_accept_paused reason=\(code == ENFILE ? "ENFILE" : "EMFILE") total=\(total) "
                + "open=\(self.openConnections.load(ordering: .relaxed)) cap=\(self.connectionCap)")
    }

    /// The loop that serves the next accepted connection (round robin); `nil` once the server stopped.
    func nextLoop() -> HTTPEventLoop? {
        let turn = self.acceptCount.wrappingAdd(1, ordering: .relaxed).oldValue
        return self.loops.withLock { loops in loops.isEmpty ? nil : loops[turn % loops.count] }
    }
}
