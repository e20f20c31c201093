import Foundation

/// What a reporter sees of one of their tickets in the chat: number, title, state, what it waits on, due time.
public struct TicketOverview: Hashable, Sendable {
    public let number: TicketNumber
    public let title: String
    public let status: TicketStatus
    /// The Indonesian status label.
    public let statusLabel: String
    public let waitingOn: WaitingParty
    /// The SLA due time while the clock runs; `nil` while paused or finished.
    public let dueAt: Date?
    public let isOverdue: Bool
    public let updatedAt: Date
}

extension Ticket {
    /// The reporter-facing summary of this ticket at `now`.
    public func overview(at now: Date, calendar: WorkingCalendar) -> TicketOverview {
        let sla = self.slaStatus(at: now, calendar: calendar)
        return TicketOverview(
            number: self.number, title: self.title, status: self.status, statusLabel: self.status.kind.label,
            waitingOn: self.status.waitingOn, dueAt: sla.dueAt, isOverdue: !sla.isStopped && sla.isBreached,
            updatedAt: self.updatedAt)
    }
}
