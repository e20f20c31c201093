/// What Level 1 sets before taking a ticket: category, type, priority and application version.
///
/// Fields left `nil` keep the ticket's current value; a take needs all four in the end.
public struct TicketClassification: Hashable, Sendable {
    public var category: String?
    public var type: TicketType?
    public var priority: TicketPriority?
    public var applicationVersion: String?

    public init(
        category: String? = nil, type: TicketType? = nil, priority: TicketPriority? = nil,
        applicationVersion: String? = nil
    ) {
        self.category = category
        self.type = type
        self.priority = priority
        self.applicationVersion = applicationVersion
    }
}
