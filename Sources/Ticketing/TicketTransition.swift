/// The result of one legal lifecycle step: the new ticket and the activity lines to append.
public struct TicketTransition: Hashable, Sendable {
    public let ticket: Ticket
    public let activities: [TicketActivity]

    public init(ticket: Ticket, activities: [TicketActivity]) {
        self.ticket = ticket
        self.activities = activities
    }
}
