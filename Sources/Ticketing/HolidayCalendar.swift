import Foundation
import Support

/// The national holidays and cuti bersama by day, with the years the data covers.
public struct HolidayCalendar: Hashable, Sendable, DialogFile {
    public static let defaultFileName = "holidays.json"

    public let holidays: [LocalDate: Holiday]
    /// Years present in the data (possibly with no entries).
    public let coveredYears: Set<Int>
    /// Years whose list is provisional.
    public let provisionalYears: Set<Int>
    private let dayNumbers: Set<Int>

    public init(holidays: [Holiday], coveredYears: Set<Int>, provisionalYears: Set<Int> = []) {
        var byDate: [LocalDate: Holiday] = [:]
        for holiday in holidays { byDate[holiday.date] = holiday }
        self.holidays = byDate
        self.coveredYears = coveredYears
        self.provisionalYears = provisionalYears
        self.dayNumbers = Set(byDate.keys.map(\.dayNumber))
    }

    /// No holidays at all: weekdays only.
    public static let none = HolidayCalendar(holidays: [], coveredYears: [])

    public func isHoliday(dayNumber: Int) -> Bool { self.dayNumbers.contains(dayNumber) }

    public func holiday(on date: LocalDate) -> Holiday? { self.holidays[date] }

    /// Warnings to log at start-up: each year of `years` the file does not cover (weekdays-only fallback
    /// applies) or covers only provisionally.
    public func coverageWarnings(for years: [Int]) -> [String] {
        years.compactMap { year in
            if !self.coveredYears.contains(year) {
                return "holidays.json has no entries for \(year): counting Monday–Friday as working days"
            }
            if self.provisionalYears.contains(year) {
                return "holidays.json lists \(year) provisionally: check it against the official decree"
            }
            return nil
        }
    }

    /// Reads `file` through `reader`; nil when it has problems, which `reader` then holds. The file is
    /// `holidays.json`: `{"version":1,"years":[{"year":2026,"provisional":false,"source":"…",
    /// "entries":[{"date":"2026-01-01","kind":"L","name":"…","source":"…"}]}]}`.
    public static func read(from reader: DialogReader, file: String) -> HolidayCalendar? {
        let root = reader.json(file)
        guard root.isPresent else { return nil }
        let before = reader.problems.count
        if root.child("version").value?.integer != 1 { root.child("version").problem("must be 1") }
        var holidays: [Holiday] = []
        var covered: Set<Int> = []
        var provisional: Set<Int> = []
        for node in root.array("years") {
            guard let year = node.child("year").value?.integer, (2000...2100).contains(year) else {
                node.child("year").problem("must be a year between 2000 and 2100")
                continue
            }
            guard covered.insert(year).inserted else {
                node.child("year").problem("\(year) appears twice")
                continue
            }
            let isProvisional = node.child("provisional").value?.bool
            if isProvisional == nil { node.child("provisional").problem("must be true or false") }
            if isProvisional == true { provisional.insert(year) }
            let yearSource = node.child("source").stringValue ?? ""
            if yearSource.isEmpty { node.child("source").problem("must name the decree or source") }
            var seen: Set<LocalDate> = []
            for item in node.array("entries") {
                guard let date = item.child("date").stringValue.flatMap(LocalDate.init(iso:)) else {
                    item.child("date").problem("must be a date YYYY-MM-DD")
                    continue
                }
                guard date.year == year else {
                    item.child("date").problem("\(date) is not in \(year)")
                    continue
                }
                guard seen.insert(date).inserted else {
                    item.child("date").problem("\(date) appears twice")
                    continue
                }
                guard let kind = item.child("kind").stringValue.flatMap(Holiday.Kind.init(rawValue:)) else {
                    item.child("kind").problem("must be \"L\" (libur nasional) or \"C\" (cuti bersama)")
                    continue
                }
                guard let name = item.child("name").stringValue, !name.isEmpty else {
                    item.child("name").problem("must be a non-empty string")
                    continue
                }
                let source = item.child("source").stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? yearSource
                holidays.append(
                    Holiday(
                        date: date, kind: kind, name: name, source: source, isProvisional: isProvisional ?? false))
            }
        }
        guard reader.problems.count == before else { return nil }
        return HolidayCalendar(holidays: holidays, coveredYears: covered, provisionalYears: provisional)
    }
}
