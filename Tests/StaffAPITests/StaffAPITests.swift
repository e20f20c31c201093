import Conversation
import Dispatch
import Foundation
import HTTPServer
import HelpdeskRuntime
import StaffAPI
import StaffAccess
import Storage
import Support
import Synchronization
import Testing
import Ticketing
import WebhookServer
import WhatsAppOutbox

@testable import LoketService

/// The staff API in-process: routes, authentication, every error status, and the one-transaction rule.
struct StaffAPITests {
    static let reporter = "6281234567890"
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    /// Counts the sender wake-ups the API asks for.
    final class WakeCounter: Sendable {
        let count = Mutex(0)
    }

    /// Media is never fetched by staff actions; a fetch is a test failure.
    struct NoMedia: MediaFetcher {
        func fetch(mediaID: String, expectedSHA256: String?, limits: MediaLimits) throws -> StoredMedia {
            Issue.record("unexpected media fetch \(mediaID)")
            throw MediaError.notPDF
        }
    }

    struct Answer {
        var status: Int
        var headers: HTTPHeaders
        var json: [String: Any]

        var error: String? { self.json["error"] as? String }
        var ticket: [String: Any] { self.json["ticket"] as? [String: Any] ?? [:] }
    }

    /// The API's clock: `StaffAPITests.now` plus what a test moved it on by.
    final class Clock: Sendable {
        let elapsed = Mutex<TimeInterval>(0)

        var now: Date { StaffAPITests.now.addingTimeInterval(self.elapsed.withLock { $0 }) }

        func set(_ date: Date) { self.elapsed.withLock { $0 = date.timeIntervalSince(StaffAPITests.now) } }
    }

    /// The personal API token of each member the test created.
    final class Tokens: Sendable {
        let byStaff = Mutex<[String: String]>([:])
    }

    let writer: DatabaseWriter
    let api: StaffAPI
    let wakes = WakeCounter()
    let clock = Clock()
    let tokens = Tokens()
    let configuration: TicketStoreConfiguration
    /// The live stream's source, when the test asked for one.
    let events: StaffEvents?

    init(liveStreams: Int? = nil, dataDirectory: String? = nil) throws {
        let writer = try DatabaseWriter(
            path: ":memory:",
            migrators: [
                InboxStore.migrator, Outbox.migrator, TicketSchema.migrator, ConversationRecords.migrator,
                AccessSchema.migrator,
            ])
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let dialogs = try LoketApplication.loadDialogs(
            from: repository.appendingPathComponent("Dialogs").path, logger: .discarding)
        let runtime = ConversationRuntime(
            catalogue: dialogs.catalogue, survey: dialogs.survey, recognizer: dialogs.recognizer,
            tickets: dialogs.tickets, media: NoMedia(), writer: writer, logger: .discarding)
        let wakes = self.wakes
        let clock = self.clock
        self.writer = writer
        self.configuration = dialogs.tickets
        var access = StaffAccounts.Policy()
        access.iterations = 1_000
        let events = liveStreams.map {
            StaffEvents(writer: writer, logger: .discarding, maxStreams: $0, interval: 0.02)
        }
        self.events = events
        self.api = StaffAPI(
            writer: writer, runtime: runtime, outbox: Outbox(), wakeSender: { wakes.count.withLock { $0 += 1 } },
            logger: .discarding, access: access, dataDirectory: dataDirectory, events: events, now: { clock.now })
    }

    // Helpers

    /// Calls the API as `staff` (with their personal token), or with `authorization` as given.
    func call(
        _ method: String, _ target: String, _ body: Any? = nil, staff: String? = nil, authorization: String? = nil,
        contentType: String? = "application/json", rawBody: [UInt8]? = nil
    ) throws -> Answer {
        var headers = HTTPHeaders()
        let token = staff.flatMap { staff in self.tokens.byStaff.withLock { $0[staff] } }
        if let authorization = authorization ?? token.map({ "Bearer " + $0 }) {
            headers.add(name: "Authorization", value: authorization)
        }
        var bytes = rawBody ?? []
        if let body { bytes = Array(try JSONSerialization.data(withJSONObject: body)) }
        if !bytes.isEmpty, let contentType { headers.add(name: "Content-Type", value: contentType) }
        let answered = DispatchSemaphore(value: 0)
        let box = Mutex<HTTPResponse?>(nil)
        self.api.respond(to: HTTPRequest(method: method, target: target, headers: headers, body: bytes)) { response in
            box.withLock { $0 = response }
            answered.signal()
        }
        answered.wait()
        let response = try #require(box.withLock { $0 })
        // Everything but a download (CSV, calendar, document) or a live stream answers JSON.
        if response.status != 200
            || !["text/csv", "text/calendar", "text/event-stream", "application/pdf"].contains(
                where: { (response.headers["Content-Type"] ?? "").hasPrefix($0) })
        {
            #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
        }
        let json = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
        return Answer(status: response.status, headers: response.headers, json: json)
    }

    /// An admin `lead` and a Level 1 `sari`, each with a personal API token.
    func withStaff() throws {
        try self.member("lead", "Lead", .admin)
        try self.member("sari", "Sari", .level1)
    }

    /// Creates a member with a password (`<id>-password-1`) and a personal API token.
    func member(_ id: String, _ name: String, _ role: StaffRole) throws {
        let token = try self.writer.write { database in
            var policy = StaffAccounts.Policy()
            policy.iterations = 1_000
            let accounts = StaffAccounts(database: database, policy: policy)
            try accounts.save(id: id, name: name, role: role, at: Self.now)
            try accounts.setPassword(of: id, to: "\(id)-password-1", at: Self.now)
            return try accounts.createAPIToken(for: id, label: "test", at: Self.now).1
        }
        self.tokens.byStaff.withLock { $0[id] = token }
    }

    /// Opens a ticket from the reporter and returns its number.
    @discardableResult
    func openTicket(reporter: String = Self.reporter) throws -> Int {
        try self.writer.write { database in
            let store = SQLiteTicketStore.transaction(on: database, configuration: self.configuration)
            let draft = TicketDraft(
                title: "Registrasi dan Verifikasi Berkas", description: "Permohonan atas nama PT Maju Jaya",
                companyName: "PT Maju Jaya", reporterWaID: reporter, reporterName: "Budi")
            return try store.open(draft, at: Self.now.addingTimeInterval(-3600)).ticket.number.value
        }
    }

    func takenTicket() throws -> Int {
        let number = try openTicket()
        let taken = try call("POST", "/api/tickets/\(number)/actions", Self.take, staff: "sari")
        #expect(taken.status == 200)
        return number
    }

    static var take: [String: Any] {
        [
            "action": "take", "category": "registrasi", "type": "permintaan_layanan", "priority": "normal",
            "application_version": "SPSE 4.5",
        ]
    }

    func count(_ sql: String) throws -> Int {
        try self.writer.read { try $0.queryFirst(sql) { $0.int(0) } ?? 0 }
    }

    /// The text bodies of the queued outbound messages, in order.
    func queuedTexts() throws -> [String] {
        try self.writer.read { database in
            try database.query("SELECT payload FROM outbound_messages ORDER BY rowid") { $0.string(0) }
        }
    }

    var wakeCount: Int { self.wakes.count.withLock { $0 } }

    // Authentication

    @Test(arguments: [nil, "Basic c2FyaTpzZWNyZXQ=", "Bearer wrong-token-0123456789", "Bearer"])
    func aMissingOrWrongTokenIs401(authorization: String?) throws {
        try withStaff()
        let answer = try call("GET", "/api/tickets", authorization: authorization)
        #expect(answer.status == 401)
        #expect(answer.error == "unauthorized")
        #expect(answer.headers["WWW-Authenticate"]?.hasPrefix("Bearer") == true)
        // Nothing is decoded for a caller not known: a malformed request is 401 too.
        #expect(try call("GET", "/api/tickets?cursor=x", authorization: authorization).status == 401)
    }

    @Test func theSchemeNameIsCaseInsensitive() throws {
        try withStaff()
        let token = try #require(self.tokens.byStaff.withLock { $0["lead"] })
        #expect(try call("GET", "/api/staff", authorization: "bearer \(token)").status == 200)
    }

    // Staff

    @Test func onlyAdminsCreateOrChangeStaffAndTheLastAdminStays() throws {
        try withStaff()
        let byLevel1 = try call("PUT", "/api/staff/andi", ["name": "Andi", "role": "l1"], staff: "sari")
        #expect(byLevel1.status == 403)
        #expect(byLevel1.error == "forbidden")
        let created = try call("PUT", "/api/staff/andi", ["name": "Andi", "role": "l2"], staff: "lead")
        #expect(created.status == 201)
        #expect(created.json["role"] as? String == "l2" && created.json["level"] as? Int == 2)
        let updated = try call("PUT", "/api/staff/sari", ["name": "Sari Lestari", "role": "l1"], staff: "lead")
        #expect(updated.status == 200)
        #expect(updated.json["name"] as? String == "Sari Lestari")
        let listed = try call("GET", "/api/staff", staff: "sari")
        let members = try #require(listed.json["staff"] as? [[String: Any]])
        #expect(members.compactMap { $0["id"] as? String } == ["sari", "andi", "lead"])
        // The console's list shows each member's role and sends it back when a member is disabled.
        #expect(members.compactMap { $0["role"] as? String } == ["l1", "l2", "admin"])
        #expect(try call("GET", "/api/staff/andi", staff: "sari").json["role"] as? String == "l2")
        let demoted = try call("PUT", "/api/staff/lead", ["name": "Lead", "role": "l2"], staff: "lead")
        #expect(demoted.status == 409 && demoted.error == "staff_refused")
        let disabled = try call(
            "PUT", "/api/staff/lead", ["name": "Lead", "role": "admin", "active": false], staff: "lead")
        #expect(disabled.status == 409)
    }

    @Test func aDisabledMembersTokenIs401() throws {
        try withStaff()
        #expect(
            try call("PUT", "/api/staff/sari", ["name": "Sari", "role": "l1", "active": false], staff: "lead").status
                == 200)
        #expect(try call("GET", "/api/tickets", staff: "sari").status == 401)
    }

    @Test func aBadStaffIdIs400() throws {
        try withStaff()
        #expect(
            try call("PUT", "/api/staff/a%20b", ["name": "A", "role": "l2"], staff: "lead").error == "invalid_staff_id")
    }

    // Request errors

    @Test(arguments: [
        ("{\"name\": \"Andi\", \"role\": ", "malformed_json"),
        ("[1, 2]", "malformed_json"),
        ("{\"role\": \"l2\"}", "missing_field"),
        ("{\"name\": \"Andi\", \"role\": \"l3\"}", "invalid_field"),
        ("{\"name\": \"Andi\", \"role\": 2}", "invalid_field"),
        ("{\"name\": 7, \"role\": \"l2\"}", "invalid_field"),
    ])
    func aMalformedBodyOrAMissingFieldIs400(body: String, code: String) throws {
        try withStaff()
        let answer = try call("PUT", "/api/staff/andi", staff: "lead", rawBody: Array(body.utf8))
        #expect(answer.status == 400)
        #expect(answer.error == code)
        #expect((answer.json["detail"] as? String)?.isEmpty == false)
        #expect(try count("SELECT count(*) FROM staff") == 2)
    }

    @Test(arguments: ["text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1"])
    func aBodyNotDeclaredAsUTF8JSONIs415(contentType: String) throws {
        try withStaff()
        let answer = try call(
            "PUT", "/api/staff/andi", staff: "lead", contentType: contentType,
            rawBody: Array("{\"name\":\"A\",\"role\":\"l2\"}".utf8))
        #expect(answer.status == 415)
        #expect(answer.error == "unsupported_media_type")
    }

    @Test func aWrongMethodIs405WithAllow() throws {
        try withStaff()
        let answer = try call("DELETE", "/api/tickets/1", staff: "lead")
        #expect(answer.status == 405)
        #expect(answer.headers["Allow"] == "GET")
        #expect(try call("GET", "/api/tickets/1/actions", staff: "lead").headers["Allow"] == "POST")
    }

    @Test func anUnknownRouteIs404() throws {
        try withStaff()
        #expect(try call("GET", "/api/nothing-here", staff: "lead").error == "route_not_found")
    }

    @Test func anUnknownTicketIs404() throws {
        try withStaff()
        #expect(try call("GET", "/api/tickets/999", staff: "sari").error == "unknown_ticket")
        let action = try call("POST", "/api/tickets/999/actions", ["action": "note", "text": "x"], staff: "sari")
        #expect(action.status == 404)
        #expect(action.error == "unknown_ticket")
        #expect(try call("GET", "/api/tickets/abc", staff: "sari").error == "invalid_ticket_number")
    }

    // Queue and detail

    @Test func theQueueFiltersAndPagesWithACursor() throws {
        try withStaff()
        let first = try openTicket()
        let second = try openTicket(reporter: "6281111111111")
        let third = try openTicket(reporter: "6282222222222")
        #expect(try call("POST", "/api/tickets/\(second)/actions", Self.take, staff: "sari").status == 200)

        let page1 = try call("GET", "/api/tickets?limit=2", staff: "sari")
        let numbers1 = (page1.json["tickets"] as? [[String: Any]])?.compactMap { $0["number"] as? Int }
        let cursor = try #require(page1.json["next_cursor"] as? String)
        let page2 = try call("GET", "/api/tickets?limit=2&cursor=\(cursor)", staff: "sari")
        let numbers2 = (page2.json["tickets"] as? [[String: Any]])?.compactMap { $0["number"] as? Int }
        #expect(Set((numbers1 ?? []) + (numbers2 ?? [])) == [first, second, third])
        #expect(page2.json["next_cursor"] is NSNull)

        let mine = try call("GET", "/api/tickets?status=in_progress&assignee=sari&level=1", staff: "sari")
        #expect((mine.json["tickets"] as? [[String: Any]])?.compactMap { $0["number"] as? Int } == [second])
        let fresh = try call("GET", "/api/tickets?status=new", staff: "sari")
        #expect((fresh.json["tickets"] as? [[String: Any]])?.count == 2)
    }

    @Test(arguments: ["status=open", "level=3", "limit=0", "cursor=abc", "colour=red"])
    func aBadQueueParameterIs400(query: String) throws {
        try withStaff()
        let answer = try call("GET", "/api/tickets?\(query)", staff: "sari")
        #expect(answer.status == 400)
        #expect(answer.error == (query.hasPrefix("cursor") ? "invalid_cursor" : "invalid_query"))
    }

    /// A cursor Loket never wrote, at the edges of every integer type, is refused; it used to trap the process.
    @Test(arguments: [
        "9223372036854775807_1", "-9223372036854775808_1", "253402300800000_1", "1700000000000_0",
        "1700000000000_99999999999999999999", "1700000000000_-5", "1700000000000_9223372036854775807", "_1", "1_",
        "1_2_3", "1e15_1", String(repeating: "9", count: 400) + "_1",
    ])
    func anOutOfRangeCursorIs400AndTheServiceStaysUp(cursor: String) throws {
        try withStaff()
        let answer = try call("GET", "/api/tickets?cursor=\(cursor)", staff: "sari")
        #expect(answer.status == 400)
        #expect(answer.error == "invalid_cursor")
        #expect(try call("GET", "/api/tickets", staff: "sari").status == 200)
    }

    @Test func aCursorRoundTripsThroughItsText() throws {
        let cursor = TicketQueueCursor(dueAt: Date(timeIntervalSince1970: 1_796_608_800.123), number: TicketNumber(42))
        #expect(TicketQueueCursor(text: cursor.text)?.text == cursor.text)
        #expect(TicketQueueCursor.milliseconds(of: .distantFuture) <= TicketQueueCursor.millisecondRange.upperBound)
        #expect(TicketQueueCursor.milliseconds(of: Date(timeIntervalSince1970: .infinity)) > 0)
    }

    @Test func theDetailHasActivitiesAttachmentsAndTheSLAClock() throws {
        try withStaff()
        let number = try openTicket()
        try self.writer.write { database in
            let store = SQLiteTicketStore.transaction(on: database, configuration: self.configuration)
            try store.addAttachment(
                Attachment(
                    sha256: String(repeating: "ab", count: 32), originalName: "ktp.pdf", size: 1234,
                    mimeType: "application/pdf", sender: .reporter(waID: Self.reporter, name: "Budi"),
                    receivedAt: Self.now, storagePath: "media/ab/" + String(repeating: "ab", count: 32)),
                to: TicketNumber(number))
        }
        let answer = try call("GET", "/api/tickets/\(number)", staff: "sari")
        #expect(answer.status == 200)
        #expect(answer.ticket["status"] as? String == "new")
        #expect(answer.ticket["reporter_wa_id"] as? String == Self.reporter)
        #expect(answer.ticket["company_name"] as? String == "PT Maju Jaya")
        let sla = try #require(answer.ticket["sla"] as? [String: Any])
        #expect(sla["paused"] as? Bool == false)
        #expect(sla["due_at"] is String)
        let kinds = (answer.json["activities"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }
        #expect(kinds == ["created", "attachment_added"])
        let attachment = try #require((answer.json["attachments"] as? [[String: Any]])?.first)
        #expect(attachment["original_name"] as? String == "ktp.pdf")
        #expect(attachment["size"] as? Int == 1234)
        #expect(attachment["bytes"] == nil, "metadata only")
    }

    // Actions

    @Test func takeSetsTheClassificationAndAssignsTheTicket() throws {
        try withStaff()
        let number = try openTicket()
        let answer = try call("POST", "/api/tickets/\(number)/actions", Self.take, staff: "sari")
        #expect(answer.status == 200)
        #expect(answer.ticket["status"] as? String == "in_progress")
        #expect(answer.ticket["assignee"] as? String == "sari")
        #expect(answer.ticket["type"] as? String == "permintaan_layanan")
        #expect(answer.ticket["priority"] as? String == "normal")
        #expect(answer.ticket["application_version"] as? String == "SPSE 4.5")
        #expect(answer.json["queued_messages"] as? Int == 0)
        #expect(wakeCount == 0)
    }

    @Test func aTakeWithoutTheWholeClassificationIs400() throws {
        try withStaff()
        let number = try openTicket()
        let answer = try call(
            "POST", "/api/tickets/\(number)/actions", ["action": "take", "category": "registrasi"], staff: "sari")
        #expect(answer.status == 400)
        #expect((answer.json["detail"] as? String)?.contains("priority") == true)
        var bad = Self.take
        bad["priority"] = "sangat tinggi"
        let invalid = try call("POST", "/api/tickets/\(number)/actions", bad, staff: "sari")
        #expect(invalid.status == 400)
        #expect((invalid.json["detail"] as? String)?.contains("\"urgent\"") == true)
    }

    @Test func aLevel2TakeIs403() throws {
        try withStaff()
        let number = try openTicket()
        let answer = try call("POST", "/api/tickets/\(number)/actions", Self.take, staff: "lead")
        #expect(answer.status == 403)
    }

    @Test(arguments: [
        "{\"text\": \"x\"}", "{\"action\": \"fly\"}", "{\"action\": \"reply\"}",
        "{\"action\": \"reply\", \"text\": \"  \"}",
    ])
    func anUnknownActionOrAMissingTextIs400(body: String) throws {
        try withStaff()
        let number = try takenTicket()
        let answer = try call("POST", "/api/tickets/\(number)/actions", staff: "sari", rawBody: Array(body.utf8))
        #expect(answer.status == 400)
        if body.contains("fly") {
            // The answer names every action there is, the verification call's and the erasure's among them.
            let detail = answer.json["detail"] as? String ?? ""
            for name in ["take", "resolve", "documents_complete", "verification_no_show", "erase_personal_data"] {
                #expect(detail.contains(name), "\(detail)")
            }
        }
    }

    @Test func anIllegalTransitionIs409AndChangesAndQueuesNothing() throws {
        try withStaff()
        let number = try openTicket()
        let before = try count("SELECT count(*) FROM ticket_activities")
        let answer = try call(
            "POST", "/api/tickets/\(number)/actions", ["action": "resolve", "text": "Sudah selesai."], staff: "sari")
        #expect(answer.status == 409)
        #expect(answer.error == "illegal_transition")
        #expect((answer.json["detail"] as? String) == "cannot resolve a ticket in state new as level1")
        #expect(try count("SELECT count(*) FROM ticket_activities") == before)
        #expect(try count("SELECT count(*) FROM tickets WHERE status = 'new'") == 1)
        #expect(try count("SELECT count(*) FROM outbound_messages") == 0)
        #expect(try count("SELECT count(*) FROM conversations") == 0)
        #expect(wakeCount == 0)
    }

    /// A reply of megabytes used to become hundreds of WhatsApp messages to one provider.
    @Test func aReplyLongerThanTwoWhatsAppMessagesIs400AndQueuesNothing() throws {
        try withStaff()
        let number = try takenTicket()
        let answer = try call(
            "POST", "/api/tickets/\(number)/actions",
            ["action": "reply", "text": String(repeating: "Mohon maaf. ", count: 100_000)], staff: "sari")
        #expect(answer.status == 400)
        #expect(answer.error == "text_too_long")
        #expect((answer.json["detail"] as? String)?.contains("8192") == true)
        #expect(try count("SELECT count(*) FROM outbound_messages") == 0)
        let fits = try call(
            "POST", "/api/tickets/\(number)/actions",
            ["action": "reply", "text": String(repeating: "a", count: 8_192)], staff: "sari")
        #expect(fits.status == 200)
        #expect((fits.json["queued_messages"] as? Int ?? 0) <= 3, "the reply and its heading fit in three messages")
    }

    @Test func aReplyReachesTheReporterInTheSameTransaction() throws {
        try withStaff()
        let number = try takenTicket()
        let text = "Berkas Anda sedang kami periksa."
        let answer = try call(
            "POST", "/api/tickets/\(number)/actions", ["action": "reply", "text": text], staff: "sari")
        #expect(answer.status == 200)
        #expect(answer.json["queued_messages"] as? Int == 1)
        #expect(try count("SELECT count(*) FROM outbound_messages WHERE recipient = '\(Self.reporter)'") == 1)
        #expect(try queuedTexts().first?.contains(text) == true)
        #expect(wakeCount == 1)
        let kinds = (answer.json["activities"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }
        #expect(kinds?.last == "staff_reply")
    }

    @Test func askingTheReporterForFeedbackAsksThemInTheChat() throws {
        try withStaff()
        let number = try takenTicket()
        let answer = try call(
            "POST", "/api/tickets/\(number)/actions",
            ["action": "ask_feedback", "from": "reporter", "text": "Mohon kirim akta pendirian."], staff: "sari")
        #expect(answer.ticket["status"] as? String == "waiting_on_reporter")
        #expect((answer.ticket["sla"] as? [String: Any])?["paused"] as? Bool == true)
        let queued = try queuedTexts().joined()
        #expect(queued.contains("Mohon kirim akta pendirian."))
        #expect(queued.contains("feedback.done.\(number)"))
        #expect(try count("SELECT count(*) FROM conversations") == 1)
        #expect(wakeCount == 1)
    }

    @Test func resolvingAsksTheReporterToConfirm() throws {
        try withStaff()
        let number = try takenTicket()
        let answer = try call(
            "POST", "/api/tickets/\(number)/actions", ["action": "resolve", "text": "Akun sudah aktif."], staff: "sari")
        #expect(answer.ticket["status"] as? String == "resolved")
        let queued = try queuedTexts().joined()
        #expect(queued.contains("Akun sudah aktif."))
        #expect(queued.contains("resolve.ok.\(number)"))
    }

    @Test func notesEscalationAndLevel2QuestionsStayInternal() throws {
        try withStaff()
        let number = try takenTicket()
        let path = "/api/tickets/\(number)/actions"
        #expect(try call("POST", path, ["action": "note", "text": "Cek NIB."], staff: "sari").status == 200)
        let escalated = try call("POST", path, ["action": "escalate", "text": "Perlu admin."], staff: "sari")
        #expect(escalated.ticket["status"] as? String == "escalated")
        #expect(escalated.ticket["level"] as? Int == 2)
        let denied = try call("POST", path, ["action": "ask_feedback", "from": "level1", "text": "?"], staff: "sari")
        #expect(denied.status == 403, "only Level 2 asks Level 1")
        let asked = try call(
            "POST", path, ["action": "ask_feedback", "from": "level1", "text": "NIB sudah dicek?"], staff: "lead")
        #expect(asked.ticket["status"] as? String == "waiting_on_level1")
        let answered = try call("POST", path, ["action": "answer_level2", "text": "Sudah, valid."], staff: "sari")
        #expect(answered.ticket["status"] as? String == "escalated")
        #expect(try count("SELECT count(*) FROM outbound_messages") == 0)
        #expect(wakeCount == 0)
    }
}
