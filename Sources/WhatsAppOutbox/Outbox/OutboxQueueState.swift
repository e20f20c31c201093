import Foundation

/// What the outbox is waiting on, for `/metrics`: during a Graph API outage the retrying recipients
/// and the age of the oldest pending message grow, and fall back once sends succeed again.
public struct OutboxQueueState: Equatable, Sendable {
    /// Messages queued or in flight.
    public var pending: Int
    /// Recipients with at least one pending message.
    public var waitingRecipients: Int
    /// Recipients whose next message already failed at least once and waits for its retry.
    public var retryingRecipients: Int
    /// When the oldest pending message was queued; `nil` when nothing waits.
    public var oldestQueuedAt: Date?

    public init(pending: Int = 0, waitingRecipients: Int = 0, retryingRecipients: Int = 0, oldestQueuedAt: Date? = nil)
    {
        self.pending = pending
        self.waitingRecipients = waitingRecipients
        self.retryingRecipients = retryingRecipients
        self.oldestQueuedAt = oldestQueuedAt
    }

    /// Seconds the oldest pending message has waited at `now` (0 when nothing waits).
    public func oldestAge(at now: Date) -> TimeInterval {
        self.oldestQueuedAt.map { max(0, now.timeIntervalSince($0)) } ?? 0
    }
}
