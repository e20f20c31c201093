import Synchronization

/// What every event loop of one server shares: configuration, responder, observer, logger and the
/// count of open connections.
final class HTTPServerContext: Sendable {
    let configuration: HTTPServerConfiguration
    let responder: any HTTPResponder
    let observer: (@Sendable (HTTPExchange) -> Void)?
    let log: @Sendable (String) -> Void
    let openConnections = Atomic<Int>(0)

    init(
        configuration: HTTPServerConfiguration, responder: any HTTPResponder,
        observer: (@Sendable (HTTPExchange) -> Void)?, log: @escaping @Sendable (String) -> Void
    ) {
        self.configuration = configuration
        self.responder = responder
        self.observer = observer
        self.log = log
    }
}
