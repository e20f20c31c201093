import Foundation

/// Which tickets a staff queue shows: filters, the keyset cursor and the page size.
public struct TicketQueueQuery: Hashable, Sendable {
    public var status: TicketStatusKind?
    public var level: StaffLevel?
    public var assignee: String?
    /// Only tickets not closed or cancelled.
    public var openOnly: Bool
    /// Continue after this ticket (from the previous page).
    public var after: TicketQueueCursor?
    public var limit: Int

    public init(
        status: TicketStatusKind? = nil, level: StaffLevel? = nil, assignee: String? = nil, openOnly: Bool = true,
        after: TicketQueueCursor? = nil, limit: Int = 50
    ) {
        self.status = status
        self.level = level
        self.assignee = assignee
        self.openOnly = openOnly
        self.after = after
        self.limit = limit
    }
}

/// The position after the last ticket of a queue page: its due time and number.
public struct TicketQueueCursor: Hashable, Sendable {
    public let dueAt: Date
    public let number: TicketNumber

    public init(dueAt: Date, number: TicketNumber) {
        self.dueAt = dueAt
        self.number = number
    }
}

/// One page of a queue and the cursor of the next page (`nil` on the last page).
public struct TicketQueuePage: Hashable, Sendable {
    public let tickets: [Ticket]
    public let next: TicketQueueCursor?

    public init(tickets: [Ticket], next: TicketQueueCursor?) {
        self.tickets = tickets
        self.next = next
    }
}
