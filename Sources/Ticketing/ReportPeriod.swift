import Foundation
import Support

/// A half-open reporting window `[start, end)` and an optional service (ticket title) filter.
public struct ReportPeriod: Hashable, Sendable {
    public let start: Date
    public let end: Date
    public let service: String?

    public init(start: Date, end: Date, service: String? = nil) {
        self.start = start
        self.end = end
        self.service = service
    }

    /// The local (WIB) days `from` through `through`, both included.
    public init(from: LocalDate, through: LocalDate, service: String? = nil) {
        self.start = JakartaTime.instant(day: from.dayNumber, second: 0)
        self.end = JakartaTime.instant(day: through.dayNumber + 1, second: 0)
        self.service = service
    }

    /// The whole local (WIB) month of `year`-`month`.
    public static func month(_ year: Int, _ month: Int, service: String? = nil) -> ReportPeriod {
        let first = LocalDate(year: year, month: month, day: 1)!
        let last = LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))!
        return ReportPeriod(from: first, through: last, service: service)
    }
}
