import Dispatch
import Foundation
import Storage
import Synchronization
import Testing

@testable import Ticketing

struct SQLiteTicketStoreTests {
    static let calendar = WorkingCalendar(holidays: .none)
    static let level1 = TicketActor(role: .level1, id: "l1", name: "Wida")
    static let level2 = TicketActor(role: .level2, id: "l2", name: "Admin")
    static let monday = wib(2026, 3, 2, 9, 0)
    static let classification = TicketClassification(
        category: "Registrasi", type: .permintaanLayanan, priority: .normal, applicationVersion: "SPSE 4.5")

    static func configuration(firstNumber: Int = 1) throws -> TicketStoreConfiguration {
        let lifecycle = TicketLifecycle(calendar: calendar)
        return TicketStoreConfiguration(
            lifecycle: lifecycle, survey: try SatisfactionSurveyTests.shippedSurvey(), firstNumber: firstNumber)
    }

    static func makeStore(firstNumber: Int = 1) throws -> SQLiteTicketStore {
        try SQLiteTicketStore(
            writer: DatabaseWriter(path: ":memory:"), configuration: configuration(firstNumber: firstNumber))
    }

    static func draft(waID: String = "6281234567890", title: String = "Reset Password") -> TicketDraft {
        TicketDraft(
            title: title, description: "Permohonan atas nama CV Maju", companyName: "CV Maju", businessForm: "CV",
            reporterRole: "penyedia", taxOrStaffID: "012345678901000", directorPhone: "+6281234567890",
            reporterWaID: waID, reporterName: "Budi", type: .permintaanLayanan)
    }

    static func reporter(of ticket: Ticket) -> TicketActor {
        .reporter(waID: ticket.reporterWaID, name: ticket.reporterName)
    }

    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ticketing-\(UUID().uuidString).sqlite").path
    }

    @Test func numbersAreSequentialFromTheConfiguredStart() throws {
        let store = try Self.makeStore(firstNumber: 1259)
        let numbers = try store.write { tx in
            try (0..<3).map { _ in try tx.open(Self.draft(), at: Self.monday).ticket.number }
        }
        #expect(numbers.map(\.description) == ["#1259", "#1260", "#1261"])
    }

    /// The director's number changes on an open ticket only, and only to another number; each change is an
    /// activity naming both numbers.
    @Test func theDirectorsNumberChangesOnAnOpenTicket() throws {
        let store = try Self.makeStore()
        let (changes, phone, activities, description) = try store.writer.write { database in
            let tx = SQLiteTicketStore.transaction(on: database, configuration: store.configuration)
            var draft = Self.draft()
            draft.description += ". Nomor WhatsApp direksi untuk verifikasi video call: +6281234567890."
            let ticket = try tx.open(draft, at: Self.monday).ticket
            let reporter = Self.reporter(of: ticket)
            let changes = [
                try tx.changeDirectorPhone(of: ticket.number, to: "+6281298765432", by: reporter, at: Self.monday),
                try tx.changeDirectorPhone(of: ticket.number, to: "+6281298765432", by: reporter, at: Self.monday),
            ]
            try tx.apply(.cancel(reason: nil), to: ticket.number, by: reporter, at: Self.monday)
            let closed = try tx.changeDirectorPhone(
                of: ticket.number, to: "+6281311112222", by: reporter, at: Self.monday)
            return (
                changes + [closed], try tx.ticket(ticket.number)?.directorPhone,
                try tx.activities(of: ticket.number).filter { $0.kind == .directorNumberChanged }.map(\.text),
                try tx.ticket(ticket.number)?.description
            )
        }
        #expect(changes == [true, false, false])
        #expect(phone == "+6281298765432")
        #expect(activities == ["+6281234567890 → +6281298765432"])
        #expect(
            description?.hasSuffix("Nomor WhatsApp direksi untuk verifikasi video call: +6281298765432.") == true,
            "the description names the call's number: \(description ?? "")")
    }

    @Test func numbersAreNeverReusedAfterADelete() throws {
        let store = try Self.makeStore()
        let second = try store.write { tx in
            _ = try tx.open(Self.draft(), at: Self.monday)
            return try tx.open(Self.draft(), at: Self.monday).ticket.number
        }
        try store.writer.write { db in try db.run("DELETE FROM tickets WHERE number = ?", [.int(second.value)]) }
        let third = try store.write { try $0.open(Self.draft(), at: Self.monday).ticket.number }
        #expect(third == TicketNumber(3))
    }

    @Test func raisingTheFirstNumberJumpsAheadAndLoweringItNeverReuses() throws {
        let writer = try DatabaseWriter(path: ":memory:")
        let early = try SQLiteTicketStore(writer: writer, configuration: Self.configuration(firstNumber: 10))
        _ = try early.write { try $0.open(Self.draft(), at: Self.monday) }
        let raised = try SQLiteTicketStore(writer: writer, configuration: Self.configuration(firstNumber: 500))
        #expect(try raised.write { try $0.open(Self.draft(), at: Self.monday).ticket.number } == TicketNumber(500))
        let lowered = try SQLiteTicketStore(writer: writer, configuration: Self.configuration(firstNumber: 1))
        #expect(try lowered.write { try $0.open(Self.draft(), at: Self.monday).ticket.number } == TicketNumber(501))
    }

    @Test func storedTicketReadsBackEqual() throws {
        let store = try Self.makeStore()
        let opened = try store.write { tx in
            let ticket = try tx.open(Self.draft(), at: Self.monday).ticket
            return try tx.apply(.take(Self.classification), to: ticket.number, by: Self.level1, at: Self.monday).ticket
        }
        #expect(try store.read { try $0.ticket(opened.number) } == opened)
    }

    @Test func ticketChangesRollBackWithTheDispatchersTransaction() throws {
        let store = try Self.makeStore()
        try store.writer.write { db in try db.execute("CREATE TABLE outbox (id INTEGER PRIMARY KEY, body TEXT)") }
        struct Crash: Error {}
        #expect(throws: Crash.self) {
            try store.writer.write { db in
                let tickets = SQLiteTicketStore.transaction(on: db, configuration: store.configuration)
                _ = try tickets.open(Self.draft(), at: Self.monday)
                try db.run("INSERT INTO outbox (body) VALUES ('Tiket #1 dibuat')")
                throw Crash()
            }
        }
        #expect(try store.read { try $0.ticket(TicketNumber(1)) } == nil)
        #expect(try store.writer.read { db in try db.queryFirst("SELECT count(*) FROM outbox") { $0.int(0) } } == 0)
    }

    @Test func ticketChangesCommitWithTheDispatchersTransaction() throws {
        let store = try Self.makeStore()
        try store.writer.write { db in try db.execute("CREATE TABLE outbox (id INTEGER PRIMARY KEY, body TEXT)") }
        try store.writer.write { db in
            let tickets = SQLiteTicketStore.transaction(on: db, configuration: store.configuration)
            let ticket = try tickets.open(Self.draft(), at: Self.monday).ticket
            try db.run("INSERT INTO outbox (body) VALUES (?)", [.text("Tiket \(ticket.number) dibuat")])
        }
        #expect(try store.read { try $0.ticket(TicketNumber(1)) }?.status == .new)
        #expect(
            try store.writer.read { db in try db.queryFirst("SELECT body FROM outbox") { $0.string(0) } }
                == "Tiket #1 dibuat")
    }

    @Test func refusedActionKeepsTheCallersOtherChanges() throws {
        let store = try Self.makeStore()
        let number = try store.write { try $0.open(Self.draft(), at: Self.monday).ticket.number }
        try store.write { tx in
            try tx.apply(.note(text: "dicek"), to: number, by: Self.level1, at: Self.monday)
            #expect(throws: TicketError.self) {
                try tx.apply(.confirm, to: number, by: .reporter(waID: "6281234567890", name: "Budi"), at: Self.monday)
            }
        }
        #expect(try store.read { try $0.activities(of: number) }.map(\.kind) == [.created, .note])
    }

    @Test func activityLogRecordsEveryStepWithActorAndDirection() throws {
        let store = try Self.makeStore()
        let kinds = try store.write { tx in
            let ticket = try tx.open(Self.draft(), at: Self.monday).ticket
            let reporter = Self.reporter(of: ticket)
            let number = ticket.number
            try tx.apply(.take(Self.classification), to: number, by: Self.level1, at: Self.monday)
            try tx.apply(.askFeedback(from: .reporter, text: "Kirim KTP"), to: number, by: Self.level1, at: Self.monday)
            try tx.apply(.reporterMessage(text: "Terlampir"), to: number, by: reporter, at: Self.monday)
            try tx.apply(.escalate(text: "Perlu admin"), to: number, by: Self.level1, at: Self.monday)
            try tx.apply(.askFeedback(from: .level1, text: "Cek data?"), to: number, by: Self.level2, at: Self.monday)
            try tx.apply(.answerLevel2(text: "Data cocok"), to: number, by: Self.level1, at: Self.monday)
            try tx.apply(.resolve(text: "Sudah direset"), to: number, by: Self.level2, at: Self.monday)
            try tx.apply(.reopen(text: "Belum bisa"), to: number, by: reporter, at: Self.monday)
            try tx.apply(.staffReply(text: "Coba lagi"), to: number, by: Self.level2, at: Self.monday)
            try tx.apply(.resolve(text: "Sudah"), to: number, by: Self.level2, at: Self.monday)
            try tx.apply(.confirm, to: number, by: reporter, at: Self.monday)
            return try tx.activities(of: number).map { "\($0.kind.rawValue)/\($0.actor.role)/\($0.direction.rawValue)" }
        }
        #expect(
            kinds == [
                "created/reporter/inbound", "taken/level1/internal", "feedback_requested/level1/outbound",
                "reporter_message/reporter/inbound", "escalated/level1/internal", "feedback_requested/level2/internal",
                "level1_answered/level1/internal", "resolved/level2/outbound", "reopened/reporter/inbound",
                "staff_reply/level2/outbound", "resolved/level2/outbound", "confirmed/reporter/inbound",
            ])
    }

    @Test func contactSeesOnlyTheirOwnTickets() throws {
        let store = try Self.makeStore()
        try store.write { tx in
            _ = try tx.open(Self.draft(waID: "628111"), at: Self.monday)
            _ = try tx.open(Self.draft(waID: "628222"), at: Self.monday)
            let third = try tx.open(Self.draft(waID: "628111"), at: Self.monday.addingTimeInterval(60)).ticket
            try tx.apply(.cancel(reason: nil), to: third.number, by: Self.reporter(of: third), at: Self.monday)
        }
        let all = try store.read { try $0.tickets(ofContact: "628111", includeClosed: true, limit: 10) }
        let open = try store.read { try $0.tickets(ofContact: "628111", includeClosed: false, limit: 10) }
        #expect(all.map(\.number.value) == [3, 1])
        #expect(open.map(\.number.value) == [1])
        #expect(open.first?.status.waitingOn == .helpdesk(.level1))
    }

    @Test func queuePagesFollowDueTimeWithoutGapsOrRepeats() throws {
        let store = try Self.makeStore()
        try store.write { tx in
            for index in 0..<25 {
                // Alternate types so due times interleave with numbers.
                var draft = Self.draft()
                draft.type = index % 2 == 0 ? .gangguan : .permintaanLayanan
                _ = try tx.open(draft, at: Self.monday.addingTimeInterval(TimeInterval(index * 60)))
            }
        }
        var seen: [Ticket] = []
        var query = TicketQueueQuery(status: .new, limit: 10)
        while true {
            let page = try store.read { try $0.queue(query) }
            seen += page.tickets
            guard let next = page.next else { break }
            query.after = next
        }
        #expect(seen.count == 25)
        #expect(Set(seen.map(\.number)).count == 25)
        #expect(seen.map(\.dueAt) == seen.map(\.dueAt).sorted())
        #expect(seen.first?.type == .permintaanLayanan)
    }

    @Test func queueFiltersByLevelAndAssignee() throws {
        let store = try Self.makeStore()
        try store.write { tx in
            for _ in 0..<3 { _ = try tx.open(Self.draft(), at: Self.monday) }
            try tx.apply(.take(Self.classification), to: TicketNumber(1), by: Self.level1, at: Self.monday)
            try tx.apply(.take(Self.classification), to: TicketNumber(2), by: Self.level1, at: Self.monday)
            try tx.apply(.escalate(text: nil), to: TicketNumber(2), by: Self.level1, at: Self.monday)
        }
        let level2 = try store.read { try $0.queue(TicketQueueQuery(level: .level2)) }
        let mine = try store.read { try $0.queue(TicketQueueQuery(assignee: "l1")) }
        #expect(level2.tickets.map(\.number.value) == [2])
        #expect(mine.tickets.map(\.number.value) == [1])
        let numbers = { (query: TicketQueueQuery) in
            try store.read { try $0.queue(query).tickets.map(\.number.value) }
        }
        #expect(try numbers(TicketQueueQuery(status: .inProgress, assignee: "l1", openOnly: false)) == [1])
        #expect(try numbers(TicketQueueQuery(status: .escalated, level: .level2, openOnly: false)) == [2])
        #expect(try numbers(TicketQueueQuery(status: .inProgress, level: .level2, openOnly: false)).isEmpty)
        #expect(try numbers(TicketQueueQuery(status: .new, level: .level1, assignee: nil)) == [3])
        // A status implies openness: an open status among open tickets is that status; a closed one is none.
        #expect(try numbers(TicketQueueQuery(status: .inProgress)) == [1])
        #expect(try numbers(TicketQueueQuery(status: .closed)).isEmpty)
    }

    /// The steps of `statement`'s query plan that read the tickets table, and whether no step sorts or scans.
    static func plan(of statement: (sql: String, values: [SQLiteValue]), in store: SQLiteTicketStore) throws
        -> (searches: [String], ordered: Bool)
    {
        let steps = try store.writer.read { database in
            try database.query("EXPLAIN QUERY PLAN " + statement.sql, statement.values) { $0.string(3) }
        }
        let searches = steps.filter { $0.hasPrefix("SEARCH tickets USING INDEX ") }
        let ordered = !steps.contains { $0.contains("TEMP B-TREE") || $0.hasPrefix("SCAN") }
        return (searches, ordered)
    }

    /// Every combination of a queue's filters seeks an index whose leading columns are those filters and a level,
    /// and reads it in queue order (without a level, both levels' runs, merged): no ticket is read only to be
    /// skipped, and nothing is sorted. A year of closed tickets would otherwise stand between a page and the few
    /// tickets it shows.
    @Test(arguments: [nil] + TicketStatusKind.allCases.map(Optional.some))
    func everyCombinationOfQueueFiltersSeeksAnIndexInQueueOrder(status: TicketStatusKind?) throws {
        let store = try Self.makeStore()
        let cursor = TicketQueueCursor(dueAt: Self.monday, number: TicketNumber(7))
        for level in [nil, StaffLevel.level1, .level2] {
            for assignee in [nil, "l1"] {
                for (openOnly, after) in [(true, nil), (status == nil, cursor), (status == nil, nil)] {
                    let query = TicketQueueQuery(
                        status: status, level: level, assignee: assignee, openOnly: openOnly, after: after)
                    guard let statement = SQLiteTicketTransaction.queueStatement(query) else {
                        #expect(status?.isOpen == false && openOnly, "\(query) reads nothing")
                        continue
                    }
                    let plan = try Self.plan(of: statement, in: store)
                    let filters =
                        [status == nil ? "is_open=?" : "status=?", "level=?"]
                        + (assignee.map { _ in ["assignee=?"] } ?? [])
                    #expect(plan.ordered, "\(query): \(plan)")
                    #expect(plan.searches.count == (level == nil ? 2 : 1), "\(query): \(plan)")
                    for search in plan.searches {
                        #expect(filters.allSatisfy { search.contains($0) }, "\(query): \(search)")
                    }
                }
            }
        }
    }

    /// A contact's open tickets, read for each of their messages, are one index seek in newest-first order, and
    /// their whole history two, merged: however many closed tickets a provider has, none is read to be skipped.
    @Test(arguments: [false, true])
    func aContactsTicketsSeekAnIndexNewestFirst(includeClosed: Bool) throws {
        let store = try Self.makeStore()
        let statement = SQLiteTicketTransaction.contactTicketsStatement(
            "628111", includeClosed: includeClosed, limit: 20)
        let plan = try Self.plan(of: statement, in: store)
        #expect(plan.ordered, "\(plan)")
        #expect(plan.searches.count == (includeClosed ? 2 : 1), "\(plan)")
        #expect(plan.searches.allSatisfy { $0.hasSuffix("(reporter_wa_id=? AND is_open=?)") }, "\(plan)")
    }

    /// A contact's history is every ticket of theirs, open or closed, newest first, up to the limit.
    @Test func aContactsHistoryMergesOpenAndClosedTicketsNewestFirst() throws {
        let store = try Self.makeStore()
        try store.write { tx in
            for index in 0..<5 {
                let number = try tx.open(Self.draft(waID: "628111"), at: Self.monday.addingTimeInterval(Double(index)))
                    .ticket.number
                guard index.isMultiple(of: 2) else { continue }
                try tx.apply(
                    .cancel(reason: nil), to: number, by: .reporter(waID: "628111", name: "Budi"), at: Self.monday)
            }
            _ = try tx.open(Self.draft(waID: "628222"), at: Self.monday)
        }
        let history = try store.read { try $0.tickets(ofContact: "628111", includeClosed: true, limit: 4) }
        #expect(history.map(\.number.value) == [5, 4, 3, 2])
        #expect(history.map(\.status.isOpen) == [false, true, false, true])
    }

    @Test func attachmentsKeepTheirMetadataOnceAndLogAnActivity() throws {
        let store = try Self.makeStore()
        let sender = TicketActor.reporter(waID: "6281234567890", name: "Budi")
        let attachment = Attachment(
            sha256: String(repeating: "ab", count: 32), originalName: "KTP direktur.pdf", size: 27_027,
            mimeType: "application/pdf", sender: sender, receivedAt: Self.monday, storagePath: "media/ab/abab.pdf")
        try store.write { tx in
            let number = try tx.open(Self.draft(), at: Self.monday).ticket.number
            try tx.addAttachment(attachment, to: number)
            try tx.addAttachment(attachment, to: number)
        }
        #expect(try store.read { try $0.attachments(of: TicketNumber(1)) } == [attachment])
        let activities = try store.read { try $0.activities(of: TicketNumber(1)) }
        #expect(activities.map(\.kind) == [.created, .attachmentAdded])
        #expect(activities.last?.text == "KTP direktur.pdf (PDF, 26 KB)")
    }

    /// The activity names a file's kind and size as the office reads them.
    @Test(arguments: [
        ("application/pdf", 32, "PDF, 32 B"), ("image/jpeg", 240 * 1024, "foto JPEG, 240 KB"),
        ("audio/ogg", 3_565_158, "pesan suara, 3,4 MB"), ("image/png", 2 * 1024 * 1024, "foto PNG, 2 MB"),
        ("application/zip", 1024, "application/zip, 1 KB"),
    ])
    func anAttachmentsActivityNamesItsKindAndSize(mimeType: String, size: Int, expected: String) {
        let attachment = Attachment(
            sha256: String(repeating: "ab", count: 32), originalName: "f", size: size, mimeType: mimeType,
            sender: .reporter(waID: "6281234567890", name: "Budi"), receivedAt: Self.monday, storagePath: "media/ab/f")
        #expect(attachment.activityText == "f (\(expected))")
    }

    static func closedTicket(in store: SQLiteTicketStore) throws -> TicketNumber {
        try store.write { tx in
            let ticket = try tx.open(Self.draft(), at: Self.monday).ticket
            try tx.apply(.take(Self.classification), to: ticket.number, by: Self.level1, at: Self.monday)
            try tx.apply(.resolve(text: "Selesai"), to: ticket.number, by: Self.level1, at: Self.monday)
            try tx.apply(.confirm, to: ticket.number, by: Self.reporter(of: ticket), at: Self.monday)
            return ticket.number
        }
    }

    @Test func oneSurveyPerClosedTicket() throws {
        let store = try Self.makeStore()
        let number = try Self.closedTicket(in: store)
        let response = SurveyResponse(
            ticket: number, answers: ["p1": 4, "m2": 3], comment: nil, submittedAt: Self.monday)
        try store.write { try $0.submitSurvey(response) }
        #expect(throws: TicketError.surveyAlreadySubmitted(number)) {
            try store.write { try $0.submitSurvey(response) }
        }
        #expect(try store.read { try $0.survey(of: number) } == response)
    }

    @Test func surveyOfAnOpenTicketIsRefused() throws {
        let store = try Self.makeStore()
        let number = try store.write { try $0.open(Self.draft(), at: Self.monday).ticket.number }
        let response = SurveyResponse(ticket: number, answers: ["p1": 4], comment: nil, submittedAt: Self.monday)
        #expect(throws: TicketError.surveyNotAllowed(number, status: .new)) {
            try store.write { try $0.submitSurvey(response) }
        }
    }

    @Test func autoCloseClosesOnlyDueTickets() throws {
        let store = try Self.makeStore()
        try store.write { tx in
            for offset in [0, 2] {
                let ticket = try tx.open(Self.draft(), at: Self.monday).ticket
                try tx.apply(.take(Self.classification), to: ticket.number, by: Self.level1, at: Self.monday)
                try tx.apply(
                    .resolve(text: "Selesai"), to: ticket.number, by: Self.level1,
                    at: Self.monday.addingTimeInterval(TimeInterval(offset * 3600)))
            }
        }
        // Resolved Monday 09:00 and 11:00: the first closes Thursday 09:00, the second Thursday 11:00.
        let closed = try store.write { try $0.autoCloseDue(at: wib(2026, 3, 5, 10, 0), limit: 100) }
        #expect(closed.map(\.ticket.number.value) == [1])
        #expect(try store.read { try $0.ticket(TicketNumber(1)) }?.status == .closed(.autoClosed))
        #expect(try store.read { try $0.ticket(TicketNumber(2)) }?.status == .resolved(by: .level1))
    }

    @Test func staffAreSavedAndListedByLevel() throws {
        let store = try SQLiteTicketStore.inMemory(configuration: Self.configuration())
        try store.write { tx in
            try tx.saveStaff(StaffMember(id: "a2", name: "Admin", level: .level2))
            try tx.saveStaff(StaffMember(id: "h1", name: "Wida", level: .level1))
            try tx.saveStaff(StaffMember(id: "h1", name: "Wida Putri", level: .level1, isActive: false))
        }
        #expect(try store.read { try $0.staff() }.map(\.name) == ["Wida Putri", "Admin"])
        #expect(try store.read { try $0.staffMember(id: "h1") }?.isActive == false)
    }

    @Test func contactOverviewSaysWhatTheTicketWaitsOn() throws {
        let store = try Self.makeStore()
        try store.write { tx in
            let ticket = try tx.open(Self.draft(), at: Self.monday).ticket
            try tx.apply(.take(Self.classification), to: ticket.number, by: Self.level1, at: Self.monday)
            try tx.apply(
                .askFeedback(from: .reporter, text: "KTP?"), to: ticket.number, by: Self.level1, at: Self.monday)
        }
        let overview = try store.read { try $0.tickets(ofContact: "6281234567890", includeClosed: false, limit: 5) }
            .map { $0.overview(at: Self.monday, calendar: Self.calendar) }
        #expect(overview.first?.waitingOn == .reporter)
        #expect(overview.first?.statusLabel == "Menunggu tanggapan pelapor")
        #expect(overview.first?.dueAt == nil)
    }

    @Test func migratesAnEmptyFileToTheLatestSchema() throws {
        let path = Self.temporaryPath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let database = try Database(path: path)
        #expect(try TicketSchema.migrator.migrate(database) == [1, 2, 3, 4, 5, 6])
        #expect(try database.queryFirst("PRAGMA journal_mode") { $0.string(0) } == "wal")
        #expect(try database.queryFirst("PRAGMA foreign_keys") { $0.int(0) } == 1)
    }

    @Test func migratesFromBookingsToVerificationCallsKeepingTickets() throws {
        let path = Self.temporaryPath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        // Version 3, the last with verification_bookings.
        let previous = Migrator(component: TicketSchema.component, migrations: Array(TicketSchema.migrations.prefix(3)))
        do {
            let writer = try DatabaseWriter(path: path, migrators: [previous])
            try writer.write { db in
                _ = try SQLiteTicketTransaction(database: db, configuration: try Self.configuration()).open(
                    Self.draft(), at: Self.monday)
                try db.run(
                    "INSERT INTO verification_bookings (slot_start, seat, ticket_number, booked_at) VALUES (?, 0, 1, ?)",
                    [.integer(Int64(wib(2026, 3, 3, 10, 0).timeIntervalSince1970 * 1000)), .integer(0)])
            }
        }
        let store = try SQLiteTicketStore(writer: DatabaseWriter(path: path), configuration: Self.configuration())
        #expect(try store.writer.read { try TicketSchema.migrator.currentVersion(in: $0) } == 6)
        let calls = try store.writer.read { database in
            try SQLiteTicketStore.transaction(on: database, configuration: store.configuration)
                .verificationCalls(from: Self.monday, to: Self.monday.addingTimeInterval(7 * 86_400))
        }
        #expect(calls.map(\.start) == [wib(2026, 3, 3, 10, 0)] && calls.first?.state == .booked)
        #expect(try store.read { try $0.ticket(TicketNumber(1)) }?.title == "Reset Password")
        try store.write { tx in
            try tx.apply(.take(Self.classification), to: TicketNumber(1), by: Self.level1, at: Self.monday)
            try tx.apply(.resolve(text: "ok"), to: TicketNumber(1), by: Self.level1, at: Self.monday)
            try tx.apply(
                .confirm, to: TicketNumber(1), by: .reporter(waID: "6281234567890", name: "Budi"), at: Self.monday)
            try tx.submitSurvey(
                SurveyResponse(ticket: TicketNumber(1), answers: ["p1": 4], comment: nil, submittedAt: Self.monday))
        }
    }

    @Test func migratingToTheReportIndexKeepsEveryTicketInTheReports() throws {
        let path = Self.temporaryPath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let previous = Migrator(component: TicketSchema.component, migrations: Array(TicketSchema.migrations.prefix(4)))
        let month = ReportPeriod.month(2026, 3)
        let before: ReportRows.Timing
        do {
            let writer = try DatabaseWriter(path: path, migrators: [previous])
            try writer.write { db in
                let tx = SQLiteTicketTransaction(database: db, configuration: try Self.configuration())
                for day in 0..<5 {
                    let ticket = try tx.open(Self.draft(), at: Self.monday.addingTimeInterval(Double(day) * 86_400))
                        .ticket
                    guard day.isMultiple(of: 2) else { continue }
                    try tx.apply(.take(Self.classification), to: ticket.number, by: Self.level1, at: Self.monday)
                }
            }
            before = try writer.read { try TicketReports(database: $0, calendar: Self.calendar).timing(in: month) }
        }
        let store = try SQLiteTicketStore(writer: DatabaseWriter(path: path), configuration: Self.configuration())
        let indexes = try store.writer.read { database in
            try database.query("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tickets'") {
                $0.string(0)
            }
        }
        #expect(indexes.contains("tickets_report") && !indexes.contains("tickets_created"))
        let after = try store.writer.read { try TicketReports(database: $0, calendar: Self.calendar).timing(in: month) }
        #expect(after.tickets == 5 && after.responded == 3)
        #expect(after == before)
    }

    /// Version 6 replaces the queue's and the contacts' indexes: pages and histories read the same tickets in the
    /// same order before and after it, and a new ticket still writes seven index entries.
    @Test func migratingToTheQueueIndexesKeepsEveryPage() throws {
        let path = Self.temporaryPath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let previous = Migrator(component: TicketSchema.component, migrations: Array(TicketSchema.migrations.prefix(5)))
        let queries = [
            TicketQueueQuery(limit: 3), TicketQueueQuery(level: .level2), TicketQueueQuery(assignee: "l1", limit: 2),
            TicketQueueQuery(status: .inProgress, openOnly: false),
            TicketQueueQuery(status: .cancelled, openOnly: false),
        ]
        let read = { (store: SQLiteTicketStore) in
            try store.read { tx in
                try queries.map { query in
                    var (numbers, query) = ([Int](), query)
                    while true {
                        let page = try tx.queue(query)
                        numbers += page.tickets.map(\.number.value)
                        guard let next = page.next else { return numbers }
                        query.after = next
                    }
                } + [try tx.tickets(ofContact: "628111", includeClosed: true, limit: 20).map(\.number.value)]
            }
        }
        let before: [[Int]]
        do {
            let store = try SQLiteTicketStore(
                writer: DatabaseWriter(path: path, migrators: [previous]), configuration: Self.configuration())
            try store.write { tx in
                for index in 0..<9 {
                    let waID = index < 6 ? "628111" : "628222"
                    let number = try tx.open(
                        Self.draft(waID: waID),
                        at: Self.monday.addingTimeInterval(Double(index * 600))
                    ).ticket.number
                    switch index % 3 {
                    case 0: try tx.apply(.take(Self.classification), to: number, by: Self.level1, at: Self.monday)
                    case 1:
                        try tx.apply(.take(Self.classification), to: number, by: Self.level1, at: Self.monday)
                        try tx.apply(.escalate(text: nil), to: number, by: Self.level1, at: Self.monday)
                    default:
                        try tx.apply(
                            .cancel(reason: nil), to: number, by: .reporter(waID: waID, name: "Budi"),
                            at: Self.monday)
                    }
                }
            }
            before = try read(store)
        }
        let store = try SQLiteTicketStore(writer: DatabaseWriter(path: path), configuration: Self.configuration())
        #expect(try read(store) == before)
        #expect(before.first?.count == 6 && before.last?.count == 6)
        let indexes = try store.writer.read { database in
            try database.query(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tickets' AND sql IS NOT NULL"
            ) { $0.string(0) }
        }
        #expect(
            Set(indexes) == [
                "tickets_reporter_open", "tickets_open_level_due", "tickets_status_level_due",
                "tickets_assignee_open_level_due", "tickets_assignee_status_level_due", "tickets_auto_close",
                "tickets_report",
            ])
    }

    @Test func refusesADatabaseFromANewerVersion() throws {
        let database = try Database(path: ":memory:")
        try TicketSchema.migrator.migrate(database)
        try database.run("UPDATE schema_migrations SET version = 7 WHERE component = 'ticketing'")
        #expect(throws: SQLiteError.newerSchema(component: "ticketing", found: 7, known: 6)) {
            try TicketSchema.migrator.migrate(database)
        }
    }

    @Test func backupIsConsistentWhileWritesGoOn() throws {
        let path = Self.temporaryPath()
        let copy = Self.temporaryPath()
        defer {
            for file in [path, copy] {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
            }
        }
        let store = try SQLiteTicketStore(writer: DatabaseWriter(path: path), configuration: Self.configuration())
        let started = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        let stop = StopFlag()
        let written = Counter()
        DispatchQueue.global().async {
            defer { finished.signal() }
            while !stop.isSet {
                do {
                    try store.write { tx in
                        let ticket = try tx.open(Self.draft(), at: Self.monday).ticket
                        try tx.apply(.note(text: "n"), to: ticket.number, by: Self.level1, at: Self.monday)
                    }
                } catch {
                    return
                }
                if written.increment() == 200 { started.signal() }
            }
        }
        started.wait()
        let source = try Database(path: path)
        // As `loket backup` does: one step, one read snapshot, while the writer thread keeps committing.
        try source.backup(to: copy, pagesPerStep: -1)
        stop.set()
        finished.wait()
        let backup = try Database(path: copy)
        #expect(try backup.queryFirst("PRAGMA integrity_check") { $0.string(0) } == "ok")
        let tickets = try backup.queryFirst("SELECT count(*) FROM tickets") { $0.int(0) } ?? 0
        let activities = try backup.queryFirst("SELECT count(*) FROM ticket_activities") { $0.int(0) } ?? 0
        #expect(tickets >= 200)
        #expect(activities == tickets * 2)
        #expect(written.value >= tickets)
    }
}

/// A flag set once from the test thread and read by the writer thread.
private final class StopFlag: Sendable {
    private let flag = Mutex(false)

    var isSet: Bool { self.flag.withLock { $0 } }

    func set() { self.flag.withLock { $0 = true } }
}

/// A counter incremented by the writer thread.
private final class Counter: Sendable {
    private let count = Mutex(0)

    var value: Int { self.count.withLock { $0 } }

    func increment() -> Int {
        self.count.withLock {
            $0 += 1
            return $0
        }
    }
}
