import Foundation
import Support

/// The ticketing data files under `Dialogs/`, loaded and validated at start-up, with warnings for the caller to log.
public struct TicketingDialogs: Sendable {
    public let holidays: HolidayCalendar
    public let survey: SurveyDefinition
    public let verification: VerificationPolicy
    /// Years around `now` that `holidays.json` does not cover (weekdays-only fallback) or covers provisionally.
    public let warnings: [String]

    /// Reads `holidays.json`, `survey.json` and `verification.json` through `reader`; nil when any has
    /// problems, which `reader` then holds.
    public static func read(from reader: DialogReader, now: Date) -> TicketingDialogs? {
        let holidays = HolidayCalendar.read(from: reader)
        let survey = SurveyDefinition.read(from: reader)
        let verification = VerificationPolicy.read(from: reader)
        guard let holidays, let survey, let verification else { return nil }
        let year = JakartaTime.localDate(of: now).year
        return TicketingDialogs(
            holidays: holidays, survey: survey, verification: verification,
            warnings: holidays.coverageWarnings(for: [year, year + 1]))
    }

    /// The ticket store's configuration these files give: working days from the holidays, the survey and the
    /// verification policy.
    public func storeConfiguration(firstNumber: Int = 1) -> TicketStoreConfiguration {
        TicketStoreConfiguration(
            lifecycle: TicketLifecycle(calendar: WorkingCalendar(holidays: self.holidays)), survey: self.survey,
            firstNumber: firstNumber, verification: self.verification)
    }

    /// Loads `holidays.json`, `survey.json` and `verification.json` from `directory`, naming every problem.
    public static func load(from directory: URL, now: Date) throws(DialogError) -> TicketingDialogs {
        let reader = DialogReader(directory: directory)
        return try reader.complete(Self.read(from: reader, now: now))
    }
}
