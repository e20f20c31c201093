import Dispatch
import Foundation
import HTTPServer
import Storage
import Support
import Synchronization
import Testing
import WebhookServer

/// The edge routes in-process: signature, parsing, durable storage before the answer, ops routes.
struct WebhookRouterTests {
    static let secret = "test-app-secret"
    let writer: DatabaseWriter
    let inbox: InboxWriter
    let metrics = Metrics()
    let router: WebhookRouter

    init() throws {
        self.writer = try DatabaseWriter(path: ":memory:", migrators: [InboxStore.migrator])
        self.inbox = InboxWriter(writer: self.writer, logger: .discarding)
        self.inbox.start()
        let writer = self.writer
        self.router = WebhookRouter(
            verifier: SignatureVerifier(appSecret: Self.secret), handshake: VerificationHandshake(verifyToken: "vt"),
            inbox: self.inbox, metrics: self.metrics, logger: .discarding,
            health: {
                let pending = try? writer.read { try InboxStore.count(state: "pending", in: $0) }
                return WebhookRouter.Health(databaseReachable: pending != nil, mode: "sandbox", inboxPending: pending)
            })
    }

    static func textWebhook(id: String, from: String = "6281234567890", body: String = "Halo") -> [UInt8] {
        Array(
            """
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{\
            "messaging_product":"whatsapp","metadata":{"phone_number_id":"123"},\
            "contacts":[{"profile":{"name":"Budi"},"wa_id":"\(from)"}],\
            "messages":[{"from":"\(from)","id":"\(id)","timestamp":"1700000000","type":"text","text":{"body":"\(body)"}}]\
            }}]}]}
            """.utf8)
    }

    func respond(_ request: HTTPRequest) -> HTTPResponse {
        let done = DispatchSemaphore(value: 0)
        let box = ResponseBox()
        self.router.respond(to: request) { response in
            box.set(response)
            done.signal()
        }
        done.wait()
        return box.get()
    }

    func post(_ body: [UInt8], signature: String?) -> HTTPResponse {
        var headers = HTTPHeaders([("Content-Type", "application/json")])
        if let signature { headers.add(name: "X-Hub-Signature-256", value: signature) }
        return self.respond(HTTPRequest(method: "POST", target: "/webhook", headers: headers, body: body))
    }

    func signed(_ body: [UInt8]) -> String { SignatureVerifier(appSecret: Self.secret).signatureHeader(for: body) }

    func storedCount() throws -> Int {
        try self.writer.read { database in
            try database.queryFirst("SELECT count(*) FROM inbox") { $0.int(0) } ?? 0
        }
    }

    @Test func aSignedWebhookIsStoredBeforeThe200() throws {
        let body = Self.textWebhook(id: "wamid.A")
        let response = self.post(body, signature: self.signed(body))
        #expect(response.status == 200)
        #expect(try self.storedCount() == 1)
    }

    @Test func aMissingSignatureIsRefusedWith401AndNothingStored() throws {
        let response = self.post(Self.textWebhook(id: "wamid.A"), signature: nil)
        #expect(response.status == 401)
        #expect(try self.storedCount() == 0)
    }

    @Test func aWrongSignatureIsRefusedWith401AndNothingStored() throws {
        let body = Self.textWebhook(id: "wamid.A")
        let other = Self.textWebhook(id: "wamid.B")
        let response = self.post(body, signature: self.signed(other))
        #expect(response.status == 401)
        #expect(try self.storedCount() == 0)
    }

    @Test func aRepeatedDeliveryIsAcknowledgedAndStoredOnce() throws {
        let body = Self.textWebhook(id: "wamid.A")
        #expect(self.post(body, signature: self.signed(body)).status == 200)
        #expect(self.post(body, signature: self.signed(body)).status == 200)
        #expect(try self.storedCount() == 1)
    }

    @Test func statusesDeduplicateOnIdAndStatus() throws {
        func status(_ state: String) -> [UInt8] {
            Array(
                """
                {"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{\
                "statuses":[{"id":"wamid.OUT","status":"\(state)","timestamp":"1700000000","recipient_id":"628111"}]}}]}]}
                """.utf8)
        }
        for state in ["delivered", "delivered", "read", "read"] {
            #expect(self.post(status(state), signature: self.signed(status(state))).status == 200)
        }
        #expect(try self.storedCount() == 2)
    }

    @Test func aBodyThatIsNotJSONGets400() throws {
        let body = Array("not json".utf8)
        #expect(self.post(body, signature: self.signed(body)).status == 400)
        #expect(try self.storedCount() == 0)
    }

    @Test func anUnknownChangeKindIsAcknowledged() throws {
        let body = Array(
            #"{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"security","value":{}}]}]}"#.utf8)
        #expect(self.post(body, signature: self.signed(body)).status == 200)
        #expect(try self.storedCount() == 0)
    }

    @Test func aStoppedInboxAnswers500SoMetaRetries() throws {
        self.inbox.stop()
        let body = Self.textWebhook(id: "wamid.A")
        #expect(self.post(body, signature: self.signed(body)).status == 500)
    }

    @Test func theHandshakeEchoesTheChallenge() {
        let response = self.respond(
            HTTPRequest(method: "GET", target: "/webhook?hub.mode=subscribe&hub.verify_token=vt&hub.challenge=42"))
        #expect(response.status == 200)
        #expect(response.body == Array("42".utf8))
        #expect(response.headers["Content-Type"] == "text/plain")
    }

    @Test func theHandshakeWithAWrongTokenGets403() {
        let response = self.respond(
            HTTPRequest(method: "GET", target: "/webhook?hub.mode=subscribe&hub.verify_token=no&hub.challenge=42"))
        #expect(response.status == 403)
    }

    @Test func anUnknownPathGets404() {
        #expect(self.respond(HTTPRequest(method: "GET", target: "/nowhere")).status == 404)
    }

    @Test func aWrongMethodGets405WithAllow() {
        let response = self.respond(HTTPRequest(method: "DELETE", target: "/webhook"))
        #expect(response.status == 405)
        #expect(response.headers["Allow"] == "GET, POST")
    }

    @Test func healthReportsTheDatabase() {
        let response = self.respond(HTTPRequest(method: "GET", target: "/healthz"))
        #expect(response.status == 200)
        let text = String(decoding: response.body, as: UTF8.self)
        #expect(text.contains("\"database\":\"reachable\""))
        #expect(text.contains("\"inbox_pending\":0"))
    }

    @Test func metricsCountRequestsByRouteAndStatus() {
        _ = self.post(Self.textWebhook(id: "wamid.A"), signature: nil)
        let response = self.respond(HTTPRequest(method: "GET", target: "/metrics"))
        let text = String(decoding: response.body, as: UTF8.self)
        #expect(response.status == 200)
        #expect(text.contains("loket_http_requests_total{route=\"/webhook\",status=\"401\"} 1"))
        #expect(text.contains("# TYPE loket_inbox_pending gauge"))
    }
}

/// Carries a response out of the completion handler.
private final class ResponseBox: Sendable {
    private let response = Mutex<HTTPResponse?>(nil)

    func set(_ value: HTTPResponse) { self.response.withLock { $0 = value } }

    func get() -> HTTPResponse { self.response.withLock { $0! } }
}
