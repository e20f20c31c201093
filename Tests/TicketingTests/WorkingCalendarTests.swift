import Foundation
import Support
import Testing

@testable import Ticketing

struct WorkingCalendarTests {
    static let dialogs = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Dialogs")

    static func shippedCalendar() throws -> WorkingCalendar {
        WorkingCalendar(holidays: try HolidayCalendar.load(contentsOf: dialogs.appendingPathComponent("holidays.json")))
    }

    @Test func shippedHolidaysFollowTheJointDecreeFor2026() throws {
        let holidays = try HolidayCalendar.load(contentsOf: Self.dialogs.appendingPathComponent("holidays.json"))
        let year2026 = holidays.holidays.values.filter { $0.date.year == 2026 }
        #expect(year2026.filter { $0.kind == .national }.count == 17)
        #expect(year2026.filter { $0.kind == .collectiveLeave }.count == 8)
        #expect(year2026.allSatisfy { !$0.isProvisional && $0.source.contains("1497/2/5") })
        #expect(holidays.provisionalYears == [2027])
        #expect(holidays.holiday(on: LocalDate(iso: "2027-03-10")!)?.isProvisional == true)
    }

    @Test func addingWorkingTimeSkipsTheWeekend() throws {
        let calendar = try Self.shippedCalendar()
        // Friday 6 March 2026 15:00 + 2 working hours → Monday 9 March 09:00.
        #expect(calendar.adding(workingMinutes: 120, to: wib(2026, 3, 6, 15, 0)) == wib(2026, 3, 9, 9, 0))
        #expect(calendar.workingMinutes(from: wib(2026, 3, 6, 15, 0), to: wib(2026, 3, 9, 9, 0)) == 120)
    }

    @Test func addingWorkingTimeSkipsANationalHoliday() throws {
        let calendar = try Self.shippedCalendar()
        // Thursday 14 May 2026 is Kenaikan (L) and Friday 15 May cuti bersama (C): Wednesday 15:00 + 2h → Monday 09:00.
        #expect(calendar.adding(workingMinutes: 120, to: wib(2026, 5, 13, 15, 0)) == wib(2026, 5, 18, 9, 0))
    }

    @Test func cutiBersamaIsNotAWorkingDay() throws {
        let calendar = try Self.shippedCalendar()
        #expect(!calendar.isWorkingDay(LocalDate(iso: "2026-12-24")!))
        #expect(calendar.isWorkingDay(LocalDate(iso: "2026-12-23")!))
        // Lebaran 2026: 20–24 March are off (C, L, L, C, C); Thursday 19 March is Nyepi. Wednesday 18 March is C.
        #expect(calendar.adding(workingMinutes: 60, to: wib(2026, 3, 17, 15, 30)) == wib(2026, 3, 25, 8, 30))
    }

    @Test func timeOutsideOfficeHoursDoesNotCount() {
        let calendar = WorkingCalendar(holidays: .none)
        #expect(calendar.workingMinutes(from: wib(2026, 3, 2, 6, 0), to: wib(2026, 3, 2, 18, 0)) == 480)
        #expect(calendar.adding(workingMinutes: 30, to: wib(2026, 3, 2, 17, 0)) == wib(2026, 3, 3, 8, 30))
    }

    @Test func officeHoursAreConfigurable() {
        let calendar = WorkingCalendar(
            holidays: .none, officeHours: OfficeHours(startHour: 7, startMinute: 30, endHour: 15))
        #expect(calendar.adding(workingMinutes: 60, to: wib(2026, 3, 2, 14, 30)) == wib(2026, 3, 3, 8, 0))
    }

    @Test func workingMinutesBackwardsAreNegative() {
        let calendar = WorkingCalendar(holidays: .none)
        #expect(calendar.workingMinutes(from: wib(2026, 3, 2, 10, 0), to: wib(2026, 3, 2, 9, 0)) == -60)
    }

    @Test func missingYearWarnsAndFallsBackToWeekdays() throws {
        let holidays = try HolidayCalendar.load(contentsOf: Self.dialogs.appendingPathComponent("holidays.json"))
        let warnings = holidays.coverageWarnings(for: [2026, 2028])
        #expect(warnings == ["holidays.json has no entries for 2028: counting Monday–Friday as working days"])
        let calendar = WorkingCalendar(holidays: holidays)
        #expect(calendar.isWorkingDay(LocalDate(iso: "2028-01-03")!))
        #expect(!calendar.isWorkingDay(LocalDate(iso: "2028-01-01")!))
    }

    @Test func startUpLoadWarnsAboutTheYearsAroundNow() throws {
        let dialogs = try TicketingDialogs.load(from: Self.dialogs, now: wib(2027, 6, 1, 9, 0))
        #expect(dialogs.warnings.count == 2)
        #expect(
            dialogs.warnings.last == "holidays.json has no entries for 2028: counting Monday–Friday as working days")
        #expect(dialogs.survey.questions.count == 8)
    }

    @Test func provisionalYearWarns() throws {
        let holidays = try HolidayCalendar.load(contentsOf: Self.dialogs.appendingPathComponent("holidays.json"))
        #expect(holidays.coverageWarnings(for: [2027]).first?.contains("provisionally") == true)
    }

    @Test func badHolidayEntryNamesFileAndPath() {
        let json =
            #"{"version":1,"years":[{"year":2026,"provisional":false,"source":"x","entries":[{"date":"2026-13-01","kind":"L","name":"a"}]}]}"#
        #expect(
            throws: DialogError(
                file: "holidays.json", path: "$.years[0].entries[0].date", problem: "must be a date YYYY-MM-DD")
        ) {
            try HolidayCalendar.parse(Data(json.utf8))
        }
    }

    @Test func localDatesRoundTripThroughDayNumbers() {
        for dayNumber in stride(from: -800, through: 40_000, by: 37) {
            #expect(LocalDate(dayNumber: dayNumber).dayNumber == dayNumber)
        }
        #expect(LocalDate(iso: "2026-03-02")!.isoWeekday == 1)
    }
}
