import Foundation
import HelpdeskRuntime
import Storage
import Support
import Testing

@testable import LoketService
@testable import WhatsAppOutbox

/// The phone simulator through the real service: absent in production, posting signed Meta envelopes that
/// the webhook handler checks like any delivery, and its two controls (the 24-hour window and Graph API
/// failures) acting on the real outbox.
struct PhoneSimulatorTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func application(_ extra: [String: String] = [:]) throws -> (LoketApplication, String) {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("loket-sim-\(UUID().uuidString)").path
        var environment = [
            "LOKET_ADDR": "127.0.0.1:0", "LOKET_DATA_DIR": data,
            "LOKET_DIALOGS": repository.appendingPathComponent("Dialogs").path,
            "LOKET_SIMULATOR": repository.appendingPathComponent("Simulator").path, "WHATSAPP_APP_SECRET": "sim-secret",
        ]
        environment.merge(extra) { $1 }
        let application = try LoketApplication(
            configuration: try Configuration.parse(environment: environment), logger: .discarding)
        try application.start()
        return (application, data)
    }

    /// Stops `application` and removes its data directory.
    static func stop(_ application: LoketApplication, data: String) {
        application.stop()
        try? FileManager.default.removeItem(atPath: data)
    }

    static func post(_ application: LoketApplication, _ path: String, _ body: [String: Any]) throws
        -> LoopbackClient.Response
    {
        try LoopbackClient(port: application.port).send(
            method: "POST", target: path, headers: [("Content-Type", "application/json")],
            body: Array(try JSONSerialization.data(withJSONObject: body)))
    }

    static func waitUntil(_ what: String, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if try condition() { return }
            usleep(20_000)
        }
        Issue.record("timed out waiting until \(what)")
        throw POSIXError(.ETIMEDOUT)
    }

    @Test func inProductionTheSimulatorIsNoRoute() throws {
        let (application, data) = try Self.application([
            "WHATSAPP_ACCESS_TOKEN": "token", "WHATSAPP_PHONE_NUMBER_ID": "1", "WHATSAPP_VERIFY_TOKEN": "verify",
            "WHATSAPP_API_BASE": "http://127.0.0.1:9",
        ])
        defer { Self.stop(application, data: data) }
        let page = try LoopbackClient(port: application.port).send(method: "GET", target: "/simulator")
        #expect(page.status == 404)
        #expect(
            try Self.post(
                application, "/simulator/api/send", ["phone": "6281200001111", "type": "text", "text": "halo"]
            ).status == 404)
    }

    @Test func whatItSendsIsASignedEnvelopeTheHandlerChecksAndTheControlsActOnTheOutbox() throws {
        let (application, data) = try Self.application()
        defer { Self.stop(application, data: data) }
        let standIn = try #require(application.standIn)
        let phone = "6281200002222"
        #expect(try LoopbackClient(port: application.port).send(method: "GET", target: "/simulator").status == 200)
        let sent = try Self.post(
            application, "/simulator/api/send", ["phone": phone, "name": "Budi", "type": "text", "text": "halo"])
        #expect(sent.status == 200 && sent.json["webhook_status"] as? Int == 200)
        let database = try Database(path: data + "/loket.sqlite")
        try Self.waitUntil("the menu is sent") {
            standIn.acceptedMessages.contains { $0.bodyText.contains(phone) && $0.bodyText.contains("interactive") }
        }
        #expect(
            try database.queryFirst("SELECT count(*) FROM inbox WHERE wa_id = ? AND kind = 'message'", [.text(phone)]) {
                $0.int(0)
            } == 1)

        // The same envelope with one byte changed is refused by the signature check: no shortcut exists.
        let forged = try LoopbackClient(port: application.port).send(
            method: "POST", target: "/webhook",
            headers: [
                ("Content-Type", "application/json"),
                ("X-Hub-Signature-256", "sha256=" + String(repeating: "0", count: 64)),
            ],
            body: Array(#"{"object":"whatsapp_business_account","entry":[]}"#.utf8))
        #expect(forged.status == 401 || forged.status == 403)

        // The 24-hour control: a reply queued now goes out as the notice template, the reply waiting behind it.
        #expect(try Self.post(application, "/simulator/api/window", ["phone": phone]).status == 200)
        let before = standIn.acceptedMessages.count
        let writer = try DatabaseWriter(path: data + "/loket.sqlite")
        try writer.write { database in
            try Outbox().enqueue(
                [OutboundMessage(to: phone, payload: .text("Balasan petugas"))], in: database, now: Date())
        }
        try Self.waitUntil("a template goes out") {
            standIn.acceptedMessages.dropFirst(before).contains { $0.bodyText.contains("\"template\"") }
        }
        #expect(!standIn.acceptedMessages.dropFirst(before).contains { $0.bodyText.contains("Balasan petugas") })

        // The failure control: the next Graph API call fails with 131000 and the outbox retries it.
        #expect(try Self.post(application, "/simulator/api/fail", ["count": 1, "code": 131000]).status == 200)
        _ = try Self.post(
            application, "/simulator/api/send", ["phone": phone, "name": "Budi", "type": "text", "text": "menu"])
        try Self.waitUntil("a send failed and was retried") {
            let retried =
                try database.queryFirst(
                    "SELECT count(*) FROM outbound_messages WHERE recipient = ? AND attempts > 1 AND state = 'sent'",
                    [.text(phone)]
                ) { $0.int(0) } ?? 0
            return standIn.calls.contains { $0.status == 500 } && retried > 0
        }
    }
}

extension PhoneSimulatorTests {
    /// A 3.6 MB PDF, under a checklist document's 4 MB, and a 5 MB one over it, reach Loket from the
    /// simulator (their base64 bodies are larger than the server's 4 MiB for other requests, which stays):
    /// the first is taken, the second refused in the chat with the limit. Both were refused 413 before.
    @Test func filesAboveTheServersUsualBodyLimitReachLoketFromTheSimulator() throws {
        let (application, data) = try Self.application()
        defer { Self.stop(application, data: data) }
        let standIn = try #require(application.standIn)
        let phone = "6281200003333"
        for step in ["mau daftar akun spse", "PT Maju Jaya"] {
            _ = try Self.post(application, "/simulator/api/send", ["phone": phone, "type": "text", "text": step])
            usleep(300_000)
        }
        for id in ["phone.self", "consent.yes"] {
            _ = try Self.post(application, "/simulator/api/send", ["phone": phone, "type": "button", "id": id])
            usleep(300_000)
        }
        func pdf(_ bytes: Int) -> String {
            Data(Array("%PDF-1.4\n".utf8) + Array(repeating: UInt8(ascii: "0"), count: bytes) + Array("\n%%EOF\n".utf8))
                .base64EncodedString()
        }
        for (name, size) in [("ktp.pdf", 3_600 * 1024), ("npwp.pdf", 5 * 1024 * 1024)] {
            let sent = try Self.post(
                application, "/simulator/api/send",
                ["phone": phone, "type": "document", "file": pdf(size), "filename": name, "mime": "application/pdf"])
            #expect(sent.status == 200, "\(name): \(sent.status)")
        }
        try Self.waitUntil("both files are answered") {
            let texts = standIn.acceptedMessages.map(\.bodyText).filter { $0.contains(phone) }
            return texts.contains { $0.contains("ktp.pdf diterima sebagai KTP/KITAS Direktur") }
                && texts.contains { $0.contains("npwp.pdf lebih besar dari 4 MB") }
        }
        // Beyond the simulator's own limit, and on any other path beyond 4 MiB: 413 from Content-Length.
        let other = try LoopbackClient(port: application.port).send(
            method: "POST", target: "/webhook", headers: [("Content-Type", "application/json")],
            body: Array(repeating: UInt8(ascii: " "), count: 4 * 1024 * 1024 + 1))
        #expect(other.status == 413)
    }
}

extension PhoneSimulatorTests {
    /// "Bagikan kartu kontak" sends a contacts message as WhatsApp does (the number as typed, its wa_id for an
    /// Indonesian mobile number), which answers the form's question for the director's number; a card without
    /// a name or a number is refused with 400. "Bagikan lokasi" sends a location message.
    @Test func aSharedContactCardAnswersTheDirectorsNumber() throws {
        let (application, data) = try Self.application()
        defer { Self.stop(application, data: data) }
        let standIn = try #require(application.standIn)
        let phone = "6281200003333"
        func send(_ body: [String: Any], until fragment: String) throws {
            let response = try Self.post(
                application, "/simulator/api/send", ["phone": phone, "name": "Budi"].merging(body) { $1 })
            #expect(response.status == 200, "\(body)")
            try Self.waitUntil("Loket answers with \(fragment)") {
                standIn.acceptedMessages.contains { $0.bodyText.contains(phone) && $0.bodyText.contains(fragment) }
            }
        }
        try send(["type": "list", "id": "menu.registrasi", "title": "Registrasi"], until: "nama badan usaha")
        try send(["type": "text", "text": "CV Maju Jaya"], until: "Nomor WhatsApp direksi")
        try send(
            ["type": "contact", "contact_name": "Pak Budi", "contact_phone": "0812-3456-7891"],
            until: "Nomor dari kartu kontak: +6281234567891.")
        let database = try Database(path: data + "/loket.sqlite")
        let raw = try database.queryFirst(
            "SELECT raw FROM inbox WHERE wa_id = ? AND raw LIKE '%contacts%' ORDER BY seq DESC", [.text(phone)]
        ) { $0.string(0) }
        let card = try #require(raw)
        #expect(card.contains(#""phone":"0812-3456-7891""#) && card.contains(#""wa_id":"6281234567891""#), "\(card)")

        // A location: the pin as numbers, the name and address as given; without a ticket Loket says it does not
        // need one. A pin off the globe is refused.
        try send(
            [
                "type": "location", "latitude": -6.1754, "longitude": 106.8272, "location_name": "Kantor",
                "address": "Jl. A",
            ],
            until: "kami tidak memerlukan lokasi")
        let pin = try #require(
            try database.queryFirst(
                "SELECT raw FROM inbox WHERE wa_id = ? AND raw LIKE '%latitude%' ORDER BY seq DESC", [.text(phone)]
            ) { $0.string(0) })
        #expect(pin.contains(#""latitude":-6.1754"#) && pin.contains(#""name":"Kantor""#), "\(pin)")
        let offGlobe = try Self.post(
            application, "/simulator/api/send", ["phone": phone, "type": "location", "latitude": 91, "longitude": 0])
        #expect(offGlobe.status == 400)

        for incomplete in [
            ["contact_phone": "0812"], ["contact_name": "Pak Budi"], ["contact_name": " ", "contact_phone": "1"],
        ] {
            let refused = try Self.post(
                application, "/simulator/api/send",
                ["phone": phone, "type": "contact"].merging(incomplete) { $1 })
            #expect(refused.status == 400, "\(incomplete)")
        }
    }
}

extension PhoneSimulatorTests {
    /// ↩ quotes Loket's message: the next message carries its wamid as `context.id`, as WhatsApp's
    /// swipe-to-reply does; a video goes as a video message with its caption; both reach Loket.
    @Test func aQuoteAndAVideoGoAsWhatsAppSendsThem() throws {
        let (application, data) = try Self.application()
        defer { Self.stop(application, data: data) }
        let phone = "6281200004444"
        let quoted = try Self.post(
            application, "/simulator/api/send",
            ["phone": phone, "type": "text", "text": "halo", "reply_to": "wamid.loket.quoted-1"])
        #expect(quoted.status == 200)
        let mp4 = Data([0, 0, 0, 0x18] + Array("ftypmp42".utf8) + [UInt8](repeating: 0, count: 64))
        let video = try Self.post(
            application, "/simulator/api/send",
            [
                "phone": phone, "type": "video", "file": mp4.base64EncodedString(), "mime": "video/mp4",
                "caption": "rekaman layar",
            ])
        #expect(video.status == 200)
        // The inbox's log reaches its table when the dispatcher next runs.
        let database = try Database(path: data + "/loket.sqlite")
        func received() throws -> [String] {
            try database.query("SELECT raw FROM inbox WHERE wa_id = ? ORDER BY seq", [.text(phone)]) { $0.string(0) }
        }
        try Self.waitUntil("both messages are in the inbox") { try received().count == 2 }
        let raws = try received()
        #expect(raws.first?.contains(#""context":{"id":"wamid.loket.quoted-1"}"#) == true, "\(raws)")
        #expect(
            raws.last?.contains(#""type":"video""#) == true
                && raws.last?.contains(#""caption":"rekaman layar""#) == true,
            "\(raws)")

        let tooLong = try Self.post(
            application, "/simulator/api/send",
            ["phone": phone, "type": "text", "text": "halo", "reply_to": String(repeating: "w", count: 201)])
        #expect(tooLong.status == 400)
    }
}
