/// Who acts on a ticket: the reporter, Level 1 or Level 2 staff, or the system (auto-close).
public enum TicketRole: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    case reporter = "reporter"
    case level1 = "level1"
    case level2 = "level2"
    case system = "system"

    /// The staff level of this role, `nil` for the reporter and the system.
    public var staffLevel: StaffLevel? {
        switch self {
        case .level1: .level1
        case .level2: .level2
        case .reporter, .system: nil
        }
    }

    public var description: String { self.rawValue }
}
