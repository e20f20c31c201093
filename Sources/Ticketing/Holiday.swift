import Support

/// A non-working day from `Dialogs/holidays.json`: a national holiday (L) or cuti bersama (C).
public struct Holiday: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// Libur nasional.
        case national = "L"
        /// Cuti bersama.
        case collectiveLeave = "C"
    }

    public let date: LocalDate
    public let kind: Kind
    public let name: String
    /// The decree or other source of the entry.
    public let source: String
    /// Whether the year's list is provisional (no decree yet).
    public let isProvisional: Bool

    public init(date: LocalDate, kind: Kind, name: String, source: String, isProvisional: Bool) {
        self.date = date
        self.kind = kind
        self.name = name
        self.source = source
        self.isProvisional = isProvisional
    }
}
