import Foundation

/// A ticket's SLA clock read at one instant.
public struct SLAStatus: Hashable, Sendable {
    /// When the target falls due if the clock keeps running from now; `nil` while paused.
    public let dueAt: Date?
    /// Working seconds left (negative once breached).
    public let remainingSeconds: Int
    public let isPaused: Bool
    public let isBreached: Bool
    /// Whether the clock has stopped for good (closed or cancelled).
    public let isStopped: Bool
}

extension Ticket {
    /// The SLA clock of this ticket at `now`, in working time of `calendar`.
    public func slaStatus(at now: Date, calendar: WorkingCalendar) -> SLAStatus {
        switch self.status {
        case .closed, .cancelled:
            let remaining = self.slaRemainingSeconds ?? calendar.workingSeconds(from: now, to: self.dueAt)
            return SLAStatus(
                dueAt: nil, remainingSeconds: remaining, isPaused: false,
                isBreached: self.resolvedWithinSLA.map { !$0 } ?? (remaining < 0), isStopped: true)
        case .waitingOnReporter, .resolved:
            let remaining = self.slaRemainingSeconds ?? 0
            return SLAStatus(
                dueAt: nil, remainingSeconds: remaining, isPaused: true, isBreached: remaining < 0, isStopped: false)
        case .new, .inProgress, .escalated, .waitingOnLevel1, .reopened:
            let remaining = calendar.workingSeconds(from: now, to: self.dueAt)
            let breached = now > self.dueAt
            return SLAStatus(
                dueAt: self.dueAt, remainingSeconds: breached ? min(remaining, -1) : remaining, isPaused: false,
                isBreached: breached, isStopped: false)
        }
    }
}
