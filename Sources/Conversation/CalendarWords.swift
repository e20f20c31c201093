import Foundation
import Support

/// Days and times as a provider reads them: "Senin, 7 Desember 2026" and "10.00 WIB" in Indonesian,
/// "Monday 7 December 2026" and "10:00 WIB" in English.
enum CalendarWords {
    private static let weekdays: [Language: [String]] = [
        .indonesian: ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"],
        .english: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    ]
    private static let months: [Language: [String]] = [
        .indonesian: [
            "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
            "November", "Desember",
        ],
        .english: [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ],
    ]

    /// "Senin" / "Monday".
    static func weekday(_ day: Int, in language: Language) -> String {
        (weekdays[language] ?? weekdays[.indonesian]!)[LocalDate.isoWeekday(dayNumber: day) - 1]
    }

    /// "Senin, 7 Desember 2026" / "Monday 7 December 2026".
    static func date(_ day: Int, in language: Language) -> String {
        let date = LocalDate(dayNumber: day)
        let month = (months[language] ?? months[.indonesian]!)[date.month - 1]
        let separator = language == .indonesian ? ", " : " "
        return "\(weekday(day, in: language))\(separator)\(date.day) \(month) \(date.year)"
    }

    /// "Sen, 7 Des" style short day for list sections (≤ 24 characters): "Senin, 7 Des" / "Mon 7 Dec".
    static func shortDate(_ day: Int, in language: Language) -> String {
        let date = LocalDate(dayNumber: day)
        let month = String((months[language] ?? months[.indonesian]!)[date.month - 1].prefix(3))
        return language == .indonesian
            ? "\(weekday(day, in: language)), \(date.day) \(month)"
            : "\(weekday(day, in: language).prefix(3)) \(date.day) \(month)"
    }

    /// "10.00" / "10:00" for a minute of the day.
    static func clock(minute: Int, in language: Language) -> String {
        let hours = String(minute / 60).count == 1 ? "0\(minute / 60)" : String(minute / 60)
        let minutes = minute % 60 < 10 ? "0\(minute % 60)" : String(minute % 60)
        return hours + (language == .indonesian ? "." : ":") + minutes
    }

    /// "10.00 WIB" for an instant.
    static func time(_ instant: Date, in language: Language) -> String {
        clock(minute: JakartaTime.local(instant).second / 60, in: language) + " WIB"
    }

    /// "Senin, 7 Desember 2026 pukul 10.00 WIB" / "Monday 7 December 2026 at 10:00 WIB".
    static func dateAndTime(_ instant: Date, in language: Language) -> String {
        let day = JakartaTime.local(instant).day
        return date(day, in: language) + (language == .indonesian ? " pukul " : " at ") + time(instant, in: language)
    }
}
