import Conversation
import Foundation
import Intents
import Storage
import Support
import Ticketing
import WhatsAppOutbox

extension ConversationRuntime {
    /// Registered in WhatsApp Manager as a utility template with two body parameters: the call's date and time.
    public static let defaultReminderTemplate = OutboundMessage.Template(
        name: "loket_pengingat_verifikasi", language: "id")

    /// The verification call of the contact's newest open ticket whose documents staff found complete and
    /// that is not verified yet: its booking or hold, the free slots, and the calendar that explains a wish.
    /// - Parameter statuses: the open tickets' verification, by ticket (see `verificationStatuses`).
    func verificationOffer(
        among open: [Ticket], statuses: [TicketNumber: VerificationStatus], now: Date,
        in store: SQLiteTicketTransaction
    ) throws -> VerificationOffer? {
        for ticket in open {
            guard let status = statuses[ticket.number], status.verifiedAt == nil,
                !status.isPaused || status.booking != nil
            else { continue }
            let schedule = self.tickets.verification
            let horizon = schedule.horizonEnd(now: now)
            let today = JakartaTime.local(now).day
            var closed: [Int: VerificationOffer.DayClosure] = [:]
            for day in today...(JakartaTime.local(horizon).day + 14) {
                switch schedule.closure(onDay: day) {
                case .weekend?: closed[day] = .weekend
                case .holiday(let name)?: closed[day] = .holiday(name)
                case .noVerifier?: closed[day] = .noVerifier
                case nil: break
                }
            }
            let policy = schedule.policy
            let service = self.service(of: ticket)
            return VerificationOffer(
                ticket: ticket.number.value, serviceID: service?.id ?? ticket.category,
                businessForm: ticket.businessForm.flatMap(BusinessForm.init(rawValue:)), booking: status.booking?.start,
                hold: status.hold?.start,
                freeSlots: try store.freeVerificationSlots(at: now),
                slotMinutes: policy.slotMinutes, holdMinutes: policy.holdMinutes,
                windowStartMinute: policy.window.startMinute, windowEndMinute: policy.window.endMinute,
                earliest: schedule.earliestStart(now: now), horizonEnd: horizon, closedDays: closed,
                changeCutoff: Double(policy.changeCutoffHours) * 3600,
                callerName: policy.callerName, callerNumber: policy.callerNumber, directorNumber: ticket.directorPhone)
        }
        return nil
    }

    /// The verification of each of `open` that has one (its documents were found complete).
    func verificationStatuses(of open: [Ticket], now: Date, in store: SQLiteTicketTransaction) throws
        -> [TicketNumber: VerificationStatus]
    {
        var statuses: [TicketNumber: VerificationStatus] = [:]
        for ticket in open {
            statuses[ticket.number] = try store.verificationStatus(of: ticket.number, at: now)
        }
        return statuses
    }

    /// Where the call of `ticket` stands when the chat cannot book it: its documents still in review (a service
    /// with a call), held already, or left to staff after repeated no-shows; nil when it needs none or can be
    /// booked.
    func callStage(of ticket: Ticket, status: VerificationStatus?) -> TicketSummary.CallStage? {
        guard let status else { return self.service(of: ticket)?.verificationCall == true ? .documentsInReview : nil }
        if status.verifiedAt != nil { return .verified }
        return status.isPaused && status.booking == nil ? .arrangedByStaff : nil
    }

    /// The service a ticket was opened for: by the category it opened with, or, once staff classified it in their
    /// own words ("Registrasi"), by its title.
    func service(of ticket: Ticket) -> ServiceDefinition? {
        ticket.category.flatMap { self.catalogue.service(id: $0) }
            ?? self.catalogue.services.first { $0.title.indonesian == ticket.title }
    }

    /// When each reminder of a call at `start` falls due: the working day before at the policy's time, and
    /// the policy's minutes before; a moment already past at `now` is left out.
    func reminderTimes(for start: Date, now: Date) -> [(VerificationReminder, Date)] {
        let schedule = self.tickets.verification
        let policy = schedule.policy
        var day = JakartaTime.local(start).day - 1
        while !schedule.calendar.isWorkingDay(LocalDate(dayNumber: day)) { day -= 1 }
        let dayBefore = JakartaTime.instant(day: day, second: policy.dayBeforeReminderMinute * 60)
        let soon = start.addingTimeInterval(-Double(policy.minutesBeforeReminder) * 60)
        return [(.dayBefore, dayBefore), (.soon, soon)].filter { $0.1 > now && $0.1 < start }
    }

    /// Carries out a verification effect of the reducer in the open transaction.
    func executeVerification(_ effect: Effect, in execution: inout EffectExecution) throws {
        let store = SQLiteTicketStore.transaction(on: execution.database, configuration: self.tickets)
        switch effect {
        case .holdVerificationSlot(let ticket, let start):
            do {
                try store.holdVerification(TicketNumber(ticket), at: start, now: execution.now)
            } catch let error as TicketError {
                self.logger.info("verification.hold_refused", ["ticket": String(ticket), "error": "\(error)"])
                execution.followUps.append(.verificationSlotTaken(ticket: ticket, start: start))
            }
        case .bookVerification(let ticket, let start):
            let number = TicketNumber(ticket)
            do {
                let status = try store.verificationStatus(of: number, at: execution.now)
                if status?.hold?.start != start {
                    try store.holdVerification(number, at: start, now: execution.now)
                }
                let call = try store.confirmVerification(number, by: execution.reporter, at: execution.now)
                try self.scheduleReminders(
                    for: call, contact: execution.contact, now: execution.now, in: execution.database)
                self.logger.info(
                    "verification.booked",
                    [
                        "ticket": String(ticket), "start": JakartaTime.iso8601(call.start),
                        "sequence": String(call.sequence),
                    ])
            } catch let error as TicketError {
                self.logger.info("verification.booking_refused", ["ticket": String(ticket), "error": "\(error)"])
                execution.followUps.append(.verificationSlotTaken(ticket: ticket, start: start))
            }
        case .releaseVerificationHold(let ticket):
            try store.releaseVerificationHold(TicketNumber(ticket))
        case .cancelVerification(let ticket):
            try store.cancelVerification(TicketNumber(ticket), by: execution.reporter, reason: nil, at: execution.now)
            try self.cancelReminders(of: ticket, contact: execution.contact, in: execution.database)
        case .changeDirectorNumber(let ticket, let number):
            try store.changeDirectorPhone(
                of: TicketNumber(ticket), to: number, by: execution.reporter, at: execution.now)
        case .remind(let reply, let parameters):
            var template = self.reminderTemplate
            template.bodyParameters = parameters
            execution.outbound.append(
                OutboundMessage(to: execution.contact, payload: Self.payload(of: reply), fallbackTemplate: template))
        default:
            break
        }
    }

    /// (Re)schedules a booked call's reminders, replacing those of an earlier slot.
    public func scheduleReminders(for call: VerificationCall, contact: String, now: Date, in database: Database) throws
    {
        try self.cancelReminders(of: call.ticket.value, contact: contact, in: database)
        for (reminder, due) in self.reminderTimes(for: call.start, now: now) {
            try ConversationRecords.schedule(
                .verificationReminder(ticket: call.ticket.value, reminder: reminder), of: contact, at: due, in: database
            )
        }
    }

    public func cancelReminders(of ticket: Int, contact: String, in database: Database) throws {
        for reminder in VerificationReminder.allCases {
            try ConversationRecords.cancel(
                .verificationReminder(ticket: ticket, reminder: reminder), of: contact, in: database)
        }
    }
}
