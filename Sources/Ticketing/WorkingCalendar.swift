import Foundation
import Support

/// Working time in Asia/Jakarta (fixed UTC+7): Monday–Friday within office hours, minus holidays and cuti bersama.
///
/// Used by the SLA clock and the verification-call calendar. All arithmetic is on whole seconds.
public struct WorkingCalendar: Hashable, Sendable {
    static let secondsPerDay = 86_400

    public let holidays: HolidayCalendar
    public let officeHours: OfficeHours

    public init(holidays: HolidayCalendar, officeHours: OfficeHours = .standard) {
        self.holidays = holidays
        self.officeHours = officeHours
    }

    /// Seconds in one working day.
    public var secondsPerWorkingDay: Int { self.officeHours.minutesPerDay * 60 }

    /// The local calendar day of `instant`.
    public func localDate(of instant: Date) -> LocalDate { JakartaTime.localDate(of: instant) }

    /// Whether `date` is a Monday–Friday that is neither a holiday nor cuti bersama.
    public func isWorkingDay(_ date: LocalDate) -> Bool { self.isWorkingDay(dayNumber: date.dayNumber) }

    func isWorkingDay(dayNumber: Int) -> Bool {
        LocalDate.isoWeekday(dayNumber: dayNumber) <= 5 && !self.holidays.isHoliday(dayNumber: dayNumber)
    }

    /// The instant `seconds` of working time after `start`. Adding zero returns `start` unchanged.
    public func adding(workingSeconds seconds: Int, to start: Date) -> Date {
        guard seconds > 0 else { return start }
        var remaining = seconds
        var (day, second) = JakartaTime.local(start)
        let open = self.officeHours.startMinute * 60
        let close = self.officeHours.endMinute * 60
        while true {
            if self.isWorkingDay(dayNumber: day) {
                let position = max(second, open)
                if position < close {
                    let available = close - position
                    if remaining <= available { return JakartaTime.instant(day: day, second: position + remaining) }
                    remaining -= available
                }
            }
            day += 1
            second = 0
        }
    }

    /// `minutes` of working time after `start`.
    public func adding(workingMinutes minutes: Int, to start: Date) -> Date {
        self.adding(workingSeconds: minutes * 60, to: start)
    }

    /// Working seconds between `start` and `end`; negative when `end` is before `start`.
    public func workingSeconds(from start: Date, to end: Date) -> Int {
        if end < start { return -self.workingSeconds(from: end, to: start) }
        let (firstDay, firstSecond) = JakartaTime.local(start)
        let (lastDay, lastSecond) = JakartaTime.local(end)
        let open = self.officeHours.startMinute * 60
        let close = self.officeHours.endMinute * 60
        var total = 0
        for day in firstDay...lastDay where self.isWorkingDay(dayNumber: day) {
            let from = max(open, day == firstDay ? firstSecond : 0)
            let to = min(close, day == lastDay ? lastSecond : Self.secondsPerDay)
            if to > from { total += to - from }
        }
        return total
    }

    /// Whole working minutes between `start` and `end`.
    public func workingMinutes(from start: Date, to end: Date) -> Int {
        self.workingSeconds(from: start, to: end) / 60
    }
}
