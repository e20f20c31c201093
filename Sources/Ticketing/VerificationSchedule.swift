import Foundation
import Support

/// The verification-call slots: inside the policy's window on working days with verifiers on duty, no
/// sooner than the lead time (in working hours) and no later than the horizon (in working days), and never
/// beyond a slot's seats (one per verifier) or a day's cap.
public struct VerificationSchedule: Hashable, Sendable {
    public let calendar: WorkingCalendar
    public let policy: VerificationPolicy

    public init(calendar: WorkingCalendar, policy: VerificationPolicy = VerificationPolicy()) {
        self.calendar = calendar
        self.policy = policy
    }

    /// Why a day has no calls.
    public enum Closure: Hashable, Sendable {
        case weekend
        /// A national holiday or cuti bersama, with its name.
        case holiday(String)
        /// A working day without a verifier on duty (leave), with the note of its exception, if any.
        case noVerifier(String?)
    }

    /// Why a requested start cannot be booked.
    public enum Refusal: Hashable, Sendable {
        case closed(Closure)
        /// The time is outside the daily window (or not on a slot boundary).
        case outsideWindow
        /// The start is past, or inside the lead time.
        case tooSoon
        /// The start is beyond the horizon.
        case tooLate
        /// Every seat of the slot is taken, or the day's cap is reached.
        case full
    }

    /// Seats taken per slot start (bookings and live holds).
    public typealias Occupancy = [Date: Int]

    public var slotSeconds: TimeInterval { TimeInterval(self.policy.slotMinutes * 60) }

    /// Why `day` has no calls at all, or nil when it has.
    public func closure(onDay day: Int) -> Closure? {
        if let holiday = self.calendar.holidays.holiday(on: LocalDate(dayNumber: day)) { return .holiday(holiday.name) }
        if LocalDate.isoWeekday(dayNumber: day) > 5 { return .weekend }
        if self.policy.verifiers(onDay: day) == 0 {
            return .noVerifier(self.policy.exceptions[LocalDate(dayNumber: day)]?.note)
        }
        return nil
    }

    /// Seats per slot on `day`: one per verifier on duty (0 on a closed day).
    public func seats(onDay day: Int) -> Int {
        self.closure(onDay: day) == nil ? self.policy.verifiers(onDay: day) : 0
    }

    /// Calls `day` may hold in all: its verifiers times the daily cap per verifier.
    public func dailyCap(onDay day: Int) -> Int {
        self.seats(onDay: day) * self.policy.dailyCapPerVerifier
    }

    /// The slot starts of `day`, open or not.
    public func slotStarts(onDay day: Int) -> [Date] {
        var starts: [Date] = []
        var minute = self.policy.window.startMinute
        while minute + self.policy.slotMinutes <= self.policy.window.endMinute {
            starts.append(JakartaTime.instant(day: day, second: minute * 60))
            minute += self.policy.slotMinutes
        }
        return starts
    }

    /// The earliest start offered at `now`: the lead time in working hours later.
    public func earliestStart(now: Date) -> Date {
        self.calendar.adding(workingSeconds: self.policy.leadWorkingHours * 3600, to: now)
    }

    /// The end of the last day offered at `now`: the horizon's last working day, counted from tomorrow.
    public func horizonEnd(now: Date) -> Date {
        var day = JakartaTime.local(now).day
        var counted = 0
        while counted < self.policy.horizonWorkingDays {
            day += 1
            if self.calendar.isWorkingDay(dayNumber: day) { counted += 1 }
        }
        return JakartaTime.instant(day: day + 1, second: 0)
    }

    /// Every open slot from `now` to the horizon with its seats left, given `occupancy`; full slots, slots of
    /// a day at its cap, and slots inside the lead time are left out.
    public func freeSlots(now: Date, occupancy: Occupancy) -> [VerificationSlot] {
        let earliest = self.earliestStart(now: now)
        let end = self.horizonEnd(now: now)
        var slots: [VerificationSlot] = []
        var day = JakartaTime.local(earliest).day
        while JakartaTime.instant(day: day, second: 0) < end {
            defer { day += 1 }
            let seats = self.seats(onDay: day)
            guard seats > 0 else { continue }
            let starts = self.slotStarts(onDay: day)
            let takenToday = starts.reduce(0) { $0 + (occupancy[$1] ?? 0) }
            guard takenToday < self.dailyCap(onDay: day) else { continue }
            for start in starts where start >= earliest && start < end {
                let left = seats - (occupancy[start] ?? 0)
                if left > 0 {
                    slots.append(
                        VerificationSlot(start: start, end: start.addingTimeInterval(self.slotSeconds), seatsLeft: left)
                    )
                }
            }
        }
        return slots
    }

    /// Why `start` cannot be booked at `now` given `occupancy`, or nil when it can.
    public func refusal(for start: Date, now: Date, occupancy: Occupancy) -> Refusal? {
        let (day, second) = JakartaTime.local(start)
        if let closure = self.closure(onDay: day) { return .closed(closure) }
        let minute = second / 60
        guard second % 60 == 0, minute >= self.policy.window.startMinute,
            minute + self.policy.slotMinutes <= self.policy.window.endMinute,
            (minute - self.policy.window.startMinute) % self.policy.slotMinutes == 0
        else { return .outsideWindow }
        if start < self.earliestStart(now: now) { return .tooSoon }
        if start >= self.horizonEnd(now: now) { return .tooLate }
        let takenToday = self.slotStarts(onDay: day).reduce(0) { $0 + (occupancy[$1] ?? 0) }
        if (occupancy[start] ?? 0) >= self.seats(onDay: day) || takenToday >= self.dailyCap(onDay: day) {
            return .full
        }
        return nil
    }
}
