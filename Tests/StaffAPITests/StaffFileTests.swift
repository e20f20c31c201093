import Foundation
import Storage
import Support
import Testing
import Ticketing
import WhatsAppOutbox

/// Staff send the provider a file (`POST /api/tickets/{number}/files`): kept, recorded on the ticket as a reply
/// and an attachment, and queued as a WhatsApp document, or refused with nothing kept, recorded or queued.
struct StaffFileTests {
    static let pdf = Array("%PDF-1.4\nSurat pernyataan\n%%EOF\n".utf8)

    let data = FileManager.default.temporaryDirectory.appendingPathComponent("loket-files-\(UUID().uuidString)").path

    func api() throws -> StaffAPITests {
        let api = try StaffAPITests(dataDirectory: self.data)
        try api.withStaff()
        return api
    }

    func send(
        _ api: StaffAPITests, _ number: Int, query: String = "name=Surat%20Pernyataan.pdf",
        type: String = "application/pdf", bytes: [UInt8] = Self.pdf
    ) throws -> StaffAPITests.Answer {
        try api.call("POST", "/api/tickets/\(number)/files?\(query)", staff: "sari", contentType: type, rawBody: bytes)
    }

    @Test func aFileIsKeptRecordedAndQueuedAsADocument() throws {
        defer { try? FileManager.default.removeItem(atPath: self.data) }
        let api = try self.api()
        let number = try api.takenTicket()
        let answer = try self.send(api, number, query: "name=Surat%20Pernyataan.pdf&caption=Mohon%20diisi%2C%20Pak")
        #expect(answer.status == 200, "\(answer.json)")
        #expect(answer.json["queued_messages"] as? Int == 1)
        #expect(api.wakeCount == 1)

        let sha256 = SHA256Digest.hex(Self.pdf)
        #expect(MediaStore(dataDirectory: self.data).bytes(of: sha256) == Self.pdf)
        let attachment = try #require(
            (answer.json["attachments"] as? [[String: Any]])?.first { $0["sha256"] as? String == sha256 })
        #expect(attachment["original_name"] as? String == "Surat Pernyataan.pdf")
        #expect((attachment["sender"] as? [String: Any])?["id"] as? String == "sari")
        let texts = (answer.json["activities"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        #expect(texts.contains("📎 Surat Pernyataan.pdf\nMohon diisi, Pak"))
        // The staff member's file opens in the console like a provider's.
        #expect(
            try api.call("GET", "/api/tickets/\(number)/attachments/\(sha256)", staff: "sari").status == 200)

        let queued = try api.writer.read { try Outbox().records(to: StaffAPITests.reporter, in: $0) }
        guard case .document(let source, let filename, let caption)? = queued.last?.message.payload else {
            Issue.record("no document queued: \(queued.map(\.message.payload))")
            return
        }
        #expect(source == .stored(sha256: sha256, mimeType: "application/pdf"))
        #expect(filename == "Surat Pernyataan.pdf")
        #expect(caption == "📎 Berkas dari petugas (tiket #\(number))\nMohon diisi, Pak")
    }

    @Test func aRefusedFileIsNotKeptAndNothingIsQueued() throws {
        defer { try? FileManager.default.removeItem(atPath: self.data) }
        let api = try self.api()
        // Not taken yet: staff reply only to a ticket they took.
        let number = try api.openTicket()
        let before = try api.count("SELECT count(*) FROM outbound_messages")
        let refused = try self.send(api, number)
        #expect(refused.status == 409, "\(refused.json)")
        #expect(MediaStore(dataDirectory: self.data).bytes(of: SHA256Digest.hex(Self.pdf)) == nil)
        #expect(try api.count("SELECT count(*) FROM ticket_attachments") == 0)
        #expect(try api.count("SELECT count(*) FROM outbound_messages") == before)
        #expect(api.wakeCount == 0)
    }

    @Test func malformedUploadsGetTheirStatus() throws {
        defer { try? FileManager.default.removeItem(atPath: self.data) }
        let api = try self.api()
        let number = try api.takenTicket()
        let exe = try self.send(api, number, query: "name=setup.exe", type: "application/x-msdownload")
        #expect(exe.status == 415)
        #expect(exe.error == "unsupported_file_type")
        #expect((exe.json["detail"] as? String)?.contains("PDF, JPEG, PNG") == true)
        #expect(try self.send(api, number, query: "name=foto.png", type: "image/png").error == "file_content_mismatch")
        #expect(try self.send(api, number, bytes: []).error == "empty_file")
        #expect(try self.send(api, number, query: "caption=tanpa%20nama").error == "invalid_query")
        #expect(try self.send(api, number, query: "name=a.pdf&to=62811").error == "invalid_query")
        let long = String(repeating: "a", count: 4001)
        #expect(try self.send(api, number, query: "name=a.pdf&caption=\(long)").status == 400)
        #expect(try self.send(api, 999).status == 404)
        #expect(try self.send(api, number, bytes: Array(repeating: 0x25, count: 16 * 1024 * 1024 + 1)).status == 413)
        #expect(try api.count("SELECT count(*) FROM ticket_attachments") == 0)
        // A path in the name keeps only its last part; a PNG is taken as a PNG.
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]
        let taken = try self.send(api, number, query: "name=..%2F..%2Fetc%2Flangkah.png", type: "image/png", bytes: png)
        #expect(taken.status == 200)
        let names = (taken.json["attachments"] as? [[String: Any]] ?? []).compactMap { $0["original_name"] as? String }
        #expect(names == ["langkah.png"])
        // A photo goes as a photo, which WhatsApp carries up to 5 MB.
        let queued = try api.writer.read { try Outbox().records(to: StaffAPITests.reporter, in: $0) }
        #expect(
            queued.last?.message.payload
                == .image(
                    source: .stored(sha256: SHA256Digest.hex(png), mimeType: "image/png"),
                    caption: "📎 Berkas dari petugas (tiket #\(number))"))
        let photo = png + Array(repeating: 0, count: 5 * 1024 * 1024)
        #expect(try self.send(api, number, query: "name=besar.png", type: "image/png", bytes: photo).status == 413)
    }
}

extension StaffFileTests {
    /// A screen recording staff send (MP4 or 3GP, told by its `ftyp` box) goes as a WhatsApp video, which plays
    /// in the chat; a file named a video that is none is refused with nothing kept.
    @Test func aVideoGoesAsAVideo() throws {
        defer { try? FileManager.default.removeItem(atPath: self.data) }
        let api = try self.api()
        let number = try api.takenTicket()
        let mp4: [UInt8] = [0, 0, 0, 0x18] + Array("ftypmp42".utf8) + [UInt8](repeating: 0, count: 100)
        let sent = try self.send(
            api, number, query: "name=cara-upload.mp4&caption=Langkahnya%20seperti%20ini", type: "video/mp4",
            bytes: mp4)
        #expect(sent.status == 200, "\(sent.json)")
        let queued = try api.writer.read { try Outbox().records(to: StaffAPITests.reporter, in: $0) }
        #expect(
            queued.last?.message.payload
                == .video(
                    source: .stored(sha256: SHA256Digest.hex(mp4), mimeType: "video/mp4"),
                    caption: "📎 Berkas dari petugas (tiket #\(number))\nLangkahnya seperti ini"))

        let fake = try self.send(api, number, query: "name=bukan.mp4", type: "video/mp4", bytes: Self.pdf)
        #expect(fake.error == "file_content_mismatch")
        #expect(try api.count("SELECT count(*) FROM ticket_attachments") == 1)
    }
}
