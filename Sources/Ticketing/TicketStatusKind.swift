/// The name of a ticket status without its data; stored in the database and grouped on in reports.
public enum TicketStatusKind: String, CaseIterable, Hashable, Sendable {
    case new = "new"
    case inProgress = "in_progress"
    case waitingOnReporter = "waiting_on_reporter"
    case escalated = "escalated"
    case waitingOnLevel1 = "waiting_on_level1"
    case resolved = "resolved"
    case reopened = "reopened"
    case closed = "closed"
    case cancelled = "cancelled"

    /// Whether tickets in this status are open (`TicketStatus.isOpen`): all but closed and cancelled ones.
    public var isOpen: Bool { self != .closed && self != .cancelled }

    /// The Indonesian label shown to staff (API, reports); providers read `ticketState.*` from the dialogs.
    public var label: String {
        switch self {
        case .new: "Baru"
        case .inProgress: "Diproses"
        case .waitingOnReporter: "Menunggu tanggapan pelapor"
        case .escalated: "Eskalasi Level 2"
        case .waitingOnLevel1: "Menunggu Level 1"
        case .resolved: "Selesai, menunggu konfirmasi"
        case .reopened: "Dibuka kembali"
        case .closed: "Ditutup"
        case .cancelled: "Dibatalkan"
        }
    }
}
