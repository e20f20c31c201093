import Foundation
import Storage
import Support
import Synchronization
import Testing

@testable import Ticketing

/// The verification-call calendar and its bookings, on an injected clock: working days and holidays of
/// 2026, lead time and horizon, capacity per verifier, holds, moves, and the database's own refusal of a
/// double booking.
struct VerificationScheduleTests {
    static func schedule(_ policy: VerificationPolicy = VerificationPolicy()) throws -> VerificationSchedule {
        VerificationSchedule(calendar: try WorkingCalendarTests.shippedCalendar(), policy: policy)
    }

    /// A store on a fresh database with `count` tickets ready for their call.
    static func store(_ policy: VerificationPolicy = VerificationPolicy(), tickets count: Int, at now: Date) throws
        -> (DatabaseWriter, TicketStoreConfiguration)
    {
        let writer = try DatabaseWriter(path: ":memory:")
        let configuration = TicketStoreConfiguration(
            lifecycle: TicketLifecycle(calendar: try WorkingCalendarTests.shippedCalendar()), verification: policy)
        _ = try SQLiteTicketStore(writer: writer, configuration: configuration)
        try writer.write { database in
            let store = SQLiteTicketStore.transaction(on: database, configuration: configuration)
            for index in 0..<count {
                let ticket = try store.open(SQLiteTicketStoreTests.draft(waID: "62812000\(1000 + index)"), at: now)
                    .ticket
                try store.markDocumentsComplete(ticket.number, by: .system, at: now)
            }
        }
        return (writer, configuration)
    }

    @Test func aFridayAfternoonRequestStartsOnMonday() throws {
        let schedule = try Self.schedule()
        // Friday 4 December 2026, 13:45: the lead time of 2 working hours ends at 15:45, after the window.
        let free = schedule.freeSlots(now: wib(2026, 12, 4, 13, 45), occupancy: [:])
        #expect(free.first?.start == wib(2026, 12, 7, 10, 0))
        // Friday 14 August 2026: Monday 17 August is Independence Day, so Tuesday.
        #expect(
            schedule.freeSlots(now: wib(2026, 8, 14, 13, 45), occupancy: [:]).first?.start == wib(2026, 8, 18, 10, 0))
    }

    @Test func idulFitriAndCutiBersamaWeeksOf2026HaveNoCalls() throws {
        let schedule = try Self.schedule()
        // From Monday 16 March 2026: Nyepi (18–19), Idul Fitri and cuti bersama (20–24) close the week.
        let free = schedule.freeSlots(now: wib(2026, 3, 16, 8, 0), occupancy: [:])
        let days = Set(free.map { JakartaTime.localDate(of: $0.start).day })
        #expect(days.isDisjoint(with: [18, 19, 20, 21, 22, 23, 24]))
        #expect(free.contains { $0.start == wib(2026, 3, 17, 10, 0) })
        #expect(free.contains { $0.start == wib(2026, 3, 25, 10, 0) })
        #expect(
            schedule.refusal(for: wib(2026, 3, 23, 10, 0), now: wib(2026, 3, 16, 8, 0), occupancy: [:])
                == .closed(.holiday("Cuti Bersama Idul Fitri 1447 H")))
        // Christmas week: the 24th (cuti bersama) and 25th are closed.
        let december = schedule.freeSlots(now: wib(2026, 12, 21, 8, 0), occupancy: [:]).map(\.start)
        #expect(
            !december.contains { JakartaTime.localDate(of: $0).day == 24 || JakartaTime.localDate(of: $0).day == 25 })
    }

    @Test func leadTimeAndHorizonEdges() throws {
        let schedule = try Self.schedule()
        let now = wib(2026, 12, 1, 9, 0)  // a Tuesday
        // 2 working hours from 09:00 is 11:00: 10:30 is inside the lead time, 11:00 is the first slot.
        #expect(schedule.refusal(for: wib(2026, 12, 1, 10, 30), now: now, occupancy: [:]) == .tooSoon)
        #expect(schedule.refusal(for: wib(2026, 12, 1, 11, 0), now: now, occupancy: [:]) == nil)
        #expect(schedule.freeSlots(now: now, occupancy: [:]).first?.start == wib(2026, 12, 1, 11, 0))
        // 10 working days after Tuesday 1 December: Tuesday 15 December is the last day offered.
        #expect(schedule.refusal(for: wib(2026, 12, 15, 13, 30), now: now, occupancy: [:]) == nil)
        #expect(schedule.refusal(for: wib(2026, 12, 16, 10, 0), now: now, occupancy: [:]) == .tooLate)
        #expect(schedule.freeSlots(now: now, occupancy: [:]).last?.start == wib(2026, 12, 15, 13, 30))
        #expect(schedule.refusal(for: wib(2026, 12, 2, 14, 0), now: now, occupancy: [:]) == .outsideWindow)
        #expect(schedule.refusal(for: wib(2026, 12, 2, 10, 15), now: now, occupancy: [:]) == .outsideWindow)
        #expect(schedule.refusal(for: wib(2026, 12, 5, 10, 0), now: now, occupancy: [:]) == .closed(.weekend))
    }

    @Test func aFullDayAndAVerifierOnLeave() throws {
        let leave = VerificationPolicy.Exception(
            date: LocalDate(year: 2026, month: 12, day: 3)!, verifiers: 0, note: "cuti")
        let extra = VerificationPolicy.Exception(
            date: LocalDate(year: 2026, month: 12, day: 4)!, verifiers: 2, note: "tambahan")
        let schedule = try Self.schedule(VerificationPolicy(exceptions: [leave, extra], dailyCapPerVerifier: 3))
        let now = wib(2026, 12, 1, 8, 0)
        #expect(
            schedule.refusal(for: wib(2026, 12, 3, 10, 0), now: now, occupancy: [:]) == .closed(.noVerifier("cuti")))
        // Wednesday 2 December: three calls reach the cap of one verifier; the day is full.
        let occupancy = [wib(2026, 12, 2, 10, 0): 1, wib(2026, 12, 2, 11, 0): 1, wib(2026, 12, 2, 12, 0): 1]
        #expect(schedule.refusal(for: wib(2026, 12, 2, 13, 0), now: now, occupancy: occupancy) == .full)
        let free = schedule.freeSlots(now: now, occupancy: occupancy)
        #expect(
            !free.contains {
                JakartaTime.localDate(of: $0.start).day == 2 || JakartaTime.localDate(of: $0.start).day == 3
            })
        // Friday 4 December has two verifiers: two seats a slot.
        #expect(free.first { JakartaTime.localDate(of: $0.start).day == 4 }?.seatsLeft == 2)
    }

    @Test func theDatabaseRefusesASecondBookingOfASeat() throws {
        let now = wib(2026, 12, 1, 8, 0)
        let (writer, configuration) = try Self.store(tickets: 2, at: now)
        let slot = wib(2026, 12, 2, 10, 0)
        try writer.write { database in
            let store = SQLiteTicketStore.transaction(on: database, configuration: configuration)
            try store.holdVerification(TicketNumber(1), at: slot, now: now)
            try store.confirmVerification(TicketNumber(1), by: .system, at: now)
        }
        // Through Swift: refused as unavailable.
        #expect(throws: TicketError.slotUnavailable("")) {
            try writer.write { database in
                try SQLiteTicketStore.transaction(on: database, configuration: configuration)
                    .holdVerification(TicketNumber(2), at: slot, now: now)
            }
        }
        // Past Swift, straight into the table: the unique index refuses it.
        #expect(throws: SQLiteError.self) {
            try writer.write { database in
                try database.run(
                    """
                    INSERT INTO verification_calls (ticket_number, slot_start, seat, state, created_at, updated_at)
                    VALUES (2, ?, 0, 'booked', 0, 0)
                    """, [.integer(Int64(slot.timeIntervalSince1970 * 1000))])
            }
        }
    }

    @Test func aHoldExpiresAndAMoveKeepsTheBookingWithANewSequence() throws {
        let now = wib(2026, 12, 1, 8, 0)
        let (writer, configuration) = try Self.store(tickets: 2, at: now)
        let slot = wib(2026, 12, 2, 10, 0)
        let transaction = { (database: Database) in
            SQLiteTicketStore.transaction(on: database, configuration: configuration)
        }
        _ = try writer.write { try transaction($0).holdVerification(TicketNumber(1), at: slot, now: now) }
        #expect(throws: TicketError.slotUnavailable("")) {
            try writer.write {
                try transaction($0).holdVerification(TicketNumber(2), at: slot, now: now.addingTimeInterval(60))
            }
        }
        // Five minutes later the hold is gone: the other provider gets the slot, and the first cannot confirm.
        let later = now.addingTimeInterval(5 * 60)
        _ = try writer.write { try transaction($0).holdVerification(TicketNumber(2), at: slot, now: later) }
        #expect(throws: TicketError.slotUnavailable("")) {
            try writer.write { try transaction($0).confirmVerification(TicketNumber(1), by: .system, at: later) }
        }
        let booked = try writer.write {
            try transaction($0).confirmVerification(TicketNumber(2), by: .system, at: later)
        }
        // Moving: a hold of the new slot beside the booking, then one booking with the same id, sequence 1.
        let newSlot = wib(2026, 12, 3, 11, 0)
        _ = try writer.write { try transaction($0).holdVerification(TicketNumber(2), at: newSlot, now: later) }
        let moved = try writer.write {
            try transaction($0).confirmVerification(TicketNumber(2), by: .system, note: "rapat direksi", at: later)
        }
        #expect(moved.id == booked.id && moved.uid == booked.uid)
        #expect(moved.sequence == 1 && moved.start == newSlot)
        let calls = try writer.read {
            try transaction($0).verificationCalls(from: now, to: now.addingTimeInterval(7 * 86_400))
        }
        #expect(calls.map(\.start) == [newSlot])
        let activities = try writer.read { try transaction($0).activities(of: TicketNumber(2)) }.map(\.kind)
        #expect(activities.suffix(2) == [.verificationBooked, .verificationMoved])
    }

    /// A ticket closed with its call still booked (staff resolved it another way and the reporter confirmed, or
    /// it was cancelled) gives the call's seat back: the call is cancelled, with why, and the slot is free.
    @Test func aClosedTicketsCallGivesItsSeatBack() throws {
        let now = wib(2026, 12, 1, 8, 0)
        let (writer, configuration) = try Self.store(tickets: 1, at: now)
        let slot = wib(2026, 12, 2, 10, 0)
        let number = TicketNumber(1)
        try writer.write { database in
            let store = SQLiteTicketStore.transaction(on: database, configuration: configuration)
            try store.holdVerification(number, at: slot, now: now)
            _ = try store.confirmVerification(number, by: .system, at: now)
            let reporter = TicketActor.reporter(waID: "628120001000", name: "Budi")
            try store.apply(
                .take(SQLiteTicketStoreTests.classification), to: number, by: SQLiteTicketStoreTests.level1, at: now)
            try store.apply(
                .resolve(text: "Sudah diverifikasi di kantor."), to: number, by: SQLiteTicketStoreTests.level1, at: now)
            #expect(try store.verificationStatus(of: number, at: now)?.booking != nil, "resolved is still open")
            try store.apply(.confirm, to: number, by: reporter, at: now)
        }
        try writer.read { database in
            let store = SQLiteTicketStore.transaction(on: database, configuration: configuration)
            #expect(try store.verificationStatus(of: number, at: now)?.booking == nil)
            let occupancy = try store.verificationOccupancy(from: now, to: now.addingTimeInterval(7 * 86_400), at: now)
            #expect(occupancy.isEmpty, "\(occupancy)")
            let cancelled = try store.activities(of: number).last { $0.kind == .verificationCancelled }
            #expect(cancelled?.text?.hasSuffix("tiket ditutup") == true, "\(String(describing: cancelled))")
        }
    }

    /// Thousands of random holds and confirmations over random calendars: no booking outside the hours, on
    /// a non-working day, inside the lead time, or over a slot's seats or a day's cap.
    @Test(arguments: 0..<6)
    func randomBookingsNeverBreakTheRules(seed: UInt64) throws {
        var random = SplitMix64(seed: seed &+ 0x9E37_79B9_7F4A_7C15)
        let weekday = Int(random.next() % 3)
        let leave = VerificationPolicy.Exception(
            date: LocalDate(year: 2026, month: 12, day: 7 + Int(random.next() % 5))!, verifiers: 0, note: "cuti")
        let policy = VerificationPolicy(
            slotMinutes: [20, 30, 45, 60][Int(random.next() % 4)],
            verifiersByWeekday: [1: 1 + weekday, 2: 1, 3: 2, 4: 1, 5: Int(random.next() % 3)], exceptions: [leave],
            dailyCapPerVerifier: 1 + Int(random.next() % 6), leadWorkingHours: Int(random.next() % 6),
            horizonWorkingDays: 3 + Int(random.next() % 10))
        let start = wib(2026, 11, 30, 8, 0)
        let (writer, configuration) = try Self.store(policy, tickets: 400, at: start)
        let schedule = configuration.verification
        var now = start
        for _ in 0..<600 {
            now = now.addingTimeInterval(Double(random.next() % 3600))
            let ticket = TicketNumber(1 + Int(random.next() % 400))
            let day = JakartaTime.local(now).day + Int(random.next() % 20) - 2
            let wished = JakartaTime.instant(day: day, second: Int(random.next() % 48) * 1800)
            try? writer.write { database in
                let store = SQLiteTicketStore.transaction(on: database, configuration: configuration)
                let booking = try store.verificationStatus(of: ticket, at: now)?.booking
                let occupancy = try store.verificationOccupancy(
                    from: now.addingTimeInterval(-86_400 * 30), to: now.addingTimeInterval(86_400 * 60), at: now)
                try store.holdVerification(ticket, at: wished, now: now)
                // What was held passed every rule at that moment.
                var others = occupancy
                if let booking, others[booking.start] != nil { others[booking.start]! -= 1 }
                #expect(schedule.refusal(for: wished, now: now, occupancy: others) == nil)
                if random.next() % 4 != 0 { try store.confirmVerification(ticket, by: .system, at: now) }
            }
        }
        let calls = try writer.read {
            try SQLiteTicketStore.transaction(on: $0, configuration: configuration)
                .verificationCalls(from: start, to: start.addingTimeInterval(90 * 86_400))
        }
        #expect(!calls.isEmpty)
        var perSlot: [Date: Int] = [:]
        var perDay: [Int: Int] = [:]
        for call in calls {
            let (day, second) = JakartaTime.local(call.start)
            #expect(schedule.closure(onDay: day) == nil, "a call on a closed day")
            #expect(
                second / 60 >= policy.window.startMinute && second / 60 + policy.slotMinutes <= policy.window.endMinute)
            #expect(call.start >= schedule.earliestStart(now: call.createdAt) || call.sequence > 0)
            perSlot[call.start, default: 0] += 1
            perDay[day, default: 0] += 1
        }
        for (slot, count) in perSlot { #expect(count <= schedule.seats(onDay: JakartaTime.local(slot).day)) }
        for (day, count) in perDay { #expect(count <= schedule.dailyCap(onDay: day)) }
    }

    /// Many writers race for the last seat from their own threads: exactly one books it.
    @Test func manySimultaneousConfirmationsForTheLastSeatHaveOneWinner() throws {
        for round in 0..<20 {
            let now = wib(2026, 12, 1, 8, 0)
            let (writer, configuration) = try Self.store(tickets: 8, at: now)
            let slot = wib(2026, 12, 2, 10, 0).addingTimeInterval(Double(round % 8) * 1800)
            let winners = Mutex(0)
            DispatchQueue.concurrentPerform(iterations: 8) { index in
                let booked = try? writer.write { database in
                    let store = SQLiteTicketStore.transaction(on: database, configuration: configuration)
                    try store.holdVerification(TicketNumber(index + 1), at: slot, now: now)
                    return try store.confirmVerification(TicketNumber(index + 1), by: .system, at: now)
                }
                if booked != nil { winners.withLock { $0 += 1 } }
            }
            #expect(winners.withLock { $0 } == 1)
        }
    }

    @Test func theShippedPolicyReadsAndABadOneIsNamed() throws {
        let shipped = try VerificationPolicy.load(
            contentsOf: WorkingCalendarTests.dialogs.appendingPathComponent("verification.json"))
        #expect(shipped.window == OfficeHours(startHour: 10, endHour: 14))
        #expect(
            shipped.slotMinutes == 30 && shipped.holdMinutes == 5
                && shipped.verifiers(onDay: LocalDate(year: 2026, month: 12, day: 7)!.dayNumber) == 1)
        #expect(shipped.callerNumber == nil, "no number configured: the helpdesk's own, named in each language")
        let text = try String(
            contentsOf: WorkingCalendarTests.dialogs.appendingPathComponent("verification.json"), encoding: .utf8)
        let numbered = try VerificationPolicy.parse(
            Data(
                text.replacingOccurrences(
                    of: #""en": "LPSE helpdesk staff" }"#,
                    with: #""en": "LPSE helpdesk staff" }, "number": "0811-2345-678""#
                ).utf8))
        #expect(numbered.callerNumber == "0811-2345-678")
        let bad =
            #"{"version":1,"window":{"start":"14:00","end":"10:00"},"slot_minutes":0,"verifiers":{},"exceptions":[{"date":"2026-02-30","verifiers":1,"note":"x"}],"daily_cap_per_verifier":1,"lead_working_hours":2,"horizon_working_days":10,"hold_minutes":5,"change_cutoff_hours":2,"reminders":{"day_before":"25:00","minutes_before":30,"agenda":"08:00"},"max_no_shows":2,"caller":{"name":{"id":"a","en":"b"},"number":"1"}}"#
        #expect(throws: DialogError.self) { try VerificationPolicy.parse(Data(bad.utf8)) }
        do {
            _ = try VerificationPolicy.parse(Data(bad.utf8))
        } catch {
            let text = "\(error)"
            #expect(text.contains("window.end") && text.contains("slot_minutes") && text.contains("exceptions"))
            #expect(text.contains("reminders.day_before"))
        }
    }
}
