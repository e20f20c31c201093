import Foundation
import Support

/// The pure ticket state machine: (ticket, action, actor, now) → new ticket + activity lines, or a `TicketError`.
///
/// It holds only values (calendar, SLA policy, auto-close delay), reads no clock and does no I/O; stores call it
/// inside their transaction and persist what it returns.
public struct TicketLifecycle: Hashable, Sendable {
    public let calendar: WorkingCalendar
    public let sla: SLAPolicy
    /// Working days after which a resolved ticket nobody answered closes itself.
    public let autoCloseWorkingDays: Int

    public init(calendar: WorkingCalendar, sla: SLAPolicy? = nil, autoCloseWorkingDays: Int = 3) {
        precondition(autoCloseWorkingDays >= 0, "Invalid auto-close delay \(autoCloseWorkingDays)")
        self.calendar = calendar
        self.sla = sla ?? .standard(officeHours: calendar.officeHours)
        self.autoCloseWorkingDays = autoCloseWorkingDays
    }

    /// A new ticket numbered `number` from the intake `draft`, with its `created` activity line.
    public func open(_ draft: TicketDraft, number: TicketNumber, at now: Date) throws(TicketError) -> TicketTransition {
        try draft.validate()
        let due = self.calendar.adding(workingMinutes: self.sla.targetMinutes(for: draft.type), to: now)
        let ticket = Ticket(number: number, draft: draft, createdAt: now, dueAt: due)
        let actor = TicketActor.reporter(waID: draft.reporterWaID, name: draft.reporterName)
        let created = TicketActivity(
            kind: .created, actor: actor, at: now, direction: .inbound, text: ticket.description)
        return TicketTransition(ticket: ticket, activities: [created])
    }

    /// The level that owns a working state and may move the ticket on.
    static func activeLevel(of status: TicketStatus) -> StaffLevel? {
        switch status {
        case .inProgress: .level1
        case .escalated: .level2
        case .reopened(let level): level
        case .new, .waitingOnReporter, .waitingOnLevel1, .resolved, .closed, .cancelled: nil
        }
    }

    /// The working state of `level` after an answer comes back.
    static func workingStatus(of level: StaffLevel) -> TicketStatus {
        switch level {
        case .level1: .inProgress
        case .level2: .escalated
        }
    }

    /// Applies `action` by `actor` at `now`.
    public func apply(
        _ action: TicketAction, to ticket: Ticket, by actor: TicketActor, at now: Date
    ) throws(TicketError) -> TicketTransition {
        let role = actor.role
        guard role != .reporter || actor.id == ticket.reporterWaID else {
            throw TicketError.notTheReporter(ticket.number)
        }
        let refusal = TicketError.illegalTransition(state: ticket.status, action: action, role: role)
        var next = ticket
        next.updatedAt = now
        var activities: [TicketActivity] = []
        func record(_ kind: TicketActivity.Kind, _ direction: TicketActivity.Direction, _ text: String?) {
            activities.append(TicketActivity(kind: kind, actor: actor, at: now, direction: direction, text: text))
        }
        let staffLevel = role.staffLevel
        let active = Self.activeLevel(of: ticket.status)

        switch action {
        case .take(let classification):
            guard case .new = ticket.status, role == .level1 else { throw refusal }
            let typeBefore = next.type
            next.category = Self.nonEmpty(classification.category) ?? next.category
            next.type = classification.type ?? next.type
            next.priority = classification.priority ?? next.priority
            next.applicationVersion = Self.nonEmpty(classification.applicationVersion) ?? next.applicationVersion
            var missing: [String] = []
            if Self.nonEmpty(next.category) == nil { missing.append("category") }
            if next.type == nil { missing.append("type") }
            if next.priority == nil { missing.append("priority") }
            if Self.nonEmpty(next.applicationVersion) == nil { missing.append("application version") }
            guard missing.isEmpty else { throw TicketError.classificationIncomplete(missing: missing) }
            if next.type != typeBefore {
                next.dueAt = self.calendar.adding(
                    workingMinutes: self.sla.targetMinutes(for: next.type), to: next.createdAt)
            }
            next.status = .inProgress
            next.level = .level1
            next.assignee = actor.id
            record(
                .taken, .internal,
                "\(next.type?.label ?? "") · \(next.category ?? "") · \(next.priority?.label ?? "") · "
                    + "\(next.applicationVersion ?? "")")

        case .askFeedback(.reporter, let text):
            guard let level = staffLevel, active == level else { throw refusal }
            try Self.requireText(text)
            self.pauseSLA(&next, at: now)
            next.status = .waitingOnReporter(askedBy: level)
            next.assignee = actor.id
            record(.feedbackRequested, .outbound, text)

        case .askFeedback(.level1, let text):
            guard role == .level2, active == .level2 else { throw refusal }
            try Self.requireText(text)
            next.status = .waitingOnLevel1
            next.assignee = actor.id
            record(.feedbackRequested, .internal, text)

        case .answerLevel2(let text):
            guard role == .level1, case .waitingOnLevel1 = ticket.status else { throw refusal }
            try Self.requireText(text)
            next.status = .escalated
            record(.level1Answered, .internal, text)

        case .escalate(let text):
            guard role == .level1, active == .level1 else { throw refusal }
            next.status = .escalated
            next.level = .level2
            next.assignee = nil
            record(.escalated, .internal, text)

        case .resolve(let text):
            guard let level = staffLevel else { throw refusal }
            switch ticket.status {
            case .inProgress, .escalated, .reopened:
                guard active == level else { throw refusal }
            case .waitingOnReporter(let askedBy):
                guard askedBy == level else { throw refusal }
            case .waitingOnLevel1:
                guard level == .level2 else { throw refusal }
            case .new, .resolved, .closed, .cancelled:
                throw refusal
            }
            try Self.requireText(text)
            let remaining =
                next.slaPausedAt != nil ? (next.slaRemainingSeconds ?? 0) : self.liveRemaining(next, at: now)
            next.resolvedWithinSLA = remaining >= 0
            self.pauseSLA(&next, at: now)
            next.status = .resolved(by: level)
            next.resolvedAt = now
            next.resolvedBy = actor.id
            next.assignee = actor.id
            next.autoCloseAt = self.calendar.adding(
                workingSeconds: self.autoCloseWorkingDays * self.calendar.secondsPerWorkingDay, to: now)
            record(.resolved, .outbound, text)

        case .confirm:
            guard role == .reporter, case .resolved = ticket.status else { throw refusal }
            next.status = .closed(.confirmed)
            next.closedAt = now
            next.closedBy = actor.id
            next.autoCloseAt = nil
            record(.confirmed, .inbound, nil)

        case .reopen(let text):
            guard role == .reporter, case .resolved(let level) = ticket.status else { throw refusal }
            try Self.requireText(text)
            self.resumeSLA(&next, at: now)
            next.status = .reopened(level: level)
            next.level = level
            next.assignee = ticket.resolvedBy
            next.autoCloseAt = nil
            record(.reopened, .inbound, text)

        case .cancel(let reason):
            guard role == .reporter, case .new = ticket.status else { throw refusal }
            next.status = .cancelled
            next.closedAt = now
            next.closedBy = actor.id
            next.slaRemainingSeconds = self.liveRemaining(next, at: now)
            record(.cancelled, .inbound, reason)

        case .autoClose:
            guard role == .system, case .resolved = ticket.status else { throw refusal }
            guard let due = ticket.autoCloseAt, due <= now else { throw TicketError.autoCloseNotDue(ticket.number) }
            next.status = .closed(.autoClosed)
            next.closedAt = now
            next.closedBy = actor.id
            next.autoCloseAt = nil
            record(
                .autoClosed, .internal,
                "closed automatically after \(self.autoCloseWorkingDays) working days without an answer")

        case .reporterMessage(let text):
            guard role == .reporter, ticket.status.isOpen else { throw refusal }
            try Self.requireText(text)
            if case .waitingOnReporter(let askedBy) = ticket.status {
                self.resumeSLA(&next, at: now)
                next.status = Self.workingStatus(of: askedBy)
            }
            record(.reporterMessage, .inbound, text)

        case .staffReply(let text):
            guard staffLevel != nil, ticket.status.isOpen else { throw refusal }
            guard ticket.status != .new else { throw refusal }
            try Self.requireText(text)
            record(.staffReply, .outbound, text)

        case .note(let text):
            guard staffLevel != nil else { throw refusal }
            try Self.requireText(text)
            record(.note, .internal, text)
        }

        if staffLevel != nil, next.firstResponseAt == nil, action.countsAsResponse {
            next.firstResponseAt = now
        }
        return TicketTransition(ticket: next, activities: activities)
    }

    /// Working seconds left on a running clock (at most -1 once the due time has passed).
    func liveRemaining(_ ticket: Ticket, at now: Date) -> Int {
        let remaining = self.calendar.workingSeconds(from: now, to: ticket.dueAt)
        return now > ticket.dueAt ? min(remaining, -1) : remaining
    }

    private func pauseSLA(_ ticket: inout Ticket, at now: Date) {
        guard ticket.slaPausedAt == nil else { return }
        ticket.slaRemainingSeconds = self.liveRemaining(ticket, at: now)
        ticket.slaPausedAt = now
    }

    private func resumeSLA(_ ticket: inout Ticket, at now: Date) {
        guard ticket.slaPausedAt != nil else { return }
        if let remaining = ticket.slaRemainingSeconds, remaining > 0 {
            ticket.dueAt = self.calendar.adding(workingSeconds: remaining, to: now)
        }
        ticket.slaPausedAt = nil
        ticket.slaRemainingSeconds = nil
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingWhitespace(), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    private static func requireText(_ text: String) throws(TicketError) {
        guard nonEmpty(text) != nil else { throw TicketError.invalidInput("the message text is empty") }
    }
}

extension TicketAction {
    /// Whether this action by staff counts as the helpdesk's first response.
    var countsAsResponse: Bool {
        switch self {
        case .note: false
        case .take, .askFeedback, .answerLevel2, .escalate, .resolve, .confirm, .reopen, .cancel, .autoClose,
            .reporterMessage, .staffReply:
            true
        }
    }
}
