import Foundation
import Storage

extension SQLiteTicketTransaction {
    static let ticketColumns = """
        number, title, description, company_name, business_form, reporter_role, tax_or_staff_id, tender_code,
        director_phone, reporter_wa_id, reporter_name, source, type, category, priority, application_version, level,
        assignee, status, status_level, closure, created_at, updated_at, first_response_at, resolved_at, resolved_by,
        closed_at, closed_by, due_at, sla_paused_at, sla_remaining_seconds, resolved_within_sla, auto_close_at
        """

    /// Decodes a row selected with `ticketColumns`.
    static func ticket(from row: Statement) throws -> Ticket {
        let number = TicketNumber(row.int(0))
        let draft = TicketDraft(
            title: row.string(1), description: row.string(2), companyName: row.optionalString(3),
            businessForm: row.optionalString(4), reporterRole: row.optionalString(5),
            taxOrStaffID: row.optionalString(6), tenderCode: row.optionalString(7),
            directorPhone: row.optionalString(8), reporterWaID: row.string(9), reporterName: row.string(10),
            source: row.string(11), type: row.optionalString(12).flatMap(TicketType.init(rawValue:)),
            category: row.optionalString(13))
        var ticket = Ticket(number: number, draft: draft, createdAt: row.date(21), dueAt: row.date(28))
        ticket.title = row.string(1)
        ticket.priority = row.optionalString(14).flatMap(TicketPriority.init(rawValue:))
        ticket.applicationVersion = row.optionalString(15)
        ticket.level = StaffLevel(rawValue: row.int(16)) ?? .level1
        ticket.assignee = row.optionalString(17)
        ticket.status = try Self.status(
            kind: row.string(18), level: row.optionalInt(19), closure: row.optionalString(20), number: number)
        ticket.updatedAt = row.date(22)
        ticket.firstResponseAt = row.optionalDate(23)
        ticket.resolvedAt = row.optionalDate(24)
        ticket.resolvedBy = row.optionalString(25)
        ticket.closedAt = row.optionalDate(26)
        ticket.closedBy = row.optionalString(27)
        ticket.slaPausedAt = row.optionalDate(29)
        ticket.slaRemainingSeconds = row.optionalInt(30)
        ticket.resolvedWithinSLA = row.optionalInt(31).map { $0 != 0 }
        ticket.autoCloseAt = row.optionalDate(32)
        return ticket
    }

    static func status(kind: String, level: Int?, closure: String?, number: TicketNumber) throws -> TicketStatus {
        let staffLevel = level.flatMap(StaffLevel.init(rawValue:))
        switch TicketStatusKind(rawValue: kind) {
        case .new: return .new
        case .inProgress: return .inProgress
        case .escalated: return .escalated
        case .waitingOnLevel1: return .waitingOnLevel1
        case .cancelled: return .cancelled
        case .waitingOnReporter:
            if let staffLevel { return .waitingOnReporter(askedBy: staffLevel) }
        case .resolved:
            if let staffLevel { return .resolved(by: staffLevel) }
        case .reopened:
            if let staffLevel { return .reopened(level: staffLevel) }
        case .closed:
            if let closure = closure.flatMap(ClosureKind.init(rawValue:)) { return .closed(closure) }
        case nil:
            break
        }
        throw TicketError.invalidInput(
            "ticket \(number) has an unreadable status \(kind)/\(level.map(String.init) ?? "-")/\(closure ?? "-")")
    }

    /// The `status_level` and `closure` columns of a status.
    static func statusDetail(_ status: TicketStatus) -> (level: SQLiteValue, closure: SQLiteValue) {
        switch status {
        case .new, .inProgress, .escalated, .waitingOnLevel1, .cancelled: (.null, .null)
        case .waitingOnReporter(let level), .resolved(let level), .reopened(let level): (.int(level.rawValue), .null)
        case .closed(let kind): (.null, .text(kind.rawValue))
        }
    }

    /// The values of every column but `number`, in `ticketColumns` order from `title`.
    static func values(of ticket: Ticket) -> [SQLiteValue] {
        let detail = Self.statusDetail(ticket.status)
        return [
            .text(ticket.title), .text(ticket.description), .optional(ticket.companyName),
            .optional(ticket.businessForm), .optional(ticket.reporterRole), .optional(ticket.taxOrStaffID),
            .optional(ticket.tenderCode), .optional(ticket.directorPhone), .text(ticket.reporterWaID),
            .text(ticket.reporterName), .text(ticket.source), .optional(ticket.type?.rawValue),
            .optional(ticket.category), .optional(ticket.priority?.rawValue), .optional(ticket.applicationVersion),
            .int(ticket.level.rawValue), .optional(ticket.assignee), .text(ticket.status.kind.rawValue), detail.level,
            detail.closure, .int(ticket.status.isOpen ? 1 : 0), .millis(ticket.createdAt), .millis(ticket.updatedAt),
            .optionalMillis(ticket.firstResponseAt), .optionalMillis(ticket.resolvedAt), .optional(ticket.resolvedBy),
            .optionalMillis(ticket.closedAt), .optional(ticket.closedBy), .millis(ticket.dueAt),
            .optionalMillis(ticket.slaPausedAt), .optional(ticket.slaRemainingSeconds),
            .optional(ticket.resolvedWithinSLA.map { $0 ? 1 : 0 }), .optionalMillis(ticket.autoCloseAt),
        ]
    }

    static let writableColumns = [
        "title", "description", "company_name", "business_form", "reporter_role", "tax_or_staff_id", "tender_code",
        "director_phone", "reporter_wa_id", "reporter_name", "source", "type", "category", "priority",
        "application_version", "level", "assignee", "status", "status_level", "closure", "is_open", "created_at",
        "updated_at", "first_response_at", "resolved_at", "resolved_by", "closed_at", "closed_by", "due_at",
        "sla_paused_at", "sla_remaining_seconds", "resolved_within_sla", "auto_close_at",
    ]

    static let insertSQL =
        "INSERT INTO tickets (number, \(writableColumns.joined(separator: ", "))) VALUES (?"
        + String(repeating: ", ?", count: writableColumns.count) + ")"

    static let updateSQL =
        "UPDATE tickets SET \(writableColumns.map { "\($0) = ?" }.joined(separator: ", ")) WHERE number = ?"

    func insert(_ ticket: Ticket) throws {
        try self.database.run(Self.insertSQL, [.int(ticket.number.value)] + Self.values(of: ticket))
    }

    func update(_ ticket: Ticket) throws {
        try self.database.run(Self.updateSQL, Self.values(of: ticket) + [.int(ticket.number.value)])
    }

    func append(_ activities: [TicketActivity], to number: TicketNumber) throws {
        for activity in activities {
            try self.database.run(
                """
                INSERT INTO ticket_activities (ticket_number, seq, at, kind, actor_role, actor_id, actor_name,
                    direction, body)
                VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM ticket_activities WHERE ticket_number = ?1),
                    ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                """,
                [
                    .int(number.value), .millis(activity.at), .text(activity.kind.rawValue),
                    .text(activity.actor.role.rawValue), .text(activity.actor.id), .text(activity.actor.name),
                    .text(activity.direction.rawValue), .optional(activity.text),
                ])
        }
    }
}

extension SQLiteValue {
    /// An instant as integer milliseconds since 1970, clamped to years 0001–9999 (an instant from outside,
    /// such as a cursor, can never trap the conversion).
    static func millis(_ date: Date) -> SQLiteValue {
        .integer(TicketQueueCursor.milliseconds(of: date))
    }

    static func optionalMillis(_ date: Date?) -> SQLiteValue { date.map(millis) ?? .null }
}

extension Statement {
    /// An instant stored as integer milliseconds.
    func date(_ column: Int32) -> Date { Date(timeIntervalSince1970: TimeInterval(self.int64(column)) / 1000) }

    func optionalDate(_ column: Int32) -> Date? { self.isNull(column) ? nil : self.date(column) }
}
