import Foundation
import Support

/// The ticketing data files under `Dialogs/`, loaded and validated at start-up, with warnings for the caller to log.
public struct TicketingDialogs: Sendable {
    public let holidays: HolidayCalendar
    public let survey: SurveyDefinition
    /// Years around `now` that `holidays.json` does not cover (weekdays-only fallback) or covers provisionally.
    public let warnings: [String]

    /// Loads `holidays.json` and `survey.json` from `directory`; errors name the file and the JSON path.
    public static func load(from directory: URL, now: Date) throws -> TicketingDialogs {
        let holidays = try HolidayCalendar.load(contentsOf: directory.appendingPathComponent("holidays.json"))
        let survey = try SurveyDefinition.load(contentsOf: directory.appendingPathComponent("survey.json"))
        let year = WorkingCalendar(holidays: .none).localDate(of: now).year
        return TicketingDialogs(
            holidays: holidays, survey: survey, warnings: holidays.coverageWarnings(for: [year, year + 1]))
    }
}
