import Foundation

/// The position after the last ticket of a queue page: its due time and number.
public struct TicketQueueCursor: Hashable, Sendable {
    public let dueAt: Date
    public let number: TicketNumber

    public init(dueAt: Date, number: TicketNumber) {
        self.dueAt = dueAt
        self.number = number
    }
}
