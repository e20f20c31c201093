import Conversation
import Foundation
import HTTPServer
import HelpdeskRuntime
import Storage
import Support
import Ticketing
import WebhookServer
import WhatsAppOutbox

/// A verification-call action on a ticket (`POST /api/tickets/{number}/actions`).
enum VerificationCommand: Equatable {
    case documentsComplete
    /// Book the call at `start` (or move it there), for the provider.
    case book(start: Date, reason: String?)
    /// Move the booked call, saying why.
    case move(start: Date, reason: String)
    case cancel(reason: String)
    /// The call took place: the ticket is resolved with `text` (what happens next) for the provider.
    case done(text: String?)
    case noShow

    static let names = [
        "documents_complete", "verification_book", "verification_move", "verification_cancel", "verification_done",
        "verification_no_show",
    ]

    init(name: String, body: StaffAPIRequestBody) throws(StaffAPIError) {
        switch name {
        case "documents_complete": self = .documentsComplete
        case "verification_book":
            self = .book(start: try Self.start(body), reason: try body.optionalString("reason"))
        case "verification_move": self = .move(start: try Self.start(body), reason: try body.string("reason"))
        case "verification_cancel": self = .cancel(reason: try body.string("reason"))
        case "verification_done": self = .done(text: try body.optionalString("text"))
        case "verification_no_show": self = .noShow
        default: throw .badRequest("invalid_field", "unknown verification action \"\(name)\"")
        }
    }

    /// `start` as ISO 8601 with its offset (`2026-12-07T10:00:00+07:00`), from 2000 to 2100.
    static func start(_ body: StaffAPIRequestBody) throws(StaffAPIError) -> Date {
        let text = try body.string("start")
        guard let date = StaffAPI.instant(text) else {
            throw .badRequest(
                "invalid_field", "\"start\" must be a time like 2026-12-07T10:00:00+07:00, not \"\(text.prefix(40))\"")
        }
        return date
    }

    var name: String {
        switch self {
        case .documentsComplete: "documents_complete"
        case .book: "verification_book"
        case .move: "verification_move"
        case .cancel: "verification_cancel"
        case .done: "verification_done"
        case .noShow: "verification_no_show"
        }
    }
}

extension StaffAPI {
    /// An ISO 8601 instant with offset or `Z`, seconds optional, years 2000–2100; nil for anything else.
    static func instant(_ text: String) -> Date? {
        guard text.count <= 40 else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let date =
            formatter.date(from: text)
            ?? formatter.date(
                from: text.replacingOccurrences(
                    of: #"T(\d\d:\d\d)([+-Z])"#, with: "T$1:00$2", options: .regularExpression))
        guard let date, (946_684_800...4_102_444_800).contains(date.timeIntervalSince1970) else { return nil }
        return date
    }

    /// A local date `YYYY-MM-DD`, from 2000 to 2100.
    static func localDate(_ text: String, parameter: String) throws(StaffAPIError) -> LocalDate {
        guard let date = LocalDate(iso: text), (2000...2100).contains(date.year) else {
            throw .badRequest("invalid_query", "\(parameter) must be a date YYYY-MM-DD, not \"\(text.prefix(40))\"")
        }
        return date
    }

    /// Carries out a verification action: the booking change, its reminders, the ticket's activity and what the
    /// provider is told, in one transaction (a refusal changes and sends nothing).
    func verify(_ command: VerificationCommand, on number: TicketNumber, _ caller: StaffCaller) throws -> HTTPResponse {
        let now = self.now()
        let (document, queued, actor) = try self.writer.write(durability: .powerLoss) { database in
            let store = SQLiteTicketStore.transaction(on: database, configuration: self.tickets)
            let member = try self.actingStaff(caller, in: store)
            guard let ticket = try store.ticket(number) else { throw Self.unknownTicket(number) }
            let actor = TicketActor.staff(member)
            let contact = ticket.reporterWaID
            let event: ConversationEvent
            do {
                event = try self.apply(command, to: ticket, by: actor, now: now, store: store, database: database)
            } catch let error as TicketError {
                if error == .slotUnavailable("") { throw StaffAPIError.conflict("slot_unavailable", error.description) }
                if error == .callNotStarted(number, start: now) {
                    throw StaffAPIError.conflict("call_not_started", error.description)
                }
                if error == .notFound(number) { throw Self.unknownTicket(number) }
                throw StaffAPIError.illegalTransition(error.description)
            }
            let messages = try self.runtime.deliver(event, to: contact, now: now, in: database)
            try self.outbox.enqueue(messages, in: database, now: now)
            let document =
                try self.detail(of: number, in: store, now: now).object ?? JSONObject(members: [], byteRange: 0..<0)
            return (document, messages.count, actor)
        }
        if queued > 0 { self.wakeSender() }
        self.logger.info(
            "staff_api.action",
            ["ticket": String(number.value), "action": command.name, "staff": actor.id, "queued": String(queued)])
        var response = document
        response.members.append((key: "queued_messages", value: .int(queued)))
        return Self.json(200, .object(response))
    }

    private func apply(
        _ command: VerificationCommand, to ticket: Ticket, by actor: TicketActor, now: Date,
        store: SQLiteTicketTransaction, database: Database
    ) throws -> ConversationEvent {
        let number = ticket.number
        let contact = ticket.reporterWaID
        switch command {
        case .documentsComplete:
            try store.markDocumentsComplete(number, by: actor, at: now)
            return .verificationReady(ticket: number.value)
        case .book(let start, let reason):
            return try self.book(
                ticket, at: start, reason: reason, moving: false, by: actor, now: now, store: store, database: database)
        case .move(let start, let reason):
            return try self.book(
                ticket, at: start, reason: reason, moving: true, by: actor, now: now, store: store, database: database)
        case .cancel(let reason):
            guard let cancelled = try store.cancelVerification(number, by: actor, reason: reason, at: now) else {
                throw StaffAPIError.conflict("no_booking", "ticket \(number) has no booked call to cancel")
            }
            try self.runtime.cancelReminders(of: number.value, contact: contact, in: database)
            return .verificationChanged(ticket: number.value, start: nil, previous: cancelled.start, reason: reason)
        case .done(let text):
            try store.recordVerificationOutcome(number, .done, by: actor, at: now)
            try self.runtime.cancelReminders(of: number.value, contact: contact, in: database)
            let note = text ?? self.runtime.catalogue.text(.verificationDoneNote, in: .indonesian)
            try store.apply(.resolve(text: note), to: number, by: actor, at: now)
            return .ticketResolved(ticket: number.value, note: note)
        case .noShow:
            let count = try store.recordVerificationOutcome(number, .noShow, by: actor, at: now)
            try self.runtime.cancelReminders(of: number.value, contact: contact, in: database)
            let offerAgain = count < self.tickets.verification.policy.maxNoShows
            if !offerAgain {
                try store.apply(
                    .note(
                        text: "Penyedia tidak hadir \(count) kali pada video call verifikasi: perlu ditindaklanjuti."),
                    to: number, by: actor, at: now)
            }
            return .verificationMissed(ticket: number.value, offerAgain: offerAgain)
        }
    }

    /// Books the call at `start` for the provider, or moves the booking there (refused without one when
    /// `moving`), and schedules its reminders.
    private func book(
        _ ticket: Ticket, at start: Date, reason: String?, moving: Bool, by actor: TicketActor, now: Date,
        store: SQLiteTicketTransaction, database: Database
    ) throws -> ConversationEvent {
        let number = ticket.number
        guard let status = try store.verificationStatus(of: number, at: now) else {
            throw StaffAPIError.conflict(
                "not_ready", "mark the documents of ticket \(number) complete (documents_complete) first")
        }
        if moving, status.booking == nil {
            throw StaffAPIError.conflict("no_booking", "ticket \(number) has no booked call to move")
        }
        try store.holdVerification(number, at: start, now: now)
        let call = try store.confirmVerification(number, by: actor, note: reason, at: now)
        try self.runtime.scheduleReminders(for: call, contact: ticket.reporterWaID, now: now, in: database)
        return .verificationChanged(
            ticket: number.value, start: call.start, previous: status.booking?.start, reason: reason)
    }

    /// `{"ready_at", "no_shows", "verified_at", "paused", "booking": Call | null, "hold": Call | null,
    /// "free_slots": [start]}`, or null before the documents are complete. `free_slots` are the times staff
    /// can book or move the call to now (empty once it is verified), ISO 8601 in WIB.
    func verificationObject(of number: TicketNumber, in store: SQLiteTicketTransaction, now: Date) throws -> JSONValue {
        guard let status = try store.verificationStatus(of: number, at: now) else { return .null }
        let free = status.verifiedAt == nil ? try store.freeVerificationSlots(at: now) : []
        return .object([
            ("ready_at", Self.timestamp(status.readyAt)), ("no_shows", .int(status.noShows)),
            ("verified_at", Self.timestamp(status.verifiedAt)), ("paused", .bool(status.isPaused)),
            ("booking", status.booking.map(Self.object(of:)) ?? .null),
            ("hold", status.hold.map(Self.object(of:)) ?? .null),
            ("free_slots", .array(free.map { .string(JakartaTime.iso8601($0)) })),
        ])
    }

    static func object(of call: VerificationCall) -> JSONValue {
        .object([
            ("uid", .string(call.uid)), ("ticket", .int(call.ticket.value)), ("start", Self.timestamp(call.start)),
            ("start_local", .string(JakartaTime.iso8601(call.start))), ("verifier", .int(call.seat + 1)),
            ("state", .string(call.state.rawValue)), ("sequence", .int(call.sequence)), ("note", .string(call.note)),
            ("hold_until", Self.timestamp(call.holdUntil)),
        ])
    }
}
