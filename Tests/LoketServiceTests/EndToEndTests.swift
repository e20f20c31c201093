import Foundation
import HelpdeskRuntime
import StaffAccess
import Storage
import Support
import Testing
import Ticketing

@testable import LoketService
@testable import WebhookServer
@testable import WhatsAppOutbox

/// The whole journey of issue 5 through the real service: signed webhooks over TCP into the HTTP server, the
/// inbox, the dispatcher and the conversation runtime, staff actions through the staff API, and every reply
/// checked where it lands, at the sandbox's Graph API stand-in.
struct EndToEndTests {
    @Test func aProviderRegistersWithTwoPDFsAndStaffResolveItThroughTheRealEdge() throws {
        let loket = try EndToEndHarness()
        defer { loket.stop() }

        // 1. "halo" from a new provider: welcome and the main menu as a list.
        var replies = try loket.provider(.text("halo"))
        let menu = try #require(replies.last)
        #expect(menu.kind == "list")
        #expect(menu.body.contains("selamat datang"))
        let registration = try #require(menu.rows.first { $0.title == "Registrasi & Verifikasi" })
        #expect(menu.rows.map(\.title).contains("Cek status tiket"))

        // 2. The service from the list, 3. the company, 4. the own number, 5. consent.
        replies = try loket.provider(.listReply(id: registration.id, title: registration.title))
        #expect(replies.map(\.body).joined().contains("Registrasi dan Verifikasi Berkas (bagi pengguna baru di SPSE)"))
        #expect(replies.last?.body.contains("Tulis nama badan usaha") == true)

        replies = try loket.provider(.text("PT Maju Jaya"))
        let phoneQuestion = try #require(replies.last)
        #expect(phoneQuestion.kind == "button")
        #expect(phoneQuestion.body.contains("+\(EndToEndHarness.provider)"))
        let ownNumber = try #require(phoneQuestion.buttons.first { $0.title == "Pakai nomor ini" })

        replies = try loket.provider(.buttonReply(id: ownNumber.id, title: ownNumber.title))
        let privacy = try #require(replies.last)
        #expect(privacy.body.contains("UU 27/2022"))
        let agree = try #require(privacy.buttons.first { $0.title == "Setuju" })
        #expect(agree.id == "consent.yes")

        replies = try loket.provider(.buttonReply(id: agree.id, title: agree.title))
        let checklist = try #require(replies.last)
        #expect(checklist.kind == "text")
        #expect(checklist.body.contains("⬜ KTP/KITAS Direktur"))
        #expect(checklist.body.contains("⬜ NPWP Perusahaan"))

        // 6–7. Two PDFs; the second completes the checklist and brings the summary.
        let ktp = EndToEndHarness.pdf("KTP direktur PT Maju Jaya")
        let npwp = EndToEndHarness.pdf("NPWP PT Maju Jaya")
        replies = try loket.provider(loket.document(ktp, mediaID: "media-ktp-1", filename: "ktp-direktur.pdf"))
        #expect(replies.last?.body.contains("✅ ktp-direktur.pdf diterima sebagai KTP/KITAS Direktur") == true)
        replies = try loket.provider(loket.document(npwp, mediaID: "media-npwp-1", filename: "npwp-perusahaan.pdf"))
        let summary = try #require(replies.last)
        #expect(summary.body.contains("Ringkasan permohonan Anda"))
        #expect(summary.body.contains("Nama usaha: PT Maju Jaya"))
        #expect(summary.body.contains("• KTP/KITAS Direktur (ktp-direktur.pdf)"))
        #expect(summary.body.contains("• NPWP Perusahaan (npwp-perusahaan.pdf)"))
        let submit = try #require(summary.buttons.first { $0.title == "Kirim" })

        // 8. Confirm: the ticket is opened with both files, stored content-addressed.
        replies = try loket.provider(.buttonReply(id: submit.id, title: submit.title))
        let opened = try #require(replies.last)
        let number = try #require(EndToEndHarness.ticketNumber(in: opened.body, after: "Tiket #"))
        #expect(opened.body.contains("berhasil dibuat untuk layanan Registrasi dan Verifikasi Berkas"))
        // Issue 5's figure: messages the provider sent to open a complete ticket with two documents (target ≤ 9).
        print("end-to-end: the provider sent \(loket.sentByProvider) messages to open ticket #\(number) (target ≤ 9)")
        #expect(loket.sentByProvider == 8)
        var ticket = try loket.api("GET", "/api/tickets/\(number)", staff: nil, expect: 401)
        #expect(ticket.json["error"] as? String == "unauthorized")

        let stored = try loket.read { store in try store.attachments(of: TicketNumber(number)) }
        #expect(Set(stored.map(\.originalName)) == ["ktp-direktur.pdf", "npwp-perusahaan.pdf"])
        for (attachment, bytes) in zip(stored.sorted { $0.originalName < $1.originalName }, [ktp, npwp]) {
            #expect(attachment.sha256 == SHA256Digest.hex(bytes))
            #expect(attachment.storagePath == "media/\(attachment.sha256.prefix(2))/\(attachment.sha256)")
            let onDisk = FileManager.default.contents(atPath: loket.dataDirectory + "/" + attachment.storagePath)
            #expect(onDisk.map(Array.init) == bytes)
        }

        // Staff: the first admin is created with `loket staff add`; the admin creates a Level 1 member.
        try loket.member("koordinator", "Rina Koordinator", .admin)
        let sari = try loket.api(
            "PUT", "/api/staff/sari", ["name": "Sari Helpdesk", "role": "l1"], staff: "koordinator")
        #expect(sari.status == 201)
        try loket.token(for: "sari")

        // Level 1 takes it and asks for a missing document: the provider is asked exactly that.
        ticket = try loket.api(
            "POST", "/api/tickets/\(number)/actions",
            [
                "action": "take", "category": "registrasi", "type": "permintaan_layanan", "priority": "normal",
                "application_version": "SPSE 4.5",
            ], staff: "sari")
        #expect(EndToEndHarness.status(ticket) == "in_progress")
        let request = "Mohon kirim akta pendirian perusahaan dalam PDF."
        ticket = try loket.api(
            "POST", "/api/tickets/\(number)/actions", ["action": "ask_feedback", "from": "reporter", "text": request],
            staff: "sari")
        #expect(EndToEndHarness.status(ticket) == "waiting_on_reporter")
        replies = try loket.settledReplies()
        let asked = try #require(replies.last)
        #expect(asked.body.contains("Petugas meminta informasi tambahan untuk tiket #\(number)"))
        #expect(asked.body.contains(request))
        let done = try #require(asked.buttons.first)
        #expect(done.id == "feedback.done.\(number)")

        // The provider sends the third PDF and says they are done.
        let akta = EndToEndHarness.pdf("Akta pendirian PT Maju Jaya")
        replies = try loket.provider(loket.document(akta, mediaID: "media-akta-1", filename: "akta-pendirian.pdf"))
        #expect(replies.last?.body.contains("File akta-pendirian.pdf sudah dilampirkan ke tiket #\(number)") == true)
        replies = try loket.provider(.buttonReply(id: done.id, title: done.title))
        #expect(replies.last?.body.contains("Tanggapan Anda untuk tiket #\(number) sudah diteruskan") == true)

        // Staff resolve: the provider is asked to confirm.
        let resolution = "Berkas sudah diverifikasi dan akun SPSE PT Maju Jaya telah aktif."
        ticket = try loket.api(
            "POST", "/api/tickets/\(number)/actions", ["action": "resolve", "text": resolution], staff: "sari")
        #expect(EndToEndHarness.status(ticket) == "resolved")
        replies = try loket.settledReplies()
        let confirmation = try #require(replies.last)
        #expect(confirmation.body.contains("Petugas telah menyelesaikan tiket #\(number)"))
        #expect(confirmation.body.contains(resolution))
        let ok = try #require(confirmation.buttons.first { $0.id == "resolve.ok.\(number)" })
        #expect(ok.title == "OK, Selesai")

        // "OK, selesai": the ticket closes and the survey starts, one question per message.
        replies = try loket.provider(.buttonReply(id: ok.id, title: ok.title))
        #expect(replies.contains { $0.body.contains("Terima kasih, tiket #\(number) kami tutup.") })
        var question = try #require(replies.last)
        #expect(question.body.contains("(8 pertanyaan)"))
        let answers = [4, 4, 3, 4, 4, 3, 4, 4]
        for (index, value) in answers.enumerated() {
            #expect(question.kind == "list")
            #expect(question.body.contains("(\(index + 1)/8)"))
            #expect(
                question.rows.map(\.title) == ["Tidak memuaskan", "Kurang memuaskan", "Memuaskan", "Sangat memuaskan"])
            let row = try #require(question.rows.first { $0.id == "survey.\(value)" })
            replies = try loket.provider(.listReply(id: row.id, title: row.title))
            question = try #require(replies.last)
        }
        #expect(question.body.contains("Ada saran atau komentar?"))
        replies = try loket.provider(.text("Pelayanan cepat dan petugasnya jelas."))
        #expect(replies.last?.body.contains("Terima kasih atas penilaian Anda!") == true)

        // The final state: closed by the reporter, every step in the log, three files, the survey counted.
        ticket = try loket.api("GET", "/api/tickets/\(number)", staff: "koordinator")
        #expect(EndToEndHarness.status(ticket) == "closed")
        let kinds = (ticket.json["activities"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
        #expect(kinds.first == "created")
        for kind in ["taken", "feedback_requested", "attachment_added", "resolved", "confirmed"] {
            #expect(kinds.contains(kind), "activity \(kind) is logged")
        }
        #expect(kinds.filter { $0 == "attachment_added" }.count == 3)
        #expect(kinds.firstIndex(of: "taken")! < kinds.firstIndex(of: "feedback_requested")!)
        #expect(kinds.firstIndex(of: "resolved")! < kinds.firstIndex(of: "confirmed")!)
        let files = (ticket.json["attachments"] as? [[String: Any]] ?? []).compactMap { $0["original_name"] as? String }
        #expect(Set(files) == ["ktp-direktur.pdf", "npwp-perusahaan.pdf", "akta-pendirian.pdf"])

        let survey = try #require(try loket.read { store in try store.survey(of: TicketNumber(number)) })
        #expect(survey.answers.values.sorted() == answers.sorted())
        #expect(survey.comment == "Pelayanan cepat dan petugasnya jelas.")
        let index = try loket.satisfactionToday()
        #expect(index.respondents == 1)
        #expect(abs(index.index - Double(answers.reduce(0, +)) / Double(answers.count)) < 0.01)
        #expect(try loket.undeliverableCount() == 0, "no message broke Meta's limits or failed")
    }
}

extension EndToEndTests {
    /// The verification call through the real edge: the registration ticket is opened, staff mark the
    /// documents complete, the provider books a slot from the list, the window closes and the reminder goes
    /// as the template, staff mark the call done, the provider confirms and answers the survey.
    @Test func aProviderBooksTheVerificationCallIsRemindedByTemplateAndTheCallClosesTheTicket() throws {
        let loket = try EndToEndHarness()
        defer { loket.stop() }
        let number = try loket.registerWithTwoPDFs()
        try loket.member("koordinator", "Rina Koordinator", .admin)
        try loket.member("sari", "Sari Helpdesk", .level1)
        _ = try loket.api(
            "POST", "/api/tickets/\(number)/actions",
            ["action": "take", "type": "permintaan_layanan", "priority": "normal", "application_version": "SPSE 4.5"],
            staff: "sari")

        // Documents complete: the provider gets the free slots as a list grouped by day.
        _ = try loket.api("POST", "/api/tickets/\(number)/actions", ["action": "documents_complete"], staff: "sari")
        var replies = try loket.settledReplies()
        let offer = try #require(replies.last)
        #expect(offer.kind == "list")
        #expect(offer.body.contains("Dokumen tiket #\(number) sudah lengkap"))
        let slot = try #require(offer.rows.last { $0.id.hasPrefix("slot.") && $0.id != "slot.later" })

        // The provider taps a slot, then confirms the held slot.
        replies = try loket.provider(.listReply(id: slot.id, title: slot.title))
        let hold = try #require(replies.last)
        #expect(hold.body.contains("Waktu ini kami tahan 5 menit"))
        let confirm = try #require(hold.buttons.first { $0.id == "slot.confirm" })
        replies = try loket.provider(.buttonReply(id: confirm.id, title: confirm.title))
        let booked = try #require(replies.last)
        #expect(booked.body.contains("Video call verifikasi tiket #\(number) dijadwalkan pada"))
        #expect(booked.body.contains("WIB") && booked.body.contains("dokumen asli"))
        let start = Date(timeIntervalSince1970: TimeInterval(Int(slot.id.dropFirst("slot.".count))!))
        let agenda = try loket.api(
            "GET", "/api/verification/agenda?from=\(JakartaTime.iso8601(start).prefix(10))", staff: "sari")
        #expect((agenda.json["calls"] as? [[String: Any]])?.first?["ticket"] as? Int == number)

        // A day passes without the provider writing: the window closes and the reminder falls due.
        try loket.execute(
            "UPDATE contacts SET last_inbound_at = ? WHERE id = ?",
            [.real(Date().addingTimeInterval(-25 * 3600).timeIntervalSince1970), .text(EndToEndHarness.provider)])
        try loket.execute(
            "UPDATE conversation_timers SET due_at = ? WHERE timer LIKE '%verificationReminder%' AND timer LIKE '%day_before%'",
            [.real(Date().timeIntervalSince1970 - 1)])
        loket.application.timers.wake()
        replies = try loket.settledReplies(waitingFor: 1)
        let reminder = try #require(replies.last)
        #expect(reminder.kind == "template")
        #expect(reminder.body.hasPrefix("loket_pengingat_verifikasi: "))
        #expect(reminder.body.contains(" WIB"))

        // Staff record the call as done: resolved, and the provider is asked to confirm.
        let done = try loket.api(
            "POST", "/api/tickets/\(number)/actions", ["action": "verification_done"], staff: "sari")
        #expect(EndToEndHarness.status(done) == "resolved")
        replies = try loket.settledReplies()
        // Outside the window the resolution waits behind the notice template; the provider writes again.
        if replies.last?.kind == "template" {
            replies = try loket.provider(.text("halo"))
        }
        let resolution = try #require(replies.first { $0.buttons.contains { $0.id == "resolve.ok.\(number)" } })
        #expect(resolution.body.contains("Verifikasi video call selesai"))
        replies = try loket.provider(.buttonReply(id: "resolve.ok.\(number)", title: "OK, Selesai"))
        var question = try #require(replies.last)
        for _ in 0..<8 {
            let row = try #require(question.rows.first { $0.id == "survey.4" })
            replies = try loket.provider(.listReply(id: row.id, title: row.title))
            question = try #require(replies.last)
        }
        replies = try loket.provider(.text("Jadwal vc jelas."))
        #expect(replies.last?.body.contains("Terima kasih atas penilaian Anda!") == true)
        let ticket = try loket.api("GET", "/api/tickets/\(number)", staff: "sari")
        #expect(EndToEndHarness.status(ticket) == "closed")
        let kinds = (ticket.json["activities"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
        for kind in ["documents_complete", "verification_booked", "verification_done", "resolved", "confirmed"] {
            #expect(kinds.contains(kind), "activity \(kind) is logged")
        }
    }
}

/// A running sandbox Loket with a known app secret and API token, and the provider's side of the chat.
final class EndToEndHarness {
    static let secret = "end-to-end-app-secret"
    static let provider = "6281234567890"

    /// One inbound WhatsApp message as the provider's phone sends it.
    enum Inbound {
        case text(String)
        case listReply(id: String, title: String)
        case buttonReply(id: String, title: String)
        case document(mediaID: String, filename: String, sha256Base64: String)
    }

    /// One message Loket sent, as the stand-in recorded it.
    struct Sent {
        var kind: String
        var body: String
        var rows: [(id: String, title: String)] = []
        var buttons: [(id: String, title: String)] = []
    }

    let dataDirectory: String
    let application: LoketApplication
    let standIn: GraphAPIStandIn
    private var messageCount = 0
    /// Personal API tokens by staff id.
    private var tokens: [String: String] = [:]
    /// How many messages the provider has sent.
    var sentByProvider: Int { self.messageCount }
    /// How many recorded sends were already handed out.
    private var seen = 0

    init() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        self.dataDirectory =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("loket-e2e-\(UUID().uuidString)").path
        let configuration = try Configuration.parse(environment: [
            "LOKET_ADDR": "127.0.0.1:0", "LOKET_DATA_DIR": self.dataDirectory,
            "LOKET_DIALOGS": repository.appendingPathComponent("Dialogs").path,
            "WHATSAPP_APP_SECRET": Self.secret,
        ])
        self.application = try LoketApplication(configuration: configuration, logger: .discarding)
        self.standIn = try #require(self.application.standIn)
        try self.application.start()
    }

    func stop() {
        self.application.stop()
        try? FileManager.default.removeItem(atPath: self.dataDirectory)
    }

    /// A small valid-looking PDF whose content names `title`.
    static func pdf(_ title: String) -> [UInt8] {
        Array("%PDF-1.4\n1 0 obj << /Title (\(title)) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)
    }

    /// Registers `bytes` in the stand-in under `mediaID` and returns the document message announcing them.
    func document(_ bytes: [UInt8], mediaID: String, filename: String) -> Inbound {
        self.standIn.addMedia(
            id: mediaID, bytes: bytes, mimeType: "application/pdf", declaredSHA256: SHA256Digest.hex(bytes))
        return .document(
            mediaID: mediaID, filename: filename, sha256Base64: Data(SHA256Digest.hash(bytes)).base64EncodedString())
    }

    /// Posts `message` as Meta delivers it (signed webhook over TCP), waits until it is processed and every reply
    /// is sent, and returns the replies (without mark-as-read).
    func provider(_ message: Inbound) throws -> [Sent] {
        self.messageCount += 1
        let wamid = "wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjA\(self.messageCount)"
        let body = try Self.webhook(message, wamid: wamid)
        let signature = SignatureVerifier(appSecret: Self.secret).signatureHeader(for: body)
        let response = try LoopbackClient(port: self.application.port).send(
            method: "POST", target: "/webhook",
            headers: [("Content-Type", "application/json"), ("X-Hub-Signature-256", signature)], body: body)
        #expect(response.status == 200, "webhook \(wamid) is acknowledged")
        try self.waitUntil("message \(wamid) is processed") {
            try self.query("SELECT count(*) FROM inbox WHERE message_id = ? AND state = 'done'", [.text(wamid)]) == 1
        }
        return try self.settledReplies()
    }

    /// Waits until the outbox has nothing queued and returns the sends recorded since the last call.
    func settledReplies() throws -> [Sent] {
        try self.waitUntil("the outbox is empty") {
            try self.query("SELECT count(*) FROM outbound_messages WHERE state IN ('queued', 'sending')", []) == 0
        }
        let calls = self.standIn.acceptedMessages
        let fresh = calls[self.seen...]
        self.seen = calls.count
        return fresh.compactMap { Self.sent(from: $0.body) }
    }

    /// Walks the provider through the registration with two PDFs and returns the ticket's number.
    func registerWithTwoPDFs() throws -> Int {
        var replies = try self.provider(.text("halo"))
        let registration = try #require(replies.last?.rows.first { $0.title == "Registrasi & Verifikasi" })
        _ = try self.provider(.listReply(id: registration.id, title: registration.title))
        replies = try self.provider(.text("PT Maju Jaya"))
        let own = try #require(replies.last?.buttons.first { $0.title == "Pakai nomor ini" })
        _ = try self.provider(.buttonReply(id: own.id, title: own.title))
        _ = try self.provider(.buttonReply(id: "consent.yes", title: "Setuju"))
        _ = try self.provider(self.document(Self.pdf("KTP"), mediaID: "media-ktp", filename: "ktp.pdf"))
        replies = try self.provider(self.document(Self.pdf("NPWP"), mediaID: "media-npwp", filename: "npwp.pdf"))
        let submit = try #require(replies.last?.buttons.first { $0.title == "Kirim" })
        replies = try self.provider(.buttonReply(id: submit.id, title: submit.title))
        return try #require(Self.ticketNumber(in: replies.last?.body ?? "", after: "Tiket #"))
    }

    /// Creates a member as `loket staff add` would, with a personal API token for `api(…, staff:)`.
    func member(_ id: String, _ name: String, _ role: StaffRole) throws {
        let writer = try DatabaseWriter(path: self.dataDirectory + "/loket.sqlite")
        try writer.write { database in
            var policy = StaffAccounts.Policy()
            policy.iterations = 1_000
            let accounts = StaffAccounts(database: database, policy: policy)
            try accounts.save(id: id, name: name, role: role, at: Date())
            try accounts.setPassword(of: id, to: "\(id)-password-1", at: Date())
        }
        try self.token(for: id)
    }

    /// A personal API token for member `id`, kept for `api(…, staff: id)`.
    func token(for id: String) throws {
        let writer = try DatabaseWriter(path: self.dataDirectory + "/loket.sqlite")
        self.tokens[id] = try writer.write {
            try StaffAccounts(database: $0).createAPIToken(for: id, label: "test", at: Date()).1
        }
    }

    /// Runs one statement on the service's database (to let time pass: a window closing, a timer falling due).
    func execute(_ sql: String, _ values: [SQLiteValue]) throws {
        let database = try Database(path: self.dataDirectory + "/loket.sqlite")
        try database.run("PRAGMA busy_timeout = 5000")
        try database.run(sql, values)
    }

    /// Waits until at least `count` new messages (read receipts aside) were sent and the outbox is empty;
    /// returns them.
    func settledReplies(waitingFor count: Int) throws -> [Sent] {
        // Messages only: a read receipt is a call too, and one carried by the last reply can reach the Graph
        // API after the outbox already looked empty.
        try self.waitUntil("\(count) new messages") {
            self.standIn.acceptedMessages[self.seen...].compactMap { Self.sent(from: $0.body) }.count >= count
        }
        return try self.settledReplies()
    }

    /// Calls the staff API over TCP and checks the status.
    @discardableResult
    func api(
        _ method: String, _ target: String, _ body: [String: Any]? = nil, staff: String?, expect status: Int? = nil
    ) throws -> LoopbackClient.Response {
        var headers: [(String, String)] = []
        if let staff, let token = self.tokens[staff] { headers.append(("Authorization", "Bearer \(token)")) }
        var bytes: [UInt8] = []
        if let body {
            headers.append(("Content-Type", "application/json"))
            bytes = Array(try JSONSerialization.data(withJSONObject: body))
        }
        let response = try LoopbackClient(port: self.application.port).send(
            method: method, target: target, headers: headers, body: bytes)
        let expected = status ?? (method == "PUT" ? response.status : 200)
        #expect(
            response.status == expected && (method != "PUT" || [200, 201].contains(response.status)),
            "\(method) \(target) answered \(response.status): \(String(decoding: response.body, as: UTF8.self))")
        return response
    }

    static func status(_ response: LoopbackClient.Response) -> String? {
        (response.json["ticket"] as? [String: Any])?["status"] as? String
    }

    /// Reads tickets on a connection of its own.
    func read<Result>(_ body: (SQLiteTicketTransaction) throws -> Result) throws -> Result {
        let database = try Database(path: self.dataDirectory + "/loket.sqlite")
        return try body(
            SQLiteTicketStore.transaction(on: database, configuration: self.application.ticketConfiguration))
    }

    /// The IKM over the last and next day.
    func satisfactionToday() throws -> SatisfactionIndex {
        let database = try Database(path: self.dataDirectory + "/loket.sqlite")
        let survey = try #require(self.application.ticketConfiguration.survey)
        let reports = TicketReports(
            database: database, calendar: self.application.ticketConfiguration.lifecycle.calendar)
        let now = Date()
        return try reports.satisfaction(
            in: ReportPeriod(start: now.addingTimeInterval(-86_400), end: now.addingTimeInterval(86_400)),
            survey: survey)
    }

    func undeliverableCount() throws -> Int {
        try self.query("SELECT count(*) FROM outbound_messages WHERE state IN ('failed', 'invalid', 'held')", [])
    }

    /// `#1234` → 1234, for the first number after `marker`.
    static func ticketNumber(in text: String, after marker: String) -> Int? {
        guard let range = text.range(of: marker) else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }

    private func query(_ sql: String, _ values: [SQLiteValue]) throws -> Int {
        let database = try Database(path: self.dataDirectory + "/loket.sqlite")
        return try database.queryFirst(sql, values) { $0.int(0) } ?? 0
    }

    /// Polls `condition` until it holds or 30 seconds pass.
    private func waitUntil(_ what: String, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if try condition() { return }
            usleep(5_000)
        }
        Issue.record("timed out waiting until \(what)")
        throw POSIXError(.ETIMEDOUT)
    }

    /// The webhook envelope Meta posts for one message (the shape of the samples in shared/whatsapp/samples).
    static func webhook(_ message: Inbound, wamid: String) throws -> [UInt8] {
        var payload: [String: Any] = [
            "from": Self.provider, "id": wamid, "timestamp": String(Int(Date().timeIntervalSince1970)),
        ]
        switch message {
        case .text(let body):
            payload["type"] = "text"
            payload["text"] = ["body": body]
        case .listReply(let id, let title):
            payload["type"] = "interactive"
            payload["interactive"] = ["type": "list_reply", "list_reply": ["id": id, "title": title]]
        case .buttonReply(let id, let title):
            payload["type"] = "interactive"
            payload["interactive"] = ["type": "button_reply", "button_reply": ["id": id, "title": title]]
        case .document(let mediaID, let filename, let sha256):
            payload["type"] = "document"
            payload["document"] = [
                "filename": filename, "mime_type": "application/pdf", "sha256": sha256, "id": mediaID,
            ]
        }
        let envelope: [String: Any] = [
            "object": "whatsapp_business_account",
            "entry": [
                [
                    "id": "102290129340398",
                    "changes": [
                        [
                            "field": "messages",
                            "value": [
                                "messaging_product": "whatsapp",
                                "metadata": [
                                    "display_phone_number": "15550783881", "phone_number_id": "100000000000000",
                                ],
                                "contacts": [["profile": ["name": "Budi Santoso"], "wa_id": Self.provider]],
                                "messages": [payload],
                            ] as [String: Any],
                        ] as [String: Any]
                    ],
                ] as [String: Any]
            ],
        ]
        return Array(try JSONSerialization.data(withJSONObject: envelope))
    }

    /// A recorded Graph API send as kind, body text, list rows and buttons; `nil` for mark-as-read.
    static func sent(from body: [UInt8]) -> Sent? {
        guard let json = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any],
            json["status"] == nil, let type = json["type"] as? String
        else { return nil }
        if type == "text" {
            return Sent(kind: "text", body: (json["text"] as? [String: Any])?["body"] as? String ?? "")
        }
        if type == "template", let template = json["template"] as? [String: Any] {
            // "name: parameter | parameter", for checking which template went out with which values.
            let parameters = (template["components"] as? [[String: Any]] ?? []).flatMap {
                ($0["parameters"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
            }
            return Sent(
                kind: "template", body: "\(template["name"] as? String ?? ""): " + parameters.joined(separator: " | "))
        }
        guard type == "interactive", let interactive = json["interactive"] as? [String: Any] else {
            return Sent(kind: type, body: "")
        }
        let kind = interactive["type"] as? String ?? ""
        var sent = Sent(kind: kind, body: (interactive["body"] as? [String: Any])?["text"] as? String ?? "")
        let action = interactive["action"] as? [String: Any] ?? [:]
        for section in action["sections"] as? [[String: Any]] ?? [] {
            for row in section["rows"] as? [[String: Any]] ?? [] {
                sent.rows.append((id: row["id"] as? String ?? "", title: row["title"] as? String ?? ""))
            }
        }
        for button in action["buttons"] as? [[String: Any]] ?? [] {
            let reply = button["reply"] as? [String: Any] ?? [:]
            sent.buttons.append((id: reply["id"] as? String ?? "", title: reply["title"] as? String ?? ""))
        }
        return sent
    }
}
