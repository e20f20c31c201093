/// The class of a ticket from the service standard (seed 004), which sets its SLA target.
public enum TicketType: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// A disruption of the service (≈ 3 working days).
    case gangguan = "gangguan"
    /// A problem that affects future service (1 working day).
    case permasalahan = "permasalahan"
    /// A request for a service (≈ 1 working hour).
    case permintaanLayanan = "permintaan_layanan"

    /// The label the helpdesk uses.
    public var label: String {
        switch self {
        case .gangguan: "Gangguan"
        case .permasalahan: "Permasalahan"
        case .permintaanLayanan: "Permintaan Layanan"
        }
    }

    public var description: String { self.label }
}
