import Foundation
import Support

/// The video-call verification slots: Monday–Friday 10:00–14:00 WIB on working days, fixed length and capacity.
public struct VerificationCalendar: Hashable, Sendable {
    public let calendar: WorkingCalendar
    public let window: OfficeHours
    public let slotMinutes: Int
    /// How many calls may share one slot (number of verifiers).
    public let capacity: Int

    public init(
        calendar: WorkingCalendar, window: OfficeHours = OfficeHours(startHour: 10, endHour: 14),
        slotMinutes: Int = 30, capacity: Int = 1
    ) {
        precondition(slotMinutes > 0 && capacity > 0, "Invalid verification slots \(slotMinutes)m x \(capacity)")
        self.calendar = calendar
        self.window = window
        self.slotMinutes = slotMinutes
        self.capacity = capacity
    }

    /// Every slot starting after `from` on the next `days` calendar days (today included), with the seats left
    /// given `booked` (seats taken per slot start); full slots are left out.
    public func freeSlots(from: Date, days: Int, booked: [Date: Int] = [:]) -> [VerificationSlot] {
        let (today, _) = JakartaTime.local(from)
        var slots: [VerificationSlot] = []
        for day in today..<(today + max(days, 0)) where self.calendar.isWorkingDay(dayNumber: day) {
            var minute = self.window.startMinute
            while minute + self.slotMinutes <= self.window.endMinute {
                let start = JakartaTime.instant(day: day, second: minute * 60)
                let seats = self.capacity - (booked[start] ?? 0)
                if start > from, seats > 0 {
                    let end = start.addingTimeInterval(TimeInterval(self.slotMinutes * 60))
                    slots.append(VerificationSlot(start: start, end: end, seatsLeft: seats))
                }
                minute += self.slotMinutes
            }
        }
        return slots
    }

    /// Whether `start` is the beginning of a slot on a working day.
    public func isSlotStart(_ start: Date) -> Bool {
        let (day, second) = JakartaTime.local(start)
        let minute = second / 60
        return second % 60 == 0 && self.calendar.isWorkingDay(dayNumber: day) && minute >= self.window.startMinute
            && minute + self.slotMinutes <= self.window.endMinute
            && (minute - self.window.startMinute) % self.slotMinutes == 0
    }
}
