import Foundation
import HTTPServer
import Storage
import Support
import Synchronization
import Testing

@testable import WhatsAppOutbox

/// The Graph API stand-in served over real HTTP on 127.0.0.1, reached through libcurl.
private final class ServedStandIn {
    let standIn = GraphAPIStandIn(configuration: .init(accessToken: "token", publicBaseURL: "http://127.0.0.1"))
    let server: HTTPServer
    let baseURL: String

    init() throws {
        GraphClient.initializeLibraryOnce()
        self.server = HTTPServer(configuration: HTTPServerConfiguration(port: 0), responder: self.standIn)
        try self.server.start()
        self.baseURL = "http://127.0.0.1:\(self.server.port)/v21.0"
        self.standIn.setPublicBaseURL(self.baseURL)
    }

    func client(token: String = "token") -> GraphClient {
        GraphClient(configuration: .init(baseURL: self.baseURL, accessToken: token, connectTimeout: 2, totalTimeout: 5))
    }

    deinit {
        self.server.stop(timeout: .seconds(2))
    }
}

/// A clock the test moves by hand.
private final class SteppedClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_800_000_000))

    var now: Date { self.current.withLock { $0 } }

    func advance(to date: Date) {
        self.current.withLock { $0 = max($0, date) }
    }
}

@Suite(.serialized)
struct OutboxSenderHTTPTests {
    private let served: ServedStandIn
    private let clock = SteppedClock()
    private let writer: DatabaseWriter
    private let outbox = Outbox()
    private let template = OutboundMessage.Template(
        name: "pengingat_verifikasi", language: "id", bodyParameters: ["10:00"])

    init() throws {
        self.served = try ServedStandIn()
        self.writer = try DatabaseWriter(path: ":memory:", migrators: [Outbox.migrator])
    }

    private func sender(mediaStore: MediaStore? = nil) -> OutboxSender {
        let client = self.served.client()
        let clock = self.clock
        return OutboxSender(
            configuration: .init(phoneNumberID: "106540352242922", workerCount: 1),
            outbox: self.outbox, writer: self.writer, mediaStore: mediaStore, makeTransport: { _ in client },
            clock: { clock.now }, random: { 0 })
    }

    private func queue(_ message: OutboundMessage, lastInbound: TimeInterval?) throws {
        try self.writer.write { database in
            if let lastInbound {
                try self.outbox.recordInbound(
                    from: message.to, at: self.clock.now.addingTimeInterval(-lastInbound), in: database)
            }
            try self.outbox.enqueue([message], in: database, now: self.clock.now)
        }
    }

    private func record() throws -> OutboundRecord {
        try #require(try self.writer.read { try self.outbox.records(to: "6281234567890", in: $0) }.first)
    }

    @Test func serverErrorThenSuccessSendsOnceAfterTwoAttempts() throws {
        try self.queue(OutboundMessage(to: "6281234567890", payload: .text("Halo")), lastInbound: 60)
        self.served.standIn.failNext(1, with: .httpStatus(500))
        let sender = self.sender()
        let retryAt = try #require(sender.runDue())
        #expect(try self.record().state == .queued)
        self.clock.advance(to: retryAt)
        #expect(sender.runDue() == nil)
        let record = try self.record()
        #expect(record.state == .sent)
        #expect(record.attempts == 2)
        #expect(self.served.standIn.calls.map(\.status) == [500, 200])
        #expect(
            self.served.standIn.calls.map(\.path) == [
                "/v21.0/106540352242922/messages", "/v21.0/106540352242922/messages",
            ])
        #expect(record.wamid == self.served.standIn.acceptedMessages.first?.wamid)
        #expect(
            self.served.standIn.acceptedMessages.first?.bodyText
                == #"{"messaging_product":"whatsapp","recipient_type":"individual","to":"6281234567890","#
                + #""type":"text","text":{"body":"Halo","preview_url":false}}"#)
    }

    @Test func aStoredFileIsUploadedThenSentByItsMediaID() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loket-upload-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = MediaStore(dataDirectory: directory)
        let bytes = Array("%PDF-1.4\nSurat pernyataan \"asli\"\r\n--loket-\n%%EOF\n".utf8)
        let stored = try store.store(bytes, mimeType: "application/pdf").media
        try self.queue(
            OutboundMessage(
                to: "6281234567890",
                payload: .document(
                    source: .stored(sha256: stored.sha256, mimeType: "application/pdf"),
                    filename: "Surat \"Pernyataan\".pdf", caption: "Mohon diisi")),
            lastInbound: 60)
        // The first upload fails: the message is retried, and its file uploaded again.
        self.served.standIn.failNext(1, with: .httpStatus(503))
        let sender = self.sender(mediaStore: store)
        let retryAt = try #require(sender.runDue())
        #expect(try self.record().state == .queued)
        self.clock.advance(to: retryAt)
        #expect(sender.runDue() == nil)
        #expect(try self.record().state == .sent)
        let calls = self.served.standIn.calls
        #expect(
            calls.map(\.path) == [
                "/v21.0/106540352242922/media", "/v21.0/106540352242922/media", "/v21.0/106540352242922/messages",
            ])
        let upload = try #require(try JSONReader.parse(calls[1].body).object)
        let id = try #require(upload["id"]?.stringValue)
        #expect(upload["type"]?.stringValue == "application/pdf")
        #expect(upload["filename"]?.stringValue == "Surat _Pernyataan_.pdf")
        #expect(self.served.standIn.media(id: id)?.bytes == bytes)
        let sent = try JSONReader.parse(calls[2].body)
        #expect(sent["type"]?.stringValue == "document")
        #expect(sent["document"]?["id"]?.stringValue == id)
        #expect(sent["document"]?["filename"]?.stringValue == "Surat \"Pernyataan\".pdf")
        #expect(sent["document"]?["caption"]?.stringValue == "Mohon diisi")
        #expect(self.served.standIn.acceptedMessages.count == 1)
    }

    @Test func aStoredPhotoIsUploadedThenSentAsAPhoto() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loket-upload-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = MediaStore(dataDirectory: directory)
        let bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]
        let stored = try store.store(bytes, mimeType: "image/png").media
        try self.queue(
            OutboundMessage(
                to: "6281234567890",
                payload: .image(source: .stored(sha256: stored.sha256, mimeType: "image/png"), caption: "Langkah 3")),
            lastInbound: 60)
        #expect(self.sender(mediaStore: store).runDue() == nil)
        #expect(try self.record().state == .sent)
        let calls = self.served.standIn.calls
        let id = try #require(try JSONReader.parse(calls[0].body)["id"]?.stringValue)
        #expect(self.served.standIn.media(id: id)?.mimeType == "image/png")
        let sent = try JSONReader.parse(calls[1].body)
        #expect(sent["type"]?.stringValue == "image")
        #expect(sent["image"]?["id"]?.stringValue == id)
        #expect(sent["image"]?["caption"]?.stringValue == "Langkah 3")
    }

    @Test func aStoredFileNoLongerKeptFailsWithoutACall() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loket-upload-\(UUID())").path
        try self.queue(
            OutboundMessage(
                to: "6281234567890",
                payload: .document(
                    source: .stored(sha256: String(repeating: "ab", count: 32), mimeType: "application/pdf"),
                    filename: "hilang.pdf", caption: nil)),
            lastInbound: 60)
        #expect(self.sender(mediaStore: MediaStore(dataDirectory: directory)).runDue() == nil)
        let record = try self.record()
        #expect(record.state == .failed)
        #expect(record.lastError?.contains("no longer kept") == true)
        #expect(self.served.standIn.calls.isEmpty)
    }

    @Test func permanentErrorIsNotRetried() throws {
        try self.queue(OutboundMessage(to: "6281234567890", payload: .text("Halo")), lastInbound: 60)
        self.served.standIn.failNext(1, with: .metaError(code: 100, status: 400))
        let sender = self.sender()
        #expect(sender.runDue() == nil)
        self.clock.advance(to: self.clock.now.addingTimeInterval(86_400))
        #expect(sender.runDue() == nil)
        let record = try self.record()
        #expect(record.state == .failed)
        #expect(record.errorCodes == [100])
        #expect(self.served.standIn.calls.count == 1)
    }

    @Test func outsideTheWindowTheTemplateIsSentInstead() throws {
        try self.queue(
            OutboundMessage(
                to: "6281234567890", payload: .text("Jadwal verifikasi besok"), fallbackTemplate: self.template),
            lastInbound: 30 * 3600)
        self.sender().runDue()
        #expect(
            self.served.standIn.acceptedMessages.map(\.bodyText)
                == [
                    #"{"messaging_product":"whatsapp","recipient_type":"individual","to":"6281234567890","type":"template","#
                        + #""template":{"name":"pengingat_verifikasi","language":{"code":"id"},"components":[{"type":"body","#
                        + #""parameters":[{"type":"text","text":"10:00"}]}]}}"#
                ])
        #expect(try self.record().sentAsTemplate)
    }

    @Test func wrongTokenIsRefusedWith190() throws {
        let response = try self.served.client(token: "wrong").perform(
            .post("/106540352242922/messages", json: .object([("messaging_product", .string("whatsapp"))])))
        #expect(response.status == 401)
        #expect(GraphAPIError.parse(status: response.status, body: response.body).code == 190)
    }

    @Test func oneClientReusesItsConnection() throws {
        let client = self.served.client()
        let body = JSONValue.object([
            ("messaging_product", .string("whatsapp")), ("status", .string("read")), ("message_id", .string("wamid.A")),
        ])
        _ = try client.perform(.post("/1/messages", json: body))
        _ = try client.perform(.post("/1/messages", json: body))
        _ = try client.perform(.post("/1/messages", json: body))
        #expect(self.served.server.openConnectionCount == 1)
    }

    @Test func mediaIsDownloadedOverHTTPAndStored() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("media-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let pdf = Array("%PDF-1.4\n%%EOF\n".utf8)
        self.served.standIn.addMedia(id: "2621233374848975", bytes: pdf, mimeType: "application/pdf")
        let downloader = MediaDownloader(
            configuration: .init(dataDirectory: directory), transport: self.served.client())
        let stored = try downloader.fetch(
            mediaID: "2621233374848975", expectedSHA256: nil, limits: .verificationDocument)
        #expect(FileManager.default.contents(atPath: stored.path) == Data(pdf))
        #expect(
            self.served.standIn.calls.map(\.path) == ["/v21.0/2621233374848975", "/v21.0/media-bytes/2621233374848975"])
    }
}
