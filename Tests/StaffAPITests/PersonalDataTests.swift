import Conversation
import Foundation
import HelpdeskRuntime
import Intents
import StaffAPI
import StaffAccess
import Storage
import Testing
import Ticketing
import WhatsAppOutbox

/// UU 27/2022 in practice: a provider asks in the chat to erase their data, a Level 2 member approves, and
/// the number, the name, the documents and the messages are gone everywhere but what the records need.
struct PersonalDataTests {
    static let reporter = "6281234567890"

    @Test func anApprovedErasureRequestLeavesNoTraceOfThePerson() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("loket-erase-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: data) }
        let api = try StaffAPITests(dataDirectory: data)
        try api.withStaff()
        try api.member("koor", "Koordinator", .level2)
        let number = try api.takenTicket()
        // A document on disk, a reply sent, and the provider's chat.
        let path = "media/ab/" + String(repeating: "ab", count: 32)
        try FileManager.default.createDirectory(atPath: data + "/media/ab", withIntermediateDirectories: true)
        try Data("%PDF-1.4 KTP Budi".utf8).write(to: URL(fileURLWithPath: data + "/" + path))
        try api.writer.write { database in
            let store = SQLiteTicketStore.transaction(on: database, configuration: api.configuration)
            try store.addAttachment(
                Attachment(
                    sha256: String(repeating: "ab", count: 32), originalName: "ktp-budi.pdf", size: 17,
                    mimeType: "application/pdf",
                    sender: .reporter(waID: Self.reporter, name: "Budi"), receivedAt: StaffAPITests.now,
                    storagePath: path),
                to: TicketNumber(number))
        }
        #expect(
            try api.call(
                "POST", "/api/tickets/\(number)/actions", ["action": "reply", "text": "Baik Pak Budi"], staff: "sari"
            ).status == 200)

        // The provider asks in the chat; the request becomes a ticket for staff.
        let runtime = api.api.runtimeForTests
        let opened = try api.writer.write { database -> [OutboundMessage] in
            let classify = { (text: String) in runtime.recognizer.classify(text, now: StaffAPITests.now) }
            _ = try runtime.deliver(
                .messageReceived(
                    InboundChatMessage(id: "w1", kind: .text("hapus data saya", classify("hapus data saya")))),
                to: Self.reporter, now: StaffAPITests.now, in: database)
            return try runtime.deliver(
                .messageReceived(
                    InboundChatMessage(id: "w2", kind: .buttonReply(id: "erasure.yes", title: "Ya, hapus"))),
                to: Self.reporter, now: StaffAPITests.now, in: database)
        }
        let said = opened.compactMap { message -> String? in
            switch message.payload {
            case .text(let text): return text
            default: return nil
            }
        }.joined()
        #expect(said.contains("Permintaan penghapusan data dicatat sebagai tiket #"))
        let request = try #require(
            try api.writer.read {
                try $0.queryFirst("SELECT number FROM tickets WHERE category = 'data_pribadi'") { $0.int(0) }
            })

        // Level 1 may not approve; Level 2 does.
        #expect(
            try api.call("POST", "/api/tickets/\(request)/actions", ["action": "erase_personal_data"], staff: "sari")
                .status == 403)
        let erased = try api.call(
            "POST", "/api/tickets/\(request)/actions", ["action": "erase_personal_data"], staff: "koor")
        #expect(erased.status == 200)
        #expect((erased.json["erased"] as? [String: Any])?["tickets"] as? Int == 2)
        #expect((erased.json["erased"] as? [String: Any])?["documents"] as? Int == 1)
        #expect(!FileManager.default.fileExists(atPath: data + "/" + path))
        #expect(
            try api.call("POST", "/api/tickets/\(request)/actions", ["action": "erase_personal_data"], staff: "koor")
                .error == "already_erased")

        // Nothing holds the number or the name any more, except the one message that tells the provider and the
        // contact's record of WhatsApp's 24-hour window that lets it go as a message.
        for (table, columns) in [
            ("tickets", "reporter_wa_id || reporter_name || coalesce(director_phone, '') || description"),
            ("ticket_activities", "actor_id || actor_name || coalesce(body, '')"),
            ("ticket_attachments", "sender_id || sender_name || original_name"),
            ("conversations", "contact"), ("inbox", "raw"), ("consents", "contact"),
        ] {
            let found = try api.writer.read {
                try $0.queryFirst(
                    "SELECT count(*) FROM \(table) WHERE \(columns) LIKE '%1234567890%' OR \(columns) LIKE '%Budi%'"
                ) { $0.int(0) } ?? 0
            }
            #expect(found == 0, "\(table) still holds the person")
        }
        let outbound = try api.writer.read {
            try $0.query("SELECT payload FROM outbound_messages WHERE recipient = ?", [.text(Self.reporter)]) {
                $0.string(0)
            }
        }
        #expect(outbound.count == 1 && outbound[0].contains("telah dihapus"))
        // The records stay, without the person: the service, the company, the status.
        #expect(
            try api.writer.read {
                try $0.queryFirst("SELECT count(*) FROM tickets WHERE reporter_wa_id LIKE 'erased-%'") { $0.int(0) }
            } == 2)
        let audit = try api.call("GET", "/api/audit", staff: "lead").json["entries"] as? [[String: Any]] ?? []
        #expect(
            audit.contains {
                ($0["action"] as? String)?.contains("erase_personal_data") == true && $0["staff"] as? String == "koor"
            })
    }

    @Test func whatLoketHoldsIsToldInTheChat() throws {
        let api = try StaffAPITests()
        try api.withStaff()
        _ = try api.takenTicket()
        let runtime = api.api.runtimeForTests
        let reply = try api.writer.write { database in
            try runtime.deliver(
                .messageReceived(
                    InboundChatMessage(
                        id: "w1",
                        kind: .text(
                            "data saya apa saja?",
                            runtime.recognizer.classify("data saya apa saja?", now: StaffAPITests.now)))),
                to: Self.reporter, now: StaffAPITests.now, in: database)
        }
        let text = reply.compactMap { message -> String? in
            switch message.payload {
            case .text(let text): return text
            default: return nil
            }
        }.joined()
        #expect(text.contains("• Nomor WhatsApp: +6281234567890") && text.contains("• Tiket: 1"), "\(text)")
    }
}
