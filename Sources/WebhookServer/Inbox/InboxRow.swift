import Foundation

/// One stored inbox event as the dispatcher reads it back.
public struct InboxRow: Equatable, Sendable {
    /// Arrival order: a larger sequence arrived later. Negative for an event the dispatcher took straight
    /// from the inbox log, not stored yet (`Dispatcher.take`).
    public var sequence: Int64
    public var event: WebhookEvent
    public var receivedAt: Date
    public var attempts: Int
    /// When a retry is due, for a row that failed transiently.
    public var nextAttemptAt: Date?

    public init(sequence: Int64, event: WebhookEvent, receivedAt: Date, attempts: Int, nextAttemptAt: Date?) {
        self.sequence = sequence
        self.event = event
        self.receivedAt = receivedAt
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
    }
}
