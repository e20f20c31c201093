/// A request to put a person from the helpdesk on the conversation, with everything collected so far.
///
/// The runtime opens (or reuses) a ticket for staff and answers with `ConversationEvent.ticketOpened`.
public struct HandOffRequest: Equatable, Codable, Sendable {
    public var reason: HandOffReason
    /// The intake collected so far, if any (the ticket request as it would be submitted).
    public var collected: TicketRequest?
    /// The provider's open ticket this concerns, if exactly one.
    public var ticket: Int?
    public var reporterWaID: String
    public var reporterName: String?

    public init(
        reason: HandOffReason, collected: TicketRequest?, ticket: Int?, reporterWaID: String, reporterName: String?
    ) {
        self.reason = reason
        self.collected = collected
        self.ticket = ticket
        self.reporterWaID = reporterWaID
        self.reporterName = reporterName
    }
}
