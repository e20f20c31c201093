import Foundation
import Support

/// How verification video calls are offered, from `Dialogs/verification.json`: the daily window, slot
/// length, verifiers on duty per weekday and on given dates, lead time, horizon, caps, holds, reminders.
public struct VerificationPolicy: Hashable, Sendable, DialogFile {
    public static let defaultFileName = "verification.json"

    /// A dated change to the verifiers on duty: a verifier on leave (fewer), an extra one (more), none.
    public struct Exception: Hashable, Sendable {
        public let date: LocalDate
        public let verifiers: Int
        public let note: String

        public init(date: LocalDate, verifiers: Int, note: String) {
            self.date = date
            self.verifiers = verifiers
            self.note = note
        }
    }

    /// Calls happen inside this window (10:00–14:00 WIB in the seeds).
    public var window: OfficeHours
    public var slotMinutes: Int
    /// Verifiers on duty by ISO weekday (1 = Monday … 7 = Sunday); missing days have none.
    public var verifiersByWeekday: [Int: Int]
    public var exceptions: [LocalDate: Exception]
    /// Calls one verifier takes in a day at most.
    public var dailyCapPerVerifier: Int
    /// A slot is offered only this many working hours (office hours of working days) ahead.
    public var leadWorkingHours: Int
    /// Slots are offered up to the end of this many working days after today.
    public var horizonWorkingDays: Int
    /// How long a chosen slot is kept for the provider to confirm.
    public var holdMinutes: Int
    /// A booking can be moved or cancelled by the provider until this long before it.
    public var changeCutoffHours: Int
    /// The provider's reminder on the working day before, at this minute of the day (15:00 by default).
    public var dayBeforeReminderMinute: Int
    /// The provider's reminder this many minutes before the call.
    public var minutesBeforeReminder: Int
    /// The staff's agenda of the day, at this minute of the day (08:00 by default).
    public var agendaMinute: Int
    /// After this many no-shows the ticket goes back to staff instead of offering new slots.
    public var maxNoShows: Int
    /// Who calls, as told to the provider ("Petugas Helpdesk LPSE").
    public var callerName: LocalizedText
    /// The WhatsApp number the call comes from, as shown to the provider; nil says "this helpdesk number" in
    /// the provider's language.
    public var callerNumber: String?

    public init(
        window: OfficeHours = OfficeHours(startHour: 10, endHour: 14), slotMinutes: Int = 30,
        verifiersByWeekday: [Int: Int] = [1: 1, 2: 1, 3: 1, 4: 1, 5: 1], exceptions: [Exception] = [],
        dailyCapPerVerifier: Int = 8, leadWorkingHours: Int = 2, horizonWorkingDays: Int = 10, holdMinutes: Int = 5,
        changeCutoffHours: Int = 2, dayBeforeReminderMinute: Int = 15 * 60, minutesBeforeReminder: Int = 30,
        agendaMinute: Int = 8 * 60, maxNoShows: Int = 2,
        callerName: LocalizedText = LocalizedText(id: "Petugas Helpdesk LPSE", en: "LPSE helpdesk staff"),
        callerNumber: String? = nil
    ) {
        self.window = window
        self.slotMinutes = slotMinutes
        self.verifiersByWeekday = verifiersByWeekday
        self.exceptions = Dictionary(exceptions.map { ($0.date, $0) }, uniquingKeysWith: { $1 })
        self.dailyCapPerVerifier = dailyCapPerVerifier
        self.leadWorkingHours = leadWorkingHours
        self.horizonWorkingDays = horizonWorkingDays
        self.holdMinutes = holdMinutes
        self.changeCutoffHours = changeCutoffHours
        self.dayBeforeReminderMinute = dayBeforeReminderMinute
        self.minutesBeforeReminder = minutesBeforeReminder
        self.agendaMinute = agendaMinute
        self.maxNoShows = maxNoShows
        self.callerName = callerName
        self.callerNumber = callerNumber
    }

    /// Verifiers on duty on `day` (a dated exception first, then the weekday's number).
    public func verifiers(onDay day: Int) -> Int {
        if let exception = self.exceptions[LocalDate(dayNumber: day)] { return exception.verifiers }
        return self.verifiersByWeekday[LocalDate.isoWeekday(dayNumber: day)] ?? 0
    }

    static let weekdayKeys = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// "10:00" → 600; nil for anything but HH:MM.
    static func minute(of text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[1].count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        return hour * 60 + minute
    }

    /// Reads `verification.json`; nil when it has problems, which `reader` then holds.
    public static func read(from reader: DialogReader, file: String) -> VerificationPolicy? {
        let root = reader.json(file)
        guard root.isPresent else { return nil }
        let before = reader.problems.count
        if root.child("version").value?.integer != 1 { root.child("version").problem("must be 1") }
        func clock(_ node: DialogCursor) -> Int? {
            guard let text = node.nonEmptyString() else { return nil }
            guard let minute = Self.minute(of: text) else {
                node.problem("must be a time HH:MM, like \"10:00\"")
                return nil
            }
            return minute
        }
        func bounded(_ key: String, _ range: ClosedRange<Int>, in node: DialogCursor = root) -> Int? {
            guard let value = node.int(key) else { return nil }
            guard range.contains(value) else {
                node.child(key).problem("must be from \(range.lowerBound) to \(range.upperBound)")
                return nil
            }
            return value
        }
        var policy = VerificationPolicy()
        let window = root.child("window")
        let start = clock(window.child("start"))
        let end = clock(window.child("end"))
        if let start, let end {
            if start < end {
                policy.window = OfficeHours(
                    startHour: start / 60, startMinute: start % 60, endHour: end / 60, endMinute: end % 60)
            } else {
                window.child("end").problem("must be after the start")
            }
        }
        if let slot = bounded("slot_minutes", 5...240) {
            policy.slotMinutes = slot
            if policy.window.minutesPerDay < slot {
                root.child("slot_minutes").problem("is longer than the window")
            }
        }
        let verifiers = root.child("verifiers")
        var byWeekday: [Int: Int] = [:]
        for (index, key) in Self.weekdayKeys.enumerated() where verifiers.child(key).isPresent {
            if let count = bounded(key, 0...50, in: verifiers) { byWeekday[index + 1] = count }
        }
        policy.verifiersByWeekday = byWeekday
        var exceptions: [LocalDate: Exception] = [:]
        if root.child("exceptions").isPresent {
            for item in root.array("exceptions") {
                guard let date = item.child("date").stringValue.flatMap(LocalDate.init(iso:)) else {
                    item.child("date").problem("must be a date YYYY-MM-DD")
                    continue
                }
                guard exceptions[date] == nil else {
                    item.child("date").problem("\(date) appears twice")
                    continue
                }
                guard let count = bounded("verifiers", 0...50, in: item), let note = item.string("note", maxLength: 200)
                else { continue }
                exceptions[date] = Exception(date: date, verifiers: count, note: note)
            }
        }
        policy.exceptions = exceptions
        if let value = bounded("daily_cap_per_verifier", 1...100) { policy.dailyCapPerVerifier = value }
        if let value = bounded("lead_working_hours", 0...80) { policy.leadWorkingHours = value }
        if let value = bounded("horizon_working_days", 1...60) { policy.horizonWorkingDays = value }
        if let value = bounded("hold_minutes", 1...60) { policy.holdMinutes = value }
        if let value = bounded("change_cutoff_hours", 0...72) { policy.changeCutoffHours = value }
        let reminders = root.child("reminders")
        if let value = clock(reminders.child("day_before")) { policy.dayBeforeReminderMinute = value }
        if let value = bounded("minutes_before", 5...720, in: reminders) { policy.minutesBeforeReminder = value }
        if let value = clock(reminders.child("agenda")) { policy.agendaMinute = value }
        if let value = bounded("max_no_shows", 1...10) { policy.maxNoShows = value }
        let caller = root.child("caller")
        if let name = caller.localized("name", maxLength: 80) { policy.callerName = name }
        if caller.child("number").isPresent, let number = caller.string("number", maxLength: 40) {
            policy.callerNumber = number
        }
        guard reader.problems.count == before else { return nil }
        return policy
    }
}
