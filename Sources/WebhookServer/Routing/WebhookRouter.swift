import Dispatch
import Foundation
import HTTPServer
import Support

/// Loket's HTTP routes at the edge: Meta's webhook (`GET`/`POST /webhook`), `GET /healthz` and
/// `GET /metrics`, plus responders mounted under a prefix (`/console`, `/api`) by later components.
///
/// Unknown paths get 404, known paths with another method 405 with `Allow`.
///
/// A class: each request's completion captures the router, and a reference is one retain where a copy of
/// the struct was one per member.
public final class WebhookRouter: HTTPResponder {
    /// What `GET /healthz` reports.
    public struct Health: Sendable {
        public var databaseReachable: Bool
        public var mode: String
        public var inboxPending: Int?

        public init(databaseReachable: Bool, mode: String, inboxPending: Int?) {
            self.databaseReachable = databaseReachable
            self.mode = mode
            self.inboxPending = inboxPending
        }
    }

    private let verifier: SignatureVerifier
    private let handshake: VerificationHandshake
    private let parser = WebhookParser()
    private let inbox: InboxWriter
    private let metrics: Metrics
    private let logger: Logger
    private let health: @Sendable () -> Health
    private let mounts: [(prefix: String, responder: any HTTPResponder)]
    /// Where blocking work (health and metrics reads) runs, off the server's I/O threads.
    private let blockingQueue = DispatchQueue.global(qos: .utility)

    public init(
        verifier: SignatureVerifier, handshake: VerificationHandshake, inbox: InboxWriter, metrics: Metrics,
        logger: Logger, health: @escaping @Sendable () -> Health,
        mounts: [(prefix: String, responder: any HTTPResponder)] = []
    ) {
        self.verifier = verifier
        self.handshake = handshake
        self.inbox = inbox
        self.metrics = metrics
        self.logger = logger
        self.health = health
        self.mounts = mounts
    }

    public func respond(to request: HTTPRequest, completion: @escaping @Sendable (HTTPResponse) -> Void) {
        let path = request.path
        let route: String
        let allowed: [String]
        switch path {
        case "/webhook":
            route = "/webhook"
            allowed = ["GET", "POST"]
        case "/healthz":
            route = "/healthz"
            allowed = ["GET"]
        case "/metrics":
            route = "/metrics"
            allowed = ["GET"]
        default:
            if let mount = self.mounts.first(where: { Self.path(path, isUnder: $0.prefix) }) {
                mount.responder.respond(to: request) { response in
                    self.metrics.recordHTTPRequest(route: mount.prefix, status: response.status)
                    completion(response)
                }
                return
            }
            self.finish(.text(404, "Not found\n"), route: "other", completion: completion)
            return
        }
        guard allowed.contains(request.method) else {
            var response = HTTPResponse.text(405, "Method not allowed\n")
            response.headers.add(name: "Allow", value: allowed.joined(separator: ", "))
            self.finish(response, route: route, completion: completion)
            return
        }
        switch (route, request.method) {
        case ("/webhook", "GET"):
            self.finish(self.verify(request), route: route, completion: completion)
        case ("/webhook", _):
            self.receive(request) { self.finish($0, route: route, completion: completion) }
        case ("/healthz", _):
            self.blockingQueue.async { self.finish(self.healthResponse(), route: route, completion: completion) }
        default:
            self.blockingQueue.async {
                var response = HTTPResponse.text(200, self.metrics.render())
                response.headers = HTTPHeaders([("Content-Type", "text/plain; version=0.0.4; charset=utf-8")])
                self.finish(response, route: route, completion: completion)
            }
        }
    }

    private func finish(
        _ response: HTTPResponse, route: String, completion: @escaping @Sendable (HTTPResponse) -> Void
    ) {
        self.metrics.recordHTTPRequest(route: route, status: response.status)
        completion(response)
    }

    static func path(_ path: Substring, isUnder prefix: String) -> Bool {
        guard path.hasPrefix(prefix) else { return false }
        return path.count == prefix.count || path.dropFirst(prefix.count).first == "/"
    }

    /// Meta's verification handshake.
    func verify(_ request: HTTPRequest) -> HTTPResponse {
        guard let challenge = self.handshake.challenge(forQuery: request.query) else {
            self.logger.warning("webhook.verification_refused")
            return .text(403, "Forbidden\n")
        }
        self.logger.info("webhook.verified")
        var response = HTTPResponse.text(200, challenge)
        response.headers = HTTPHeaders([("Content-Type", "text/plain")])
        return response
    }

    /// A webhook delivery: check the signature, parse, store durably, then answer.
    func receive(_ request: HTTPRequest, completion: @escaping @Sendable (HTTPResponse) -> Void) {
        guard self.verifier.isValid(signatureHeader: request.headers["X-Hub-Signature-256"], body: request.body) else {
            self.logger.warning(
                "webhook.signature_rejected",
                ["reason": request.headers["X-Hub-Signature-256"] == nil ? "missing" : "mismatch"])
            completion(.text(401, "Invalid signature\n"))
            return
        }
        let batch: WebhookBatch
        do {
            batch = try self.parser.parse(request.body)
        } catch {
            self.logger.warning("webhook.not_json", ["error": error.description, "bytes": String(request.body.count)])
            completion(.text(400, "Body is not JSON\n"))
            return
        }
        for note in batch.notes {
            self.logger.warning("webhook.acknowledged_unhandled", ["note": note])
        }
        guard !batch.events.isEmpty else {
            completion(.text(200, "OK\n"))
            return
        }
        let logger = self.logger
        self.inbox.submit(batch.events) { result in
            switch result {
            case .success(let stored):
                if stored < batch.events.count {
                    logger.info(
                        "webhook.duplicate", ["events": String(batch.events.count), "new": String(stored)])
                }
                completion(.text(200, "OK\n"))
            case .failure(let error):
                logger.error("webhook.store_failed", ["error": "\(error)"])
                completion(.text(500, "Could not store the webhook; please retry\n"))
            }
        }
    }

    func healthResponse() -> HTTPResponse {
        let health = self.health()
        var json = "{\"status\":\"\(health.databaseReachable ? "ok" : "degraded")\""
        json += ",\"database\":\"\(health.databaseReachable ? "reachable" : "unreachable")\""
        json += ",\"mode\":\"\(health.mode)\""
        if let pending = health.inboxPending { json += ",\"inbox_pending\":\(pending)" }
        json += "}"
        return .json(health.databaseReachable ? 200 : 503, Array(json.utf8))
    }
}
