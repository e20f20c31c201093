/// How a ticket was closed.
public enum ClosureKind: String, CaseIterable, Hashable, Sendable {
    /// The reporter confirmed the resolution ("OK, selesai").
    case confirmed = "confirmed"
    /// Nobody answered the resolution within the configured working days.
    case autoClosed = "auto_closed"
}
