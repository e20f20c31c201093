/// How urgently the helpdesk handles a ticket; set when Level 1 takes it.
public enum TicketPriority: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    case low = "low"
    case normal = "normal"
    case high = "high"
    case urgent = "urgent"

    /// The Indonesian label shown to staff.
    public var label: String {
        switch self {
        case .low: "Rendah"
        case .normal: "Normal"
        case .high: "Tinggi"
        case .urgent: "Mendesak"
        }
    }

    public var description: String { self.rawValue }
}
