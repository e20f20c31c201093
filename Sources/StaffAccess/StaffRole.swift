import Ticketing

/// What a staff member may do: Level 1 helpdesk, Level 2 coordinator, or admin (Level 2 who also manages
/// staff and reads the audit log).
public enum StaffRole: String, CaseIterable, Codable, Sendable {
    case level1 = "l1"
    case level2 = "l2"
    case admin

    /// The ticket level the role works at.
    public var level: StaffLevel { self == .level1 ? .level1 : .level2 }
}
