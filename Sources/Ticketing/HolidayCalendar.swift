import Foundation
import Support

/// The national holidays and cuti bersama by day, with the years the data covers.
public struct HolidayCalendar: Hashable, Sendable {
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

    /// Reads `holidays.json`: `{"version":1,"years":[{"year":2026,"provisional":false,"source":"…",
    /// "entries":[{"date":"2026-01-01","kind":"L","name":"…","source":"…"}]}]}`.
    public static func load(contentsOf url: URL) throws -> HolidayCalendar {
        try Self.parse(DialogDataError.contents(of: url), file: url.lastPathComponent)
    }

    /// Parses the contents of `holidays.json`; errors name `file` and the JSON path.
    public static func parse(_ data: Data, file: String = "holidays.json") throws -> HolidayCalendar {
        func fail(_ path: String, _ problem: String) -> DialogDataError {
            DialogDataError(file: file, path: path, problem: problem)
        }
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw fail("$", "not a JSON object")
        }
        guard root["version"] as? Int == 1 else { throw fail("$.version", "must be 1") }
        guard let years = root["years"] as? [[String: Any]] else {
            throw fail("$.years", "must be an array of objects")
        }
        var holidays: [Holiday] = []
        var covered: Set<Int> = []
        var provisional: Set<Int> = []
        for (yearIndex, entry) in years.enumerated() {
            let yearPath = "$.years[\(yearIndex)]"
            guard let year = entry["year"] as? Int, (2000...2100).contains(year) else {
                throw fail("\(yearPath).year", "must be a year between 2000 and 2100")
            }
            guard !covered.contains(year) else { throw fail("\(yearPath).year", "\(year) appears twice") }
            guard let isProvisional = entry["provisional"] as? Bool else {
                throw fail("\(yearPath).provisional", "must be true or false")
            }
            guard let yearSource = entry["source"] as? String, !yearSource.isEmpty else {
                throw fail("\(yearPath).source", "must name the decree or source")
            }
            guard let entries = entry["entries"] as? [[String: Any]] else {
                throw fail("\(yearPath).entries", "must be an array of objects")
            }
            covered.insert(year)
            if isProvisional { provisional.insert(year) }
            var seen: Set<LocalDate> = []
            for (index, item) in entries.enumerated() {
                let path = "\(yearPath).entries[\(index)]"
                guard let text = item["date"] as? String, let date = LocalDate(iso: text) else {
                    throw fail("\(path).date", "must be a date YYYY-MM-DD")
                }
                guard date.year == year else { throw fail("\(path).date", "\(date) is not in \(year)") }
                guard seen.insert(date).inserted else { throw fail("\(path).date", "\(date) appears twice") }
                guard let kindText = item["kind"] as? String, let kind = Holiday.Kind(rawValue: kindText) else {
                    throw fail("\(path).kind", "must be \"L\" (libur nasional) or \"C\" (cuti bersama)")
                }
                guard let name = item["name"] as? String, !name.isEmpty else {
                    throw fail("\(path).name", "must be a non-empty string")
                }
                let source = (item["source"] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? yearSource
                holidays.append(
                    Holiday(date: date, kind: kind, name: name, source: source, isProvisional: isProvisional))
            }
        }
        return HolidayCalendar(holidays: holidays, coveredYears: covered, provisionalYears: provisional)
    }
}
