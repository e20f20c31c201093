/// One person (or the system) acting on a ticket: role, stable id (wa_id or staff id) and display name.
public struct TicketActor: Hashable, Sendable, CustomStringConvertible {
    public let role: TicketRole
    public let id: String
    public let name: String

    public init(role: TicketRole, id: String, name: String) {
        self.role = role
        self.id = id
        self.name = name
    }

    /// The reporter identified by their WhatsApp id.
    public static func reporter(waID: String, name: String) -> TicketActor {
        TicketActor(role: .reporter, id: waID, name: name)
    }

    /// A staff member acting at their level.
    public static func staff(_ member: StaffMember) -> TicketActor {
        TicketActor(role: member.level.role, id: member.id, name: member.name)
    }

    /// Loket itself (auto-close).
    public static let system = TicketActor(role: .system, id: "system", name: "Loket")

    public var description: String { "\(self.role):\(self.id)" }
}
