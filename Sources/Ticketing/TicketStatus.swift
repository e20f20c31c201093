/// Where a ticket stands in its lifecycle, with the data each state needs to move on.
public enum TicketStatus: Hashable, Sendable, CustomStringConvertible {
    /// Opened by the reporter, not yet taken by Level 1.
    case new
    /// Taken by Level 1, which is working on it.
    case inProgress
    /// Staff asked the reporter for feedback; the reporter's answer returns it to `askedBy`. The SLA clock pauses.
    case waitingOnReporter(askedBy: StaffLevel)
    /// Escalated to Level 2, which is working on it.
    case escalated
    /// Level 2 asked Level 1 for information; Level 1's answer returns it to Level 2.
    case waitingOnLevel1
    /// Staff resolved it; waits for the reporter to confirm or reopen. The SLA clock pauses.
    case resolved(by: StaffLevel)
    /// The reporter said it is not done; back with the level that resolved it.
    case reopened(level: StaffLevel)
    /// Finished, by the reporter's confirmation or by auto-close.
    case closed(ClosureKind)
    /// Withdrawn by the reporter before it was taken.
    case cancelled

    /// Whether the ticket is still being worked on or waited on (not closed or cancelled).
    public var isOpen: Bool {
        switch self {
        case .new, .inProgress, .waitingOnReporter, .escalated, .waitingOnLevel1, .resolved, .reopened: true
        case .closed, .cancelled: false
        }
    }

    /// Whether the SLA clock is paused (waiting on the reporter).
    public var pausesSLA: Bool {
        switch self {
        case .waitingOnReporter, .resolved: true
        case .new, .inProgress, .escalated, .waitingOnLevel1, .reopened, .closed, .cancelled: false
        }
    }

    /// The level whose staff works the ticket now, `nil` when nobody at the helpdesk has to act.
    public var workingLevel: StaffLevel? {
        switch self {
        case .new, .inProgress, .waitingOnLevel1: .level1
        case .escalated: .level2
        case .reopened(let level): level
        case .waitingOnReporter, .resolved, .closed, .cancelled: nil
        }
    }

    /// Who the ticket waits on, for the reporter's "my tickets" list.
    public var waitingOn: WaitingParty {
        switch self {
        case .new, .inProgress, .reopened(level: .level1), .waitingOnLevel1: .helpdesk(.level1)
        case .escalated, .reopened(level: .level2): .helpdesk(.level2)
        case .waitingOnReporter, .resolved: .reporter
        case .closed, .cancelled: .nobody
        }
    }

    /// The stable name stored in the database and used in reports.
    public var kind: TicketStatusKind {
        switch self {
        case .new: .new
        case .inProgress: .inProgress
        case .waitingOnReporter: .waitingOnReporter
        case .escalated: .escalated
        case .waitingOnLevel1: .waitingOnLevel1
        case .resolved: .resolved
        case .reopened: .reopened
        case .closed: .closed
        case .cancelled: .cancelled
        }
    }

    public var description: String {
        switch self {
        case .new, .inProgress, .escalated, .waitingOnLevel1, .cancelled: self.kind.rawValue
        case .waitingOnReporter(let level): "waiting_on_reporter(asked by \(level))"
        case .resolved(let level): "resolved(by \(level))"
        case .reopened(let level): "reopened(\(level))"
        case .closed(let kind): "closed(\(kind.rawValue))"
        }
    }
}
