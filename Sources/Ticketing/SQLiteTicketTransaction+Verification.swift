import Foundation
import Storage
import Support

/// Verification calls: readiness, holds, bookings, moves, cancellations and outcomes. Every change is in the
/// ticket's activity log with who and when; the unique indexes of `verification_calls` refuse a second
/// live row on a seat whatever the caller checked before.
extension SQLiteTicketTransaction {
    static let callColumns =
        "id, ticket_number, slot_start, seat, state, hold_until, sequence, note, created_at, updated_at"

    static func call(from row: Statement) -> VerificationCall {
        VerificationCall(
            id: row.int(0), ticket: TicketNumber(row.int(1)), start: row.date(2), seat: row.int(3),
            state: VerificationCall.State(rawValue: row.string(4)) ?? .cancelled, holdUntil: row.optionalDate(5),
            sequence: row.int(6), note: row.optionalString(7), createdAt: row.date(8), updatedAt: row.date(9))
    }

    var schedule: VerificationSchedule { self.configuration.verification }

    /// Staff found the ticket's documents complete: its reporter may now book the call.
    public func markDocumentsComplete(_ number: TicketNumber, by actor: TicketActor, at now: Date) throws {
        try self.database.transaction {
            guard try self.ticket(number) != nil else { throw TicketError.notFound(number) }
            try self.database.run(
                """
                INSERT INTO verification_tickets (ticket_number, ready_at) VALUES (?, ?)
                ON CONFLICT (ticket_number) DO UPDATE SET paused = 0
                """,
                [.int(number.value), .millis(now)])
            try self.append(
                [TicketActivity(kind: .documentsComplete, actor: actor, at: now, direction: .internal)], to: number)
        }
    }

    /// The ticket's verification status, or nil when its documents were never marked complete.
    public func verificationStatus(of number: TicketNumber, at now: Date) throws -> VerificationStatus? {
        guard
            let (readyAt, noShows, verifiedAt, paused) = try self.database.queryFirst(
                "SELECT ready_at, no_shows, verified_at, paused FROM verification_tickets WHERE ticket_number = ?",
                [.int(number.value)], row: { ($0.date(0), $0.int(1), $0.optionalDate(2), $0.int(3) != 0) })
        else { return nil }
        let live = try self.database.query(
            "SELECT \(Self.callColumns) FROM verification_calls WHERE ticket_number = ? AND state IN ('held', 'booked')",
            [.int(number.value)], row: Self.call(from:))
        return VerificationStatus(
            ticket: number, readyAt: readyAt, noShows: noShows, verifiedAt: verifiedAt, isPaused: paused,
            booking: live.first { $0.state == .booked },
            hold: live.first { $0.state == .held && ($0.holdUntil ?? now) > now })
    }

    /// Seats taken per slot start in `[from, to)`: bookings and holds not yet expired at `now`.
    public func verificationOccupancy(from: Date, to: Date, at now: Date) throws -> VerificationSchedule.Occupancy {
        let rows = try self.database.query(
            """
            SELECT slot_start, count(*) FROM verification_calls
            WHERE slot_start >= ? AND slot_start < ?
                AND (state = 'booked' OR (state = 'held' AND hold_until > ?))
            GROUP BY slot_start
            """, [.millis(from), .millis(to), .millis(now)]
        ) { ($0.date(0), $0.int(1)) }
        return Dictionary(uniqueKeysWithValues: rows)
    }

    /// The slot starts a call can be booked at, at `now`: from the lead time to the horizon, with a seat free.
    public func freeVerificationSlots(at now: Date) throws -> [Date] {
        let occupancy = try self.verificationOccupancy(
            from: self.schedule.earliestStart(now: now), to: self.schedule.horizonEnd(now: now), at: now)
        return self.schedule.freeSlots(now: now, occupancy: occupancy).map(\.start)
    }

    /// Keeps the slot at `start` for the ticket until `now` plus the policy's hold time, replacing an
    /// earlier hold of the ticket. Refused (`slotUnavailable`) when the slot is not bookable at `now`.
    @discardableResult
    public func holdVerification(_ number: TicketNumber, at start: Date, now: Date) throws -> VerificationCall {
        try self.database.transaction {
            guard try self.verificationStatus(of: number, at: now) != nil else {
                throw TicketError.slotUnavailable("ticket \(number) is not ready for a verification call")
            }
            try self.database.run(
                "DELETE FROM verification_calls WHERE state = 'held' AND (hold_until <= ? OR ticket_number = ?)",
                [.millis(now), .int(number.value)])
            let seat = try self.freeSeat(at: start, now: now, ignoring: number)
            let until = now.addingTimeInterval(TimeInterval(self.schedule.policy.holdMinutes * 60))
            let id =
                try self.database.queryFirst(
                    """
                    INSERT INTO verification_calls (ticket_number, slot_start, seat, state, hold_until, created_at,
                        updated_at)
                    VALUES (?, ?, ?, 'held', ?, ?, ?) RETURNING id
                    """,
                    [.int(number.value), .millis(start), .int(seat), .millis(until), .millis(now), .millis(now)],
                    row: { $0.int(0) }) ?? 0
            return VerificationCall(
                id: id, ticket: number, start: start, seat: seat, state: .held, holdUntil: until, sequence: 0,
                note: nil, createdAt: now, updatedAt: now)
        }
    }

    /// The lowest seat of the slot at `start` free at `now`; refused when the slot cannot be booked. The
    /// ticket's own booking does not count against it (a move to another slot of the same day).
    private func freeSeat(at start: Date, now: Date, ignoring number: TicketNumber) throws -> Int {
        let day = JakartaTime.local(start).day
        let dayStart = JakartaTime.instant(day: day, second: 0)
        var occupancy = try self.verificationOccupancy(from: dayStart, to: dayStart.addingTimeInterval(86_400), at: now)
        if let own = try self.verificationStatus(of: number, at: now)?.booking, occupancy[own.start] != nil {
            occupancy[own.start]! -= 1
        }
        if let refusal = self.schedule.refusal(for: start, now: now, occupancy: occupancy) {
            throw TicketError.slotUnavailable("the slot \(JakartaTime.format(start)) cannot be booked: \(refusal)")
        }
        let taken = Set(
            try self.database.query(
                "SELECT seat FROM verification_calls WHERE slot_start = ? AND state IN ('held', 'booked')",
                [.millis(start)], row: { $0.int(0) }))
        guard let seat = (0..<self.schedule.seats(onDay: day)).first(where: { !taken.contains($0) }) else {
            throw TicketError.slotUnavailable("every seat of \(JakartaTime.format(start)) is taken")
        }
        return seat
    }

    /// Turns the ticket's live hold into its booking (a move when it had one: same booking, new slot,
    /// sequence bumped). Refused when no hold is live.
    @discardableResult
    public func confirmVerification(_ number: TicketNumber, by actor: TicketActor, note: String? = nil, at now: Date)
        throws -> VerificationCall
    {
        try self.database.transaction {
            guard let status = try self.verificationStatus(of: number, at: now), let hold = status.hold else {
                throw TicketError.slotUnavailable("no slot is held for ticket \(number), or the hold expired")
            }
            let call: VerificationCall
            if let booking = status.booking {
                try self.database.run("DELETE FROM verification_calls WHERE id = ?", [.int(hold.id)])
                try self.database.run(
                    """
                    UPDATE verification_calls SET slot_start = ?, seat = ?, sequence = sequence + 1, note = ?,
                        updated_at = ?
                    WHERE id = ?
                    """, [.millis(hold.start), .int(hold.seat), .optional(note), .millis(now), .int(booking.id)])
                call = VerificationCall(
                    id: booking.id, ticket: number, start: hold.start, seat: hold.seat, state: .booked, holdUntil: nil,
                    sequence: booking.sequence + 1, note: note, createdAt: booking.createdAt, updatedAt: now)
                let text = "\(JakartaTime.format(booking.start)) → \(JakartaTime.format(hold.start))"
                try self.append(
                    [
                        TicketActivity(
                            kind: .verificationMoved, actor: actor, at: now, direction: .internal,
                            text: note.map { text + ": " + $0 } ?? text)
                    ], to: number)
            } else {
                try self.database.run(
                    "UPDATE verification_calls SET state = 'booked', hold_until = NULL, note = ?, updated_at = ? WHERE id = ?",
                    [.optional(note), .millis(now), .int(hold.id)])
                call = VerificationCall(
                    id: hold.id, ticket: number, start: hold.start, seat: hold.seat, state: .booked, holdUntil: nil,
                    sequence: 0, note: note, createdAt: hold.createdAt, updatedAt: now)
                try self.append(
                    [
                        TicketActivity(
                            kind: .verificationBooked, actor: actor, at: now, direction: .internal,
                            text: JakartaTime.format(hold.start))
                    ], to: number)
            }
            return call
        }
    }

    /// Lets go of the ticket's hold, if any.
    public func releaseVerificationHold(_ number: TicketNumber) throws {
        try self.database.run(
            "DELETE FROM verification_calls WHERE ticket_number = ? AND state = 'held'", [.int(number.value)])
    }

    /// Cancels the ticket's booking (and any hold); returns the cancelled booking, nil when there was none.
    @discardableResult
    public func cancelVerification(_ number: TicketNumber, by actor: TicketActor, reason: String?, at now: Date)
        throws -> VerificationCall?
    {
        try self.database.transaction { () throws -> VerificationCall? in
            try self.releaseVerificationHold(number)
            guard let booking = try self.verificationStatus(of: number, at: now)?.booking else { return nil }
            try self.database.run(
                "UPDATE verification_calls SET state = 'cancelled', note = ?, updated_at = ? WHERE id = ?",
                [.optional(reason), .millis(now), .int(booking.id)])
            let text = JakartaTime.format(booking.start) + (reason.map { ": " + $0 } ?? "")
            try self.append(
                [TicketActivity(kind: .verificationCancelled, actor: actor, at: now, direction: .internal, text: text)],
                to: number)
            return booking
        }
    }

    /// How a booked call ended.
    public enum VerificationOutcome: String, Sendable {
        case done
        case noShow = "no_show"
    }

    /// Records the booked call's outcome; returns the no-shows counted so far. Refused without a booking, and a
    /// no-show before the call begins (`callNotStarted`).
    @discardableResult
    public func recordVerificationOutcome(
        _ number: TicketNumber, _ outcome: VerificationOutcome, by actor: TicketActor, at now: Date
    ) throws -> Int {
        try self.database.transaction {
            guard let status = try self.verificationStatus(of: number, at: now), let booking = status.booking else {
                throw TicketError.slotUnavailable("ticket \(number) has no booked verification call")
            }
            // A call that has not begun cannot be missed: the provider would be told so days before it.
            if outcome == .noShow, booking.start > now {
                throw TicketError.callNotStarted(number, start: booking.start)
            }
            try self.database.run(
                "UPDATE verification_calls SET state = ?, updated_at = ? WHERE id = ?",
                [.text(outcome.rawValue), .millis(now), .int(booking.id)])
            let noShows = status.noShows + (outcome == .noShow ? 1 : 0)
            let paused = outcome == .noShow && noShows >= self.schedule.policy.maxNoShows
            try self.database.run(
                "UPDATE verification_tickets SET no_shows = ?, verified_at = ?, paused = ? WHERE ticket_number = ?",
                [.int(noShows), outcome == .done ? .millis(now) : .null, .int(paused ? 1 : 0), .int(number.value)])
            try self.append(
                [
                    TicketActivity(
                        kind: outcome == .done ? .verificationDone : .verificationNoShow, actor: actor, at: now,
                        direction: .internal, text: JakartaTime.format(booking.start))
                ], to: number)
            return noShows
        }
    }

    /// Every booking (and cancelled or finished call) starting in `[from, to)`, by start then seat.
    public func verificationCalls(from: Date, to: Date) throws -> [VerificationCall] {
        try self.database.query(
            """
            SELECT \(Self.callColumns) FROM verification_calls
            WHERE slot_start >= ? AND slot_start < ? AND state != 'held' ORDER BY slot_start, seat, id
            """, [.millis(from), .millis(to)], row: Self.call(from:))
    }
}

/// Secret tokens of the staff's iCalendar feed, stored as SHA-256 only: one per member, replaced or revoked.
extension SQLiteTicketTransaction {
    public func setCalendarToken(of staffID: String, sha256: String, at now: Date) throws {
        try self.database.run(
            """
            INSERT INTO staff_calendar_tokens (staff_id, token_sha256, created_at) VALUES (?, ?, ?)
            ON CONFLICT (staff_id) DO UPDATE SET token_sha256 = excluded.token_sha256, created_at = excluded.created_at
            """, [.text(staffID), .text(sha256), .millis(now)])
    }

    /// Revokes the member's token; false when there was none.
    @discardableResult
    public func revokeCalendarToken(of staffID: String) throws -> Bool {
        try self.database.run("DELETE FROM staff_calendar_tokens WHERE staff_id = ?", [.text(staffID)])
        return self.database.changes > 0
    }

    /// The active member whose feed token hashes to `sha256`.
    public func staffMember(calendarTokenSHA256 sha256: String) throws -> StaffMember? {
        guard
            let id = try self.database.queryFirst(
                "SELECT staff_id FROM staff_calendar_tokens WHERE token_sha256 = ?", [.text(sha256)],
                row: { $0.string(0) }),
            let member = try self.staffMember(id: id), member.isActive
        else { return nil }
        return member
    }
}

/// A notice for staff, such as the day's verification agenda.
public struct StaffNotice: Hashable, Sendable {
    public let id: Int
    public let kind: String
    public let day: LocalDate
    public let body: String
    public let createdAt: Date
}

extension SQLiteTicketTransaction {
    /// Posts the notice of `kind` for `day` unless one was posted already; true when this call posted it.
    @discardableResult
    public func postNotice(kind: String, day: LocalDate, body: String, at now: Date) throws -> Bool {
        try self.database.run(
            "INSERT OR IGNORE INTO staff_notices (kind, day, body, created_at) VALUES (?, ?, ?, ?)",
            [.text(kind), .int(day.dayNumber), .text(body), .millis(now)])
        return self.database.changes > 0
    }

    /// Notices after `id`, oldest first, at most `limit`.
    public func notices(after id: Int, limit: Int) throws -> [StaffNotice] {
        try self.database.query(
            "SELECT id, kind, day, body, created_at FROM staff_notices WHERE id > ? ORDER BY id LIMIT ?",
            [.int(id), .int(limit)]
        ) {
            StaffNotice(
                id: $0.int(0), kind: $0.string(1), day: LocalDate(dayNumber: $0.int(2)), body: $0.string(3),
                createdAt: $0.date(4))
        }
    }
}
