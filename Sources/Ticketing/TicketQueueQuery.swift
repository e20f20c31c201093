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
