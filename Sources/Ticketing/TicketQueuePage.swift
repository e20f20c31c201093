/// One page of a queue and the cursor of the next page (`nil` on the last page).
public struct TicketQueuePage: Hashable, Sendable {
    public let tickets: [Ticket]
    public let next: TicketQueueCursor?

    public init(tickets: [Ticket], next: TicketQueueCursor?) {
        self.tickets = tickets
        self.next = next
    }
}
