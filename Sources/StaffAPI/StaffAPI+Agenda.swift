import Foundation
import HTTPServer
import Storage
import Support
import Ticketing
import WebhookServer
import WhatsAppOutbox

extension StaffAPI {
    /// The path of the iCalendar feed, authenticated by its own per-staff token instead of the bearer token
    /// (calendar applications cannot send headers).
    static let calendarFeedPath = "/api/verification/calendar.ics"

    /// `{"from", "to", "calls": [AgendaCall]}`: the calls of those days by start and verifier, with what a
    /// verifier needs to place the call.
    func agenda(from: LocalDate, to: LocalDate, verifier: Int?, _ caller: StaffCaller) throws -> HTTPResponse {
        let start = JakartaTime.instant(day: from.dayNumber, second: 0)
        let end = JakartaTime.instant(day: to.dayNumber + 1, second: 0)
        let calls = try self.writer.read { database in
            let store = SQLiteTicketStore.transaction(on: database, configuration: self.tickets)
            _ = try self.actingStaff(caller, in: store)
            return try store.verificationCalls(from: start, to: end)
                .filter { verifier == nil || $0.seat + 1 == verifier }
                .map { call in (call, try store.ticket(call.ticket)) }
        }
        let items: [JSONValue] = calls.map { call, ticket in
            var object = Self.object(of: call).object ?? JSONObject(members: [], byteRange: 0..<0)
            let phone = ticket?.directorPhone ?? ticket?.reporterWaID
            object.members += [
                (key: "company_name", value: .string(ticket?.companyName)),
                (key: "director_phone", value: .string(phone)),
                (key: "reporter_wa_id", value: .string(ticket?.reporterWaID)),
                (key: "reporter_name", value: .string(ticket?.reporterName)),
                (key: "call_link", value: .string(phone.map { "https://wa.me/" + $0.filter(\.isNumber) })),
            ]
            return .object(object)
        }
        return Self.json(
            200,
            .object([("from", .string(from.description)), ("to", .string(to.description)), ("calls", .array(items))]))
    }

    /// `{"notices": [{"id", "kind", "day", "body", "created_at"}]}` after `after`, oldest first.
    func notices(after: Int, limit: Int, _ caller: StaffCaller) throws -> HTTPResponse {
        let notices = try self.writer.read { database in
            let store = SQLiteTicketStore.transaction(on: database, configuration: self.tickets)
            _ = try self.actingStaff(caller, in: store)
            return try store.notices(after: after, limit: limit)
        }
        let items: [JSONValue] = notices.map {
            .object([
                ("id", .int($0.id)), ("kind", .string($0.kind)), ("day", .string($0.day.description)),
                ("body", .string($0.body)), ("created_at", Self.timestamp($0.createdAt)),
            ])
        }
        return Self.json(200, .object([("notices", .array(items))]))
    }

    /// Creates (replacing the old) or revokes a member's feed token: the member themself or a Level 2.
    func calendarToken(of id: String, create: Bool, _ caller: StaffCaller) throws -> HTTPResponse {
        let token = RandomToken.hex(byteCount: 24)
        try self.writer.write(durability: .powerLoss) { database in
            let store = SQLiteTicketStore.transaction(on: database, configuration: self.tickets)
            _ = try self.actingStaff(caller, in: store)
            try Self.requireSelfOrAdmin(caller, id, "manage \(id)'s calendar token")
            guard try store.staffMember(id: id) != nil else {
                throw StaffAPIError.notFound("unknown_staff", "no staff member has the id \"\(id)\"")
            }
            if create {
                try store.setCalendarToken(of: id, sha256: Self.sha256(token), at: self.now())
            } else {
                try store.revokeCalendarToken(of: id)
            }
        }
        self.logger.info("staff_api.calendar_token", ["staff": id, "action": create ? "created" : "revoked"])
        guard create else { return Self.json(200, .object([("revoked", .bool(true))])) }
        return Self.json(
            201,
            .object([("token", .string(token)), ("feed_path", .string(Self.calendarFeedPath + "?token=" + token))]))
    }

    static func sha256(_ text: String) -> String {
        var digest = SHA256Digest()
        Array(text.utf8).withUnsafeBytes { digest.update($0) }
        return SHA256Digest.hexString(digest.finalize())
    }

    /// The iCalendar feed of the verification calls from 30 days back to 90 days ahead: one VEVENT per
    /// booking with a stable UID, SEQUENCE bumped on every move, cancelled calls as STATUS:CANCELLED.
    func calendarFeed(_ request: HTTPRequest) throws -> HTTPResponse {
        guard request.method == "GET" else { throw StaffAPIError.methodNotAllowed(request.method, allowed: ["GET"]) }
        guard let token = try Self.parameters(of: request)["token"], !token.isEmpty, token.count <= 128 else {
            throw StaffAPIError.unauthorized(
                "add ?token= with your calendar token (POST /api/staff/{id}/calendar-token)")
        }
        let now = self.now()
        let (member, calls) = try self.writer.read { database in
            let store = SQLiteTicketStore.transaction(on: database, configuration: self.tickets)
            guard let member = try store.staffMember(calendarTokenSHA256: Self.sha256(token)) else {
                throw StaffAPIError.unauthorized("this calendar token is unknown or was revoked")
            }
            let calls = try store.verificationCalls(
                from: now.addingTimeInterval(-30 * 86_400), to: now.addingTimeInterval(90 * 86_400)
            ).map { call in (call, try store.ticket(call.ticket)) }
            return (member, calls)
        }
        var calendar = ICalendarWriter()
        calendar.line("BEGIN", "VCALENDAR")
        calendar.line("VERSION", "2.0")
        calendar.line("PRODID", "-//Loket//Verifikasi LPSE//ID")
        calendar.line("CALSCALE", "GREGORIAN")
        calendar.line("METHOD", "PUBLISH")
        calendar.text("X-WR-CALNAME", "Verifikasi LPSE")
        let length = TimeInterval(self.tickets.verification.policy.slotMinutes * 60)
        for (call, ticket) in calls {
            let phone = ticket?.directorPhone ?? ticket?.reporterWaID ?? "-"
            calendar.line("BEGIN", "VEVENT")
            calendar.line("UID", call.uid)
            calendar.line("DTSTAMP", ICalendarWriter.utc(call.updatedAt))
            calendar.line("DTSTART", ICalendarWriter.utc(call.start))
            calendar.line("DTEND", ICalendarWriter.utc(call.start.addingTimeInterval(length)))
            calendar.line("SEQUENCE", String(call.sequence))
            calendar.line("STATUS", call.state == .cancelled ? "CANCELLED" : "CONFIRMED")
            calendar.text(
                "SUMMARY",
                "Verifikasi #\(call.ticket.value) \(ticket?.companyName ?? "")".trimmingCharacters(in: .whitespaces))
            calendar.text(
                "DESCRIPTION",
                "Tiket #\(call.ticket.value)\nPerusahaan: \(ticket?.companyName ?? "-")\nDirektur: \(phone)\n"
                    + "Verifikator \(call.seat + 1)\nhttps://wa.me/\(phone.filter(\.isNumber))")
            calendar.text("LOCATION", "WhatsApp video call \(phone)")
            calendar.line("END", "VEVENT")
        }
        calendar.line("END", "VCALENDAR")
        self.logger.info("staff_api.calendar_feed", ["staff": member.id, "events": String(calls.count)])
        var response = HTTPResponse(status: 200, headers: HTTPHeaders(), body: Array(calendar.text.utf8))
        response.headers.add(name: "Content-Type", value: "text/calendar; charset=utf-8")
        response.headers.add(name: "Cache-Control", value: "private, max-age=300")
        return response
    }

    /// `GET /api/events`: the live stream from the client's `Last-Event-ID` (or from now), 503 with
    /// `Retry-After` when the streams' cap is reached.
    func eventStream(_ request: HTTPRequest, _ caller: StaffCaller) throws -> HTTPResponse {
        guard let events = self.events else {
            throw StaffAPIError.notFound("live_stream_off", "this Loket has no live stream; poll /api/tickets")
        }
        guard events.openStreams < events.maxStreams else {
            var response = Self.response(
                for: .unavailable("too many live streams are open; the console polls meanwhile"))
            response.headers.add(name: "Retry-After", value: "10")
            return response
        }
        let resume = request.headers["Last-Event-ID"].flatMap(StaffEvents.Cursor.init(text:))
        let cursor = try resume ?? events.currentCursor()
        var response = HTTPResponse(status: 200, body: Array("retry: 2000\n: open\n\n".utf8))
        response.headers.add(name: "Content-Type", value: "text/event-stream; charset=utf-8")
        response.headers.add(name: "X-Accel-Buffering", value: "no")
        response.stream = { stream in
            if !events.subscribe(stream, from: cursor) { stream.finish() }
        }
        return response
    }
}
