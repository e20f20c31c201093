import Foundation

/// Asia/Jakarta (WIB): UTC+7 all year, no daylight saving. The one place that knows the offset.
public enum JakartaTime {
    /// Seconds WIB is ahead of UTC.
    public static let secondsFromGMT = 25_200
    static let secondsPerDay = 86_400

    /// The local day (days since 1970-01-01 in WIB) and the second within it for `instant`, in whole seconds.
    public static func local(_ instant: Date) -> (day: Int, second: Int) {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + Self.secondsFromGMT
        let day = seconds >= 0 ? seconds / Self.secondsPerDay : (seconds - Self.secondsPerDay + 1) / Self.secondsPerDay
        return (day, seconds - day * Self.secondsPerDay)
    }

    /// The instant at `second` of local day `day`.
    public static func instant(day: Int, second: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(day * Self.secondsPerDay + second - Self.secondsFromGMT))
    }

    /// The calendar day of `instant` in Jakarta.
    public static func localDate(of instant: Date) -> LocalDate { LocalDate(dayNumber: Self.local(instant).day) }

    /// `05/12/2026 10:00 WIB`, as offices write a time.
    public static func format(_ instant: Date) -> String {
        let (day, second) = Self.local(instant)
        let date = LocalDate(dayNumber: day)
        return "\(pad(date.day, 2))/\(pad(date.month, 2))/\(date.year) \(pad(second / 3600, 2)):"
            + "\(pad(second % 3600 / 60, 2)) WIB"
    }

    /// ISO 8601 with the offset: `2026-12-07T10:00:00+07:00`.
    public static func iso8601(_ instant: Date) -> String {
        let (day, second) = Self.local(instant)
        let date = LocalDate(dayNumber: day)
        return "\(date)T\(pad(second / 3600, 2)):\(pad(second % 3600 / 60, 2)):\(pad(second % 60, 2))+07:00"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
