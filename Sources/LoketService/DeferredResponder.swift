import HTTPServer
import Synchronization
import WebhookServer

/// A responder whose target is set after the server that calls it is bound (the sandbox stand-in
/// needs its own port); until then it answers 503.
final class DeferredResponder: HTTPResponder {
    private let target = Mutex<(any HTTPResponder)?>(nil)

    func fill(with responder: any HTTPResponder) {
        self.target.withLock { $0 = responder }
    }

    func respond(to request: HTTPRequest, completion: @escaping @Sendable (HTTPResponse) -> Void) {
        guard let responder = self.target.withLock({ $0 }) else {
            completion(.text(503, "Starting\n"))
            return
        }
        responder.respond(to: request, completion: completion)
    }
}
