/// The daily window in which working time counts, as minutes after local midnight.
public struct OfficeHours: Hashable, Sendable {
    public let startMinute: Int
    public let endMinute: Int

    /// `start` and `end` as `HH:MM`-style hour and minute pairs; `end` must come after `start`.
    public init(startHour: Int, startMinute: Int = 0, endHour: Int, endMinute: Int = 0) {
        let start = startHour * 60 + startMinute
        let end = endHour * 60 + endMinute
        precondition(0 <= start && start < end && end <= 24 * 60, "Invalid office hours \(start)-\(end)")
        self.startMinute = start
        self.endMinute = end
    }

    /// 08:00–16:00.
    public static let standard = OfficeHours(startHour: 8, endHour: 16)

    /// The length of one working day in minutes.
    public var minutesPerDay: Int { self.endMinute - self.startMinute }
}
