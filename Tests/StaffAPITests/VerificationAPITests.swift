import Dispatch
import Foundation
import HTTPServer
import StaffAPI
import Storage
import Support
import Synchronization
import Testing
import Ticketing

/// The verification-call actions, the agenda and the iCalendar feed of the staff API.
extension StaffAPITests {
    /// The slots free at the test's now, from the shipped policy.
    func freeSlots(after now: Date = Self.now) -> [Date] {
        self.configuration.verification.freeSlots(now: now, occupancy: [:]).map(\.start)
    }

    static func iso(_ date: Date) -> String { JakartaTime.iso8601(date) }

    /// A taken ticket whose documents are complete.
    func readyTicket(reporter: String = Self.reporter) throws -> Int {
        let number = try self.openTicket(reporter: reporter)
        #expect(try call("POST", "/api/tickets/\(number)/actions", Self.take, staff: "sari").status == 200)
        let ready = try call("POST", "/api/tickets/\(number)/actions", ["action": "documents_complete"], staff: "sari")
        #expect(ready.status == 200)
        return number
    }

    /// The lines of a CSV download, fetched as `sari`.
    func csv(_ target: String) throws -> [String] {
        let token = try #require(self.tokens.byStaff.withLock { $0["sari"] })
        var headers = HTTPHeaders()
        headers.add(name: "Authorization", value: "Bearer \(token)")
        let answered = DispatchSemaphore(value: 0)
        let box = Mutex<HTTPResponse?>(nil)
        self.api.respond(to: HTTPRequest(method: "GET", target: target, headers: headers)) { response in
            box.withLock { $0 = response }
            answered.signal()
        }
        answered.wait()
        return String(decoding: box.withLock { $0!.body }, as: UTF8.self).components(separatedBy: "\r\n").filter {
            !$0.isEmpty
        }
    }

    /// A GET whose body is not JSON (the calendar feed).
    func fetch(_ target: String) -> HTTPResponse {
        let answered = DispatchSemaphore(value: 0)
        let box = Mutex<HTTPResponse?>(nil)
        self.api.respond(to: HTTPRequest(method: "GET", target: target, headers: HTTPHeaders(), body: [])) { response in
            box.withLock { $0 = response }
            answered.signal()
        }
        answered.wait()
        return box.withLock { $0! }
    }
}

@Suite struct VerificationAPITests {
    @Test func documentsCompleteOffersTheSlotsInTheChat() throws {
        let api = try StaffAPITests()
        try api.withStaff()
        let number = try api.readyTicket()
        let texts = try api.queuedTexts().joined()
        #expect(texts.contains("Dokumen tiket #\(number) sudah lengkap"))
        #expect(texts.contains("\"slot."))
        let detail = try api.call("GET", "/api/tickets/\(number)", staff: "sari")
        let activities = detail.json["activities"] as? [[String: Any]] ?? []
        #expect(activities.contains { $0["kind"] as? String == "documents_complete" })
    }

    @Test func staffBookMoveAndCancelWithTheProviderToldAndTheAgendaKept() throws {
        let api = try StaffAPITests()
        try api.withStaff()
        let number = try api.readyTicket()
        let slots = api.freeSlots()
        let booked = try api.call(
            "POST", "/api/tickets/\(number)/actions",
            ["action": "verification_book", "start": StaffAPITests.iso(slots[0])],
            staff: "sari")
        #expect(booked.status == 200)
        let verification = booked.json["verification"] as? [String: Any]
        let booking = verification?["booking"] as? [String: Any]
        #expect(booking?["sequence"] as? Int == 0 && booking?["verifier"] as? Int == 1)
        #expect(try api.queuedTexts().last?.contains("Petugas menjadwalkan video call verifikasi") == true)
        #expect(try api.count("SELECT count(*) FROM conversation_timers WHERE timer LIKE '%verificationReminder%'") > 0)

        // The same seat for another ticket: 409, nothing changed, nothing queued.
        let other = try api.readyTicket(reporter: "6281299990000")
        let queued = try api.count("SELECT count(*) FROM outbound_messages")
        let refused = try api.call(
            "POST", "/api/tickets/\(other)/actions",
            ["action": "verification_book", "start": StaffAPITests.iso(slots[0])],
            staff: "sari")
        #expect(refused.status == 409 && refused.error == "slot_unavailable")
        #expect(try api.count("SELECT count(*) FROM outbound_messages") == queued)

        #expect(
            try api.call(
                "POST", "/api/tickets/\(number)/actions",
                ["action": "verification_move", "start": StaffAPITests.iso(slots[1])], staff: "sari"
            ).error == "missing_field")
        let moved = try api.call(
            "POST", "/api/tickets/\(number)/actions",
            ["action": "verification_move", "start": StaffAPITests.iso(slots[1]), "reason": "direktur dinas luar"],
            staff: "sari")
        #expect(moved.status == 200)
        #expect(
            ((moved.json["verification"] as? [String: Any])?["booking"] as? [String: Any])?["sequence"] as? Int == 1)
        #expect(try api.queuedTexts().last?.contains("direktur dinas luar") == true)

        let day = String(StaffAPITests.iso(slots[1]).prefix(10))
        let agenda = try api.call("GET", "/api/verification/agenda?from=\(day)&to=\(day)", staff: "sari")
        let calls = agenda.json["calls"] as? [[String: Any]] ?? []
        #expect(calls.count == 1 && calls.first?["ticket"] as? Int == number)
        #expect(calls.first?["call_link"] as? String == "https://wa.me/6281234567890")

        let cancelled = try api.call(
            "POST", "/api/tickets/\(number)/actions",
            ["action": "verification_cancel", "reason": "permintaan penyedia"],
            staff: "sari")
        #expect(cancelled.status == 200)
        #expect(try api.queuedTexts().last?.contains("membatalkan video call") == true)
        let after = try api.call("GET", "/api/verification/agenda?from=\(day)", staff: "sari")
        #expect((after.json["calls"] as? [[String: Any]])?.first?["state"] as? String == "cancelled")
        // Reminders went with the booking.
        #expect(
            try api.count("SELECT count(*) FROM conversation_timers WHERE timer LIKE '%verificationReminder%'") == 0)
    }

    @Test(arguments: [
        ["action": "verification_book", "start": "besok"],
        ["action": "verification_book", "start": "2026-13-01T10:00:00+07:00"],
        ["action": "verification_book"],
        ["action": "verification_cancel"],
    ])
    func aBadVerificationActionIs400(body: [String: String]) throws {
        let api = try StaffAPITests()
        try api.withStaff()
        let number = try api.readyTicket()
        let answer = try api.call("POST", "/api/tickets/\(number)/actions", body, staff: "sari")
        #expect(answer.status == 400)
    }

    @Test(arguments: [
        "from=2026-02-30", "from=2026-12-10&to=2026-12-01", "from=2026-01-01&to=2026-06-01", "verifier=0", "day=1",
    ])
    func aBadAgendaQueryIs400(query: String) throws {
        let api = try StaffAPITests()
        try api.withStaff()
        #expect(try api.call("GET", "/api/verification/agenda?\(query)", staff: "sari").status == 400)
    }

    @Test func noticesAreReadAfterAnIdAndABadQueryIs400() throws {
        let api = try StaffAPITests()
        try api.withStaff()
        try api.writer.write { database in
            let store = SQLiteTicketStore.transaction(on: database, configuration: api.configuration)
            try store.postNotice(
                kind: "verification_agenda", day: LocalDate(year: 2026, month: 12, day: 7)!, body: "Agenda",
                at: StaffAPITests.now)
            try store.postNotice(
                kind: "verification_agenda", day: LocalDate(year: 2026, month: 12, day: 8)!, body: "Agenda 2",
                at: StaffAPITests.now)
        }
        let all = try api.call("GET", "/api/notices", staff: "sari")
        let notices = all.json["notices"] as? [[String: Any]] ?? []
        #expect(notices.map { $0["day"] as? String } == ["2026-12-07", "2026-12-08"])
        let first = try #require(notices.first?["id"] as? Int)
        #expect(
            (try api.call("GET", "/api/notices?after=\(first)", staff: "sari").json["notices"] as? [[String: Any]])?
                .count == 1)
        for query in ["after=-1", "limit=0", "since=3"] {
            #expect(try api.call("GET", "/api/notices?\(query)", staff: "sari").status == 400)
        }
        #expect(try api.call("GET", "/api/notices").status == 401, "notices need a session or a token")
    }

    /// The ticket's page reads the call from the ticket: null before the documents are complete, then the free
    /// times staff can book (those the provider is offered), the booking, and no free times once verified.
    /// Every instant carries its zone, so a browser in Jakarta reads it as UTC.
    @Test func theTicketCarriesItsCallAndTheFreeTimes() throws {
        let api = try StaffAPITests()
        try api.withStaff()
        let unready = try api.openTicket()
        let before = try api.call("GET", "/api/tickets/\(unready)", staff: "sari")
        #expect(before.json["verification"] is NSNull, "\(before.json)")
        #expect((before.ticket["created_at"] as? String)?.hasSuffix("Z") == true, "\(before.ticket)")

        let number = try api.readyTicket(reporter: "6281299990000")
        let ready = try api.call("GET", "/api/tickets/\(number)", staff: "sari")
        let offered = (ready.json["verification"] as? [String: Any])?["free_slots"] as? [String]
        #expect(offered == api.freeSlots().map(StaffAPITests.iso), "\(ready.json)")
        let slot = api.freeSlots()[2]
        #expect(
            try api.call(
                "POST", "/api/tickets/\(number)/actions",
                ["action": "verification_book", "start": StaffAPITests.iso(slot)],
                staff: "sari"
            ).status == 200)
        let booked = try api.call("GET", "/api/tickets/\(number)", staff: "sari").json["verification"] as? [String: Any]
        let booking = booked?["booking"] as? [String: Any]
        #expect(booking?["start_local"] as? String == StaffAPITests.iso(slot), "\(String(describing: booked))")
        #expect((booked?["free_slots"] as? [String])?.contains(StaffAPITests.iso(slot)) == false)
        #expect(
            try api.call("POST", "/api/tickets/\(number)/actions", ["action": "verification_done"], staff: "sari")
                .status == 200)
        let done = try api.call("GET", "/api/tickets/\(number)", staff: "sari").json["verification"] as? [String: Any]
        #expect((done?["verified_at"] as? String)?.hasSuffix("Z") == true, "\(String(describing: done))")
        #expect((done?["free_slots"] as? [String])?.isEmpty == true)
    }

    /// Staff classify the ticket in their own words ("Registrasi Penyedia"): the booking still names the
    /// service's documents for the director to have at hand, found by the ticket's title.
    @Test func aCallBookedAfterStaffRenamedTheCategoryNamesTheDocuments() throws {
        let api = try StaffAPITests()
        try api.withStaff()
        let number = try api.writer.write { database in
            let store = SQLiteTicketStore.transaction(on: database, configuration: api.configuration)
            let draft = TicketDraft(
                title: "Registrasi dan Verifikasi Berkas (bagi pengguna baru di SPSE)",
                description: "Permohonan atas nama PT Maju Jaya", companyName: "PT Maju Jaya", businessForm: "PT",
                reporterWaID: StaffAPITests.reporter, reporterName: "Budi", category: "registrasi")
            return try store.open(draft, at: StaffAPITests.now.addingTimeInterval(-3600)).ticket.number.value
        }
        var take = StaffAPITests.take
        take["category"] = "Registrasi Penyedia"
        #expect(try api.call("POST", "/api/tickets/\(number)/actions", take, staff: "sari").status == 200)
        #expect(
            try api.call("POST", "/api/tickets/\(number)/actions", ["action": "documents_complete"], staff: "sari")
                .status == 200)
        let booked = try api.call(
            "POST", "/api/tickets/\(number)/actions",
            ["action": "verification_book", "start": StaffAPITests.iso(api.freeSlots()[0])], staff: "sari")
        #expect(booked.status == 200)
        let told = try api.queuedTexts().last ?? ""
        #expect(told.contains("• KTP/KITAS Direktur") && told.contains("• NPWP Perusahaan"), "\(told)")
    }

    @Test func doneResolvesTheTicketAndTwoNoShowsGoBackToStaff() throws {
        let api = try StaffAPITests()
        try api.withStaff()
        let slots = api.freeSlots()
        let number = try api.readyTicket()
        let book = { (start: Date) in
            try api.call(
                "POST", "/api/tickets/\(number)/actions",
                ["action": "verification_book", "start": StaffAPITests.iso(start)],
                staff: "sari")
        }
        #expect(try book(slots[0]).status == 200)
        // Before the call begins it cannot be missed: refused, and the provider is told nothing.
        let told = try api.queuedTexts().count
        let early = try api.call(
            "POST", "/api/tickets/\(number)/actions", ["action": "verification_no_show"], staff: "sari")
        #expect(early.status == 409 && early.error == "call_not_started", "\(early.json)")
        #expect(try api.queuedTexts().count == told)
        api.clock.set(slots[0])
        #expect(
            try api.call("POST", "/api/tickets/\(number)/actions", ["action": "verification_no_show"], staff: "sari")
                .status == 200)
        #expect(try api.queuedTexts().last?.contains("tidak dapat terhubung") == true)
        let next = try #require(api.freeSlots(after: api.clock.now).first)
        #expect(try book(next).status == 200)
        api.clock.set(next.addingTimeInterval(600))
        let second = try api.call(
            "POST", "/api/tickets/\(number)/actions", ["action": "verification_no_show"], staff: "sari")
        #expect(((second.json["verification"] as? [String: Any])?["paused"] as? Bool) == true)
        #expect(try api.queuedTexts().last?.contains("Petugas akan menghubungi Anda") == true)
        let activities = second.json["activities"] as? [[String: Any]] ?? []
        #expect(activities.last?["kind"] as? String == "note")

        // Marked complete again, booked, done: resolved, and the provider is asked to confirm.
        #expect(
            try api.call("POST", "/api/tickets/\(number)/actions", ["action": "documents_complete"], staff: "sari")
                .status == 200)
        #expect(try book(try #require(api.freeSlots(after: api.clock.now).first)).status == 200)
        let done = try api.call(
            "POST", "/api/tickets/\(number)/actions", ["action": "verification_done"], staff: "sari")
        #expect(done.status == 200)
        #expect(done.ticket["status"] as? String == "resolved")
        #expect(try api.queuedTexts().last?.contains("Verifikasi video call selesai") == true)
    }

    /// The feed read by an independent parser: unfolded lines, balanced components, one VEVENT per booking with
    /// a stable UID, SEQUENCE bumped by a move, a cancelled booking as STATUS:CANCELLED; a revoked token is 401.
    @Test func theCalendarFeedIsValidICalendarBehindAPersonalToken() throws {
        let api = try StaffAPITests()
        try api.withStaff()
        let slots = api.freeSlots()
        let first = try api.readyTicket()
        let second = try api.readyTicket(reporter: "6281299990000")
        for (number, slot) in [(first, slots[0]), (second, slots[1])] {
            #expect(
                try api.call(
                    "POST", "/api/tickets/\(number)/actions",
                    ["action": "verification_book", "start": StaffAPITests.iso(slot)], staff: "sari"
                ).status == 200)
        }
        #expect(
            try api.call(
                "POST", "/api/tickets/\(first)/actions",
                ["action": "verification_move", "start": StaffAPITests.iso(slots[3]), "reason": "rapat"], staff: "sari"
            ).status == 200)
        #expect(
            try api.call(
                "POST", "/api/tickets/\(second)/actions", ["action": "verification_cancel", "reason": "batal"],
                staff: "sari"
            ).status == 200)

        #expect(try api.call("POST", "/api/staff/lead/calendar-token", staff: "sari").status == 403)
        let created = try api.call("POST", "/api/staff/sari/calendar-token", staff: "sari")
        #expect(created.status == 201)
        let path = try #require(created.json["feed_path"] as? String)
        let feed = api.fetch(path)
        #expect(feed.status == 200)
        #expect(feed.headers["Content-Type"] == "text/calendar; charset=utf-8")
        let raw = String(decoding: feed.body, as: UTF8.self)
        #expect(raw.hasSuffix("\r\n") && !raw.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let events = try ICalendarReader.events(raw)
        #expect(events.count == 2)
        let moved = try #require(events.first { $0["SUMMARY"]?.hasPrefix("Verifikasi #\(first)") == true })
        #expect(moved["SEQUENCE"] == "1" && moved["STATUS"] == "CONFIRMED")
        #expect(moved["DTSTART"] == ICalendarReader.utc(slots[3]))
        let cancelled = try #require(events.first { $0["SUMMARY"]?.hasPrefix("Verifikasi #\(second)") == true })
        #expect(cancelled["STATUS"] == "CANCELLED")
        #expect(Set(events.compactMap { $0["UID"] }).count == 2)

        // The same UID after the move: the calendar updates the event rather than adding one.
        #expect(try api.call("DELETE", "/api/staff/sari/calendar-token", staff: "sari").status == 200)
        #expect(api.fetch(path).status == 401)
        #expect(api.fetch("/api/verification/calendar.ics").status == 401)
    }
}

/// A small RFC 5545 reader written apart from the feed's writer: unfolds lines, checks that every line ends
/// with CRLF and is at most 75 octets, that BEGIN and END nest, and returns each VEVENT's properties.
enum ICalendarReader {
    struct Malformed: Error, CustomStringConvertible { var description: String }

    static func events(_ text: String) throws -> [[String: String]] {
        let physical = text.components(separatedBy: "\r\n")
        guard physical.last == "" else { throw Malformed(description: "the last line does not end with CRLF") }
        var lines: [String] = []
        for line in physical.dropLast() {
            guard line.utf8.count <= 75 else { throw Malformed(description: "a line over 75 octets: \(line)") }
            if line.hasPrefix(" ") || line.hasPrefix("\t") {
                guard !lines.isEmpty else { throw Malformed(description: "a continuation without a line") }
                lines[lines.count - 1] += line.dropFirst()
            } else {
                lines.append(line)
            }
        }
        var stack: [String] = []
        var events: [[String: String]] = []
        var current: [String: String]?
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw Malformed(description: "no colon: \(line)") }
            let name = String(line[..<colon]).split(separator: ";").first.map(String.init) ?? ""
            let value = String(line[line.index(after: colon)...])
            switch name {
            case "BEGIN":
                stack.append(value)
                if value == "VEVENT" { current = [:] }
            case "END":
                guard stack.popLast() == value else { throw Malformed(description: "END:\(value) does not close") }
                if value == "VEVENT", let event = current {
                    for required in ["UID", "DTSTAMP", "DTSTART", "DTEND", "SEQUENCE", "STATUS", "SUMMARY"]
                    where event[required] == nil {
                        throw Malformed(description: "a VEVENT without \(required)")
                    }
                    events.append(event)
                    current = nil
                }
            default:
                current?[name] = value
            }
        }
        guard stack.isEmpty, lines.first == "BEGIN:VCALENDAR" else { throw Malformed(description: "unbalanced") }
        return events
    }

    static func utc(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }
}
