import Foundation
import Support
import Synchronization
import Testing

@testable import WhatsAppOutbox

struct GraphAPIStandInTests {
    private let standIn = GraphAPIStandIn(
        configuration: .init(accessToken: "token", publicBaseURL: "http://127.0.0.1:9/v21.0"))

    private func post(_ body: String, token: String = "token", path: String = "/v21.0/106540352242922/messages")
        throws -> GraphHTTPResponse
    {
        try LocalGraphTransport(responder: self.standIn, accessToken: token)
            .perform(GraphHTTPRequest(method: "POST", url: path, body: Array(body.utf8)))
    }

    @Test func acceptedSendAnswersLikeMeta() throws {
        let response = try self.post(
            #"{"messaging_product":"whatsapp","recipient_type":"individual","to":"6281234","type":"text","text":{"body":"Halo"}}"#
        )
        #expect(response.status == 200)
        let object = try #require(GraphJSONReading.object(response.body))
        #expect(object["messaging_product"]?.stringValue == "whatsapp")
        let contacts = try #require(object["contacts"]?.elements)
        #expect(contacts.first?["input"]?.stringValue == "6281234")
        #expect(contacts.first?["wa_id"]?.stringValue == "6281234")
        guard case .accepted(let wamid) = GraphSendOutcome.classify(response) else {
            Issue.record("no wamid in the answer")
            return
        }
        #expect(wamid.hasPrefix("wamid."))
        #expect(self.standIn.acceptedMessages.first?.wamid == wamid)
    }

    @Test func everyAcceptedSendGetsAUniqueWamid() throws {
        let body = #"{"messaging_product":"whatsapp","to":"6281234","type":"text","text":{"body":"Halo"}}"#
        _ = try self.post(body)
        _ = try self.post(body, path: "/106540352242922/messages")
        let wamids = self.standIn.acceptedMessages.compactMap(\.wamid)
        #expect(wamids.count == 2)
        #expect(Set(wamids).count == 2)
    }

    @Test func wrongTokenIsRefusedWithCode190() throws {
        let response = try self.post(
            #"{"messaging_product":"whatsapp","to":"1","type":"text","text":{"body":"x"}}"#, token: "bad")
        #expect(response.status == 401)
        #expect(GraphAPIError.parse(status: response.status, body: response.body).code == 190)
    }

    @Test(arguments: [
        #"not json"#,
        #"{"to":"1","type":"text","text":{"body":"x"}}"#,
        #"{"messaging_product":"whatsapp","type":"text","text":{"body":"x"}}"#,
        #"{"messaging_product":"whatsapp","to":"1","text":{"body":"x"}}"#,
        #"{"messaging_product":"whatsapp","to":"1","type":"text","text":{}}"#,
        #"{"messaging_product":"whatsapp","to":"1","type":"interactive","interactive":{"type":"button"}}"#,
        #"{"messaging_product":"whatsapp","to":"1","type":"template","template":{"name":"x"}}"#,
        #"{"messaging_product":"whatsapp","to":"1","type":"document","document":{"caption":"x"}}"#,
        #"{"messaging_product":"whatsapp","to":"1","type":"hologram"}"#,
    ])
    func malformedBodyIsRefusedWithCode100(body: String) throws {
        let response = try self.post(body)
        #expect(response.status == 400)
        #expect(GraphAPIError.parse(status: response.status, body: response.body).code == 100)
        #expect(self.standIn.acceptedMessages.isEmpty)
    }

    @Test func markAsReadAnswersSuccess() throws {
        let response = try self.post(#"{"messaging_product":"whatsapp","status":"read","message_id":"wamid.IN"}"#)
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"success":true}"#)
    }

    @Test func scriptedFailuresAnswerTheNextCallsThenStop() throws {
        let body = #"{"messaging_product":"whatsapp","to":"1","type":"text","text":{"body":"x"}}"#
        self.standIn.failNext(1, with: .httpStatus(500))
        self.standIn.failNext(1, with: .metaError(code: 130429, status: 429))
        #expect(try self.post(body).status == 500)
        let throttled = try self.post(body)
        #expect(GraphAPIError.parse(status: throttled.status, body: throttled.body).code == 130429)
        #expect(try self.post(body).status == 200)
        #expect(self.standIn.calls.map(\.status) == [500, 429, 200])
    }

    @Test func mediaDescriptorPointsAtTheStandInItself() throws {
        self.standIn.addMedia(id: "1001", bytes: [1, 2, 3], mimeType: "application/pdf")
        let transport = LocalGraphTransport(responder: self.standIn, accessToken: "token")
        let descriptor = try transport.perform(.get("/v21.0/1001"))
        let object = try #require(GraphJSONReading.object(descriptor.body))
        let url = try #require(object["url"]?.stringValue)
        #expect(url.hasPrefix("http://127.0.0.1:9/v21.0/media-bytes/1001?token="))
        #expect(object["sha256"]?.stringValue == SHA256Digest.hex([1, 2, 3]))
        #expect(object["file_size"]?.stringValue == "3")
        #expect(try transport.perform(.get(url)).body == [1, 2, 3])
    }

    @Test func expiredMediaURLAnswers404() throws {
        self.standIn.addMedia(id: "1001", bytes: [1, 2, 3], mimeType: "application/pdf")
        let transport = LocalGraphTransport(responder: self.standIn, accessToken: "token")
        let object = try #require(GraphJSONReading.object(try transport.perform(.get("/1001")).body))
        let url = try #require(object["url"]?.stringValue)
        self.standIn.expireMediaURLs()
        #expect(try transport.perform(.get(url)).status == 404)
    }

    @Test func delayedAnswerTimesOutTheLocalTransport() {
        self.standIn.setDelay(0.5)
        let transport = LocalGraphTransport(responder: self.standIn, accessToken: "token", timeout: 0.05)
        #expect(throws: GraphTransportError.self) {
            _ = try transport.perform(.get("/1001"))
        }
    }

    @Test func onlyTheLatestCallsAreKept() throws {
        let standIn = GraphAPIStandIn(
            configuration: .init(accessToken: "token", publicBaseURL: "http://sandbox", maxRecordedCalls: 2))
        let transport = LocalGraphTransport(responder: standIn, accessToken: "token")
        for id in ["1", "2", "3"] {
            _ = try transport.perform(.get("/\(id)"))
        }
        #expect(standIn.calls.map(\.path) == ["/2", "/3"])
    }

    @Test func sandboxLogGetsOneLinePerCall() throws {
        let lines = LogLines()
        let standIn = GraphAPIStandIn(
            configuration: .init(accessToken: "token", publicBaseURL: "http://sandbox", log: { lines.append($0) }))
        _ = try LocalGraphTransport(responder: standIn, accessToken: "token").perform(
            .post(
                "/1/messages",
                json: .object([
                    ("messaging_product", .string("whatsapp")), ("status", .string("read")),
                    ("message_id", .string("w")),
                ])))
        #expect(lines.all == ["event=graph_standin_call method=POST path=/1/messages status=200"])
    }
}

/// Log lines collected across threads.
private final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])
    var all: [String] { self.lines.withLock { $0 } }
    func append(_ line: String) { self.lines.withLock { $0.append(line) } }
}

struct GraphAPIStandInSandboxTests {
    @Test func sandboxStandInAcceptsItsOwnTransportAndLogsEachCall() throws {
        let lines = LogLines()
        let standIn = GraphAPIStandIn.sandbox(log: { lines.append($0) })
        let message = OutboundMessage(to: "6281234567890", payload: .text("Halo"))
        let response = try standIn.localTransport().perform(
            .post("/106540352242922/messages", json: try GraphMessageEncoder().encode(message)))
        guard case .accepted(let wamid) = GraphSendOutcome.classify(response) else {
            Issue.record("the sandbox refused a valid message")
            return
        }
        #expect(
            lines.all == [
                "event=graph_standin_call method=POST path=/106540352242922/messages status=200 wamid=\(wamid)"
            ])
    }
}
