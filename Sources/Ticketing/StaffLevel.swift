/// The helpdesk level working a ticket: Level 1 (helpdesk / verifikator) or Level 2 (admin / coordinator).
public enum StaffLevel: Int, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    case level1 = 1
    case level2 = 2

    /// The role a staff member of this level acts in.
    public var role: TicketRole {
        switch self {
        case .level1: .level1
        case .level2: .level2
        }
    }

    public var description: String { "L\(self.rawValue)" }
}
