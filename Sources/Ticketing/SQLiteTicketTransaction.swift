import Foundation
import Storage

/// Ticket operations on one SQLite connection, inside its owner's transaction; prepared statements only.
public struct SQLiteTicketTransaction: TicketTransaction {
    public let database: Database
    public let configuration: TicketStoreConfiguration

    public init(database: Database, configuration: TicketStoreConfiguration) {
        self.database = database
        self.configuration = configuration
    }

    var lifecycle: TicketLifecycle { self.configuration.lifecycle }

    public func open(_ draft: TicketDraft, at now: Date) throws -> TicketTransition {
        try self.database.transaction {
            let next = try self.nextNumber()
            let transition = try self.lifecycle.open(draft, number: TicketNumber(next), at: now)
            try self.insert(transition.ticket)
            try self.append(transition.activities, to: transition.ticket.number)
            return transition
        }
    }

    /// Takes the next ticket number from the counter row (created at the configured first number on first use).
    /// Deleting tickets never lowers it, so a number is never handed out twice; raising the configured first
    /// number later jumps ahead to it, lowering it has no effect.
    private func nextNumber() throws -> Int {
        let first = self.configuration.firstNumber
        let take =
            "UPDATE ticket_counter SET next_number = max(next_number, ?) + 1 WHERE id = 1 RETURNING next_number - 1"
        if let next = try self.database.queryFirst(take, [.int(first)], row: { $0.int(0) }) { return next }
        try self.database.run(
            "INSERT INTO ticket_counter (id, next_number) VALUES (1, ?)", [.int(self.configuration.firstNumber)])
        guard let next = try self.database.queryFirst(take, [.int(first)], row: { $0.int(0) }) else {
            throw TicketError.invalidInput("the ticket counter row cannot be created")
        }
        return next
    }

    @discardableResult
    public func apply(
        _ action: TicketAction, to number: TicketNumber, by actor: TicketActor, at now: Date
    ) throws -> TicketTransition {
        try self.database.transaction {
            guard let ticket = try self.ticket(number) else { throw TicketError.notFound(number) }
            let transition = try self.lifecycle.apply(action, to: ticket, by: actor, at: now)
            try self.update(transition.ticket)
            try self.append(transition.activities, to: number)
            if ticket.status.isOpen, !transition.ticket.status.isOpen {
                // A closed or cancelled ticket's call is not held for it: its seat goes back to the agenda.
                let reason = transition.ticket.status.kind == .cancelled ? "tiket dibatalkan" : "tiket ditutup"
                try self.cancelVerification(number, by: actor, reason: reason, at: now)
            }
            return transition
        }
    }

    public func addAttachment(_ attachment: Attachment, to number: TicketNumber) throws {
        try attachment.validate()
        try self.database.transaction {
            guard let ticket = try self.ticket(number) else { throw TicketError.notFound(number) }
            guard attachment.sender.role != .reporter || attachment.sender.id == ticket.reporterWaID else {
                throw TicketError.notTheReporter(number)
            }
            guard ticket.status.isOpen else {
                throw TicketError.illegalTransition(
                    state: ticket.status, action: .reporterMessage(text: attachment.originalName),
                    role: attachment.sender.role)
            }
            try self.database.run(
                """
                INSERT INTO ticket_attachments (ticket_number, sha256, original_name, size, mime_type, sender_role,
                    sender_id, sender_name, received_at, storage_path)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (ticket_number, sha256) DO NOTHING
                """,
                [
                    .int(number.value), .text(attachment.sha256), .text(attachment.originalName), .int(attachment.size),
                    .text(attachment.mimeType), .text(attachment.sender.role.rawValue), .text(attachment.sender.id),
                    .text(attachment.sender.name), .millis(attachment.receivedAt), .text(attachment.storagePath),
                ])
            guard self.database.changes > 0 else { return }
            let direction: TicketActivity.Direction = attachment.sender.role == .reporter ? .inbound : .outbound
            try self.append(
                [
                    TicketActivity(
                        kind: .attachmentAdded, actor: attachment.sender, at: attachment.receivedAt,
                        direction: direction,
                        text: attachment.activityText)
                ], to: number)
        }
    }

    public func submitSurvey(_ response: SurveyResponse) throws {
        if let survey = self.configuration.survey { try survey.validate(response) }
        try self.database.transaction {
            guard let ticket = try self.ticket(response.ticket) else { throw TicketError.notFound(response.ticket) }
            guard case .closed = ticket.status else {
                throw TicketError.surveyNotAllowed(response.ticket, status: ticket.status)
            }
            try self.database.run(
                "INSERT INTO survey_responses (ticket_number, submitted_at, comment) VALUES (?, ?, ?) "
                    + "ON CONFLICT (ticket_number) DO NOTHING",
                [.int(response.ticket.value), .millis(response.submittedAt), .optional(response.comment)])
            guard self.database.changes > 0 else { throw TicketError.surveyAlreadySubmitted(response.ticket) }
            for (question, value) in response.answers.sorted(by: { $0.key < $1.key }) {
                try self.database.run(
                    "INSERT INTO survey_answers (ticket_number, question_id, value) VALUES (?, ?, ?)",
                    [.int(response.ticket.value), .text(question), .int(value)])
            }
        }
    }

    public func saveStaff(_ member: StaffMember) throws {
        try self.database.run(
            """
            INSERT INTO staff (id, name, level, active) VALUES (?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, level = excluded.level, active = excluded.active
            """,
            [.text(member.id), .text(member.name), .int(member.level.rawValue), .int(member.isActive ? 1 : 0)])
    }

    @discardableResult
    public func autoCloseDue(at now: Date, limit: Int) throws -> [TicketTransition] {
        try self.ticketsDueForAutoClose(at: now, limit: limit).map { number in
            try self.apply(.autoClose, to: number, by: .system, at: now)
        }
    }

    public func ticket(_ number: TicketNumber) throws -> Ticket? {
        try self.database.queryFirst(
            "SELECT \(Self.ticketColumns) FROM tickets WHERE number = ?", [.int(number.value)], row: Self.ticket(from:))
    }

    public func activities(of number: TicketNumber) throws -> [TicketActivity] {
        try self.database.query(
            """
            SELECT kind, actor_role, actor_id, actor_name, at, direction, body FROM ticket_activities
            WHERE ticket_number = ? ORDER BY seq
            """, [.int(number.value)]
        ) { row in
            TicketActivity(
                kind: TicketActivity.Kind(rawValue: row.string(0)) ?? .note,
                actor: TicketActor(
                    role: TicketRole(rawValue: row.string(1)) ?? .system, id: row.string(2), name: row.string(3)),
                at: row.date(4), direction: TicketActivity.Direction(rawValue: row.string(5)) ?? .internal,
                text: row.optionalString(6))
        }
    }

    public func attachments(of number: TicketNumber) throws -> [Attachment] {
        try self.database.query(
            """
            SELECT sha256, original_name, size, mime_type, sender_role, sender_id, sender_name, received_at,
                storage_path
            FROM ticket_attachments WHERE ticket_number = ? ORDER BY id
            """, [.int(number.value)]
        ) { row in
            Attachment(
                sha256: row.string(0), originalName: row.string(1), size: row.int(2), mimeType: row.string(3),
                sender: TicketActor(
                    role: TicketRole(rawValue: row.string(4)) ?? .reporter, id: row.string(5), name: row.string(6)),
                receivedAt: row.date(7), storagePath: row.string(8))
        }
    }

    public func tickets(ofContact waID: String, includeClosed: Bool, limit: Int) throws -> [Ticket] {
        let (sql, values) = Self.contactTicketsStatement(waID, includeClosed: includeClosed, limit: limit)
        return try self.database.query(sql, values, row: Self.ticket(from:))
    }

    /// A contact's tickets, newest first, from `tickets_reporter_open`: the open ones, read for every message the
    /// contact sends, are one seek, so a provider's years of closed tickets are not read again with each message;
    /// the whole history merges the open and the closed ones, each in order.
    static func contactTicketsStatement(_ waID: String, includeClosed: Bool, limit: Int)
        -> (sql: String, values: [SQLiteValue])
    {
        let contact = SQLiteValue.text(waID)
        return includeClosed
            ? (Self.contactTicketsSQL.all, [contact, contact, .int(limit)])
            : (Self.contactTicketsSQL.open, [contact, .int(limit)])
    }

    /// The text of `contactTicketsStatement`, the open tickets' and the whole history's, written once: the open
    /// ones are read for every message.
    private static let contactTicketsSQL = (
        open: Self.contactTicketsSQL(isOpen: [1]), all: Self.contactTicketsSQL(isOpen: [1, 0])
    )

    private static func contactTicketsSQL(isOpen arms: [Int]) -> String {
        Self.ticketsMergingSQL(arms.map { "reporter_wa_id = ? AND is_open = \($0)" }, orderedBy: "number DESC")
    }

    /// The tickets matching any of `arms` (each a `WHERE` clause and its values), in `order`, at most `limit`.
    /// Each arm fixes a column an index puts before `order`, so SQLite merges the arms' runs, each read in index
    /// order, instead of reading every match to sort it.
    static func ticketsMerging(
        _ arms: [(filter: String, values: [SQLiteValue])], orderedBy order: String, limit: Int
    ) -> (sql: String, values: [SQLiteValue]) {
        (Self.ticketsMergingSQL(arms.map(\.filter), orderedBy: order), arms.flatMap(\.values) + [.int(limit)])
    }

    /// The text of `ticketsMerging(_:orderedBy:limit:)`: the filters' values, then the limit, are bound to it.
    private static func ticketsMergingSQL(_ filters: [String], orderedBy order: String) -> String {
        let selects = filters.map { "SELECT \(Self.ticketColumns) FROM tickets WHERE \($0)" }
        return selects.joined(separator: " UNION ALL ") + " ORDER BY \(order) LIMIT ?"
    }

    public func queue(_ query: TicketQueueQuery) throws -> TicketQueuePage {
        guard let (sql, values) = Self.queueStatement(query) else { return TicketQueuePage(tickets: [], next: nil) }
        var tickets = try self.database.query(sql, values, row: Self.ticket(from:))
        var next: TicketQueueCursor?
        if tickets.count > Self.queueLimit(query) {
            tickets.removeLast()
            next = tickets.last.map { TicketQueueCursor(dueAt: $0.dueAt, number: $0.number) }
        }
        return TicketQueuePage(tickets: tickets, next: next)
    }

    /// The tickets a queue page shows at most.
    static func queueLimit(_ query: TicketQueueQuery) -> Int { max(1, min(query.limit, 500)) }

    /// The statement of a queue page (one ticket more than the page, to tell whether another follows), or nil
    /// when the filters match no ticket: a closed status among open tickets.
    ///
    /// Every combination of filters seeks an index whose leading columns are those filters and a level, then
    /// runs in queue order (`TicketSchema`'s version 6), so a page reads its own tickets and no others, however
    /// rare they are among a year of closed tickets. Without a level, the page merges the two levels' runs, each
    /// in order: one index per combination with and without the level would cost every new ticket four more
    /// index entries. A status implies whether the ticket is open, so `is_open` is left out beside one.
    static func queueStatement(_ query: TicketQueueQuery) -> (sql: String, values: [SQLiteValue])? {
        var conditions: [String] = []
        var values: [SQLiteValue] = []
        if let status = query.status {
            guard status.isOpen || !query.openOnly else { return nil }
            conditions.append("status = ?")
            values.append(.text(status.rawValue))
        } else if query.openOnly {
            conditions.append("is_open = 1")
        }
        if let assignee = query.assignee {
            conditions.append("assignee = ?")
            values.append(.text(assignee))
        }
        conditions.append("level = ?")
        var after: [SQLiteValue] = []
        if let cursor = query.after {
            conditions.append("(due_at, number) > (?, ?)")
            after = [.millis(cursor.dueAt), .int(cursor.number.value)]
        }
        let filter = conditions.joined(separator: " AND ")
        let arms = (query.level.map { [$0] } ?? StaffLevel.allCases).map { level in
            (filter: filter, values: values + [.int(level.rawValue)] + after)
        }
        return Self.ticketsMerging(arms, orderedBy: "due_at, number", limit: Self.queueLimit(query) + 1)
    }

    public func staffMember(id: String) throws -> StaffMember? {
        try self.database.queryFirst("SELECT id, name, level, active FROM staff WHERE id = ?", [.text(id)]) { row in
            StaffMember(
                id: row.string(0), name: row.string(1), level: StaffLevel(rawValue: row.int(2)) ?? .level1,
                isActive: row.int(3) != 0)
        }
    }

    public func staff() throws -> [StaffMember] {
        try self.database.query("SELECT id, name, level, active FROM staff ORDER BY level, name, id") { row in
            StaffMember(
                id: row.string(0), name: row.string(1), level: StaffLevel(rawValue: row.int(2)) ?? .level1,
                isActive: row.int(3) != 0)
        }
    }

    public func survey(of number: TicketNumber) throws -> SurveyResponse? {
        guard
            let header = try self.database.queryFirst(
                "SELECT submitted_at, comment FROM survey_responses WHERE ticket_number = ?", [.int(number.value)],
                row: { ($0.date(0), $0.optionalString(1)) })
        else { return nil }
        let answers = try self.database.query(
            "SELECT question_id, value FROM survey_answers WHERE ticket_number = ?", [.int(number.value)]
        ) { ($0.string(0), $0.int(1)) }
        return SurveyResponse(
            ticket: number, answers: Dictionary(uniqueKeysWithValues: answers), comment: header.1,
            submittedAt: header.0)
    }

    public func ticketsDueForAutoClose(at now: Date, limit: Int) throws -> [TicketNumber] {
        try self.database.query(
            """
            SELECT number FROM tickets
            WHERE auto_close_at IS NOT NULL AND auto_close_at <= ? AND status = 'resolved'
            ORDER BY auto_close_at LIMIT ?
            """, [.millis(now), .int(limit)]
        ) { TicketNumber($0.int(0)) }
    }
}
