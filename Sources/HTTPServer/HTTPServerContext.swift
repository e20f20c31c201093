import Synchronization

/// What every event loop of one server shares: configuration, responder, observer, logger and the
/// count of open connections.
final class HTTPServerContext: Sendable {
    let configuration: HTTPServerConfiguration
    let responder: any HTTPResponder
    let observer: (@Sendable (HTTPExchange) -> Void)?
    let log: @Sendable (String) -> Void
    let openConnections = Atomic<Int>(0)
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
    }

    /// The loop that serves the next accepted connection (round robin); `nil` once the server stopped.
    func nextLoop() -> HTTPEventLoop? {
        let turn = self.acceptCount.wrappingAdd(1, ordering: .relaxed).oldValue
        return self.loops.withLock { loops in loops.isEmpty ? nil : loops[turn % loops.count] }
    }
}
