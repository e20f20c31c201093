import Conversation
import Foundation
import Storage
import Support
import Ticketing
import WebhookServer
import WhatsAppOutbox

/// Delivers due conversation timers (inactivity, survey reminders) and closes resolved tickets nobody
/// answered, feeding each result through the contact's conversation in one transaction with its replies;
/// once an hour it also runs the document retention.
public final class ConversationTimerRunner: Sendable, Service {
    private let writer: DatabaseWriter
    private let runtime: ConversationRuntime
    private let outbox: any OutboxQueue
    private let logger: Logger
    private let now: @Sendable () -> Date
    private let onEnqueued: @Sendable () -> Void
    /// The longest pause between two looks at the timers and the auto-close queue.
    private let interval: TimeInterval
    private let retention: DocumentRetention?
    private let control = Control()

    public init(
        writer: DatabaseWriter, runtime: ConversationRuntime, outbox: any OutboxQueue, logger: Logger,
        retention: DocumentRetention? = nil, interval: TimeInterval = 30,
        now: @escaping @Sendable () -> Date = { Date() }, onEnqueued: @escaping @Sendable () -> Void = {}
    ) {
        self.retention = retention
        self.writer = writer
        self.runtime = runtime
        self.outbox = outbox
        self.logger = logger
        self.interval = interval
        self.now = now
        self.onEnqueued = onEnqueued
    }

    public func start() {
        guard self.control.begin() else { return }
        WorkerThread.start(name: "loket-timers", background: true) { [self] in
            var lastHousekeeping = Date.distantPast
            while self.control.isRunning {
                if let retention = self.retention, self.now().timeIntervalSince(lastHousekeeping) >= 3600 {
                    lastHousekeeping = self.now()
                    do {
                        // A stop ends the purge between two batches; the next start deletes the rest.
                        try retention.purge(now: lastHousekeeping) { self.control.isRunning }
                    } catch {
                        self.logger.error("retention.failed", ["error": "\(error)"])
                    }
                }
                let next = self.runDue()
                let pause = max(
                    0.05, min(self.interval, next.map { $0.timeIntervalSince(self.now()) } ?? self.interval))
                self.control.wait(seconds: pause)
            }
            self.control.finished()
        }
    }

    public func stop() {
        self.control.end()
    }

    /// Wakes the runner early (a timer was scheduled sooner than its next look).
    public func wake() {
        self.control.wake()
    }

    /// Delivers everything due now; returns when the next timer is due.
    @discardableResult
    public func runDue() -> Date? {
        let now = self.now()
        do {
            let (queued, next) = try self.writer.write { database -> (Int, Date?) in
                var queued = 0
                for (contact, timer) in try ConversationRecords.takeDueTimers(at: now, limit: 200, in: database) {
                    let event: ConversationEvent
                    switch timer {
                    case .inactivity: event = .inactivityTimeout
                    case .surveyReminder(let ticket): event = .surveyReminderDue(ticket: ticket)
                    case .verificationReminder(let ticket, let reminder):
                        event = .verificationReminderDue(ticket: ticket, reminder: reminder)
                    }
                    let sent = self.deliver(event, to: contact, now: now, in: database)
                    if case .verificationReminder(let ticket, let reminder) = timer, sent == 0 {
                        // Due while the service was down and the call has begun (or it was cancelled): too late.
                        self.logger.info(
                            "verification.reminder_dropped", ["ticket": String(ticket), "reminder": reminder.rawValue])
                    }
                    queued += sent
                }
                let store = SQLiteTicketStore.transaction(on: database, configuration: self.runtime.tickets)
                for transition in try store.autoCloseDue(at: now, limit: 200) {
                    let ticket = transition.ticket
                    self.logger.info("ticket.auto_closed", ["ticket": "\(ticket.number)"])
                    queued += self.deliver(
                        .ticketClosed(ticket: ticket.number.value), to: ticket.reporterWaID, now: now, in: database)
                }
                try self.postAgenda(now: now, store: store)
                return (queued, try ConversationRecords.nextTimerDue(in: database))
            }
            if queued > 0 { self.onEnqueued() }
            return next
        } catch {
            self.logger.error("timers.run_failed", ["error": "\(error)"])
            return nil
        }
    }

    /// One event in its own savepoint: a failure is logged and dropped without undoing the others.
    private func deliver(_ event: ConversationEvent, to contact: String, now: Date, in database: Database) -> Int {
        do {
            return try database.transaction {
                let messages = try self.runtime.deliver(event, to: contact, now: now, in: database)
                try self.outbox.enqueue(messages, in: database, now: now)
                return messages.count
            }
        } catch {
            self.logger.error("timers.event_failed", ["wa_id": contact, "event": "\(event)", "error": "\(error)"])
            return 0
        }
    }
}

extension ConversationTimerRunner {
    /// From the policy's agenda time (08:00 WIB) on a working day, posts that day's verification agenda for
    /// staff once (a notice in the store, read through the staff API); posted late after downtime, never
    /// for a day gone by.
    func postAgenda(now: Date, store: SQLiteTicketTransaction) throws {
        let schedule = self.runtime.tickets.verification
        let (day, second) = JakartaTime.local(now)
        let date = LocalDate(dayNumber: day)
        guard schedule.calendar.isWorkingDay(date), second >= schedule.policy.agendaMinute * 60 else { return }
        let start = JakartaTime.instant(day: day, second: 0)
        let calls = try store.verificationCalls(from: start, to: start.addingTimeInterval(86_400))
            .filter { $0.state == .booked }
        var lines = ["Agenda video call verifikasi \(date): \(calls.count) panggilan."]
        for call in calls {
            let ticket = try store.ticket(call.ticket)
            let phone = ticket?.directorPhone ?? ticket?.reporterWaID ?? "-"
            lines.append(
                "• \(JakartaTime.format(call.start).suffix(9)) Verifikator \(call.seat + 1): tiket #\(call.ticket.value) "
                    + "\(ticket?.companyName ?? "-"), direktur \(phone)")
        }
        if try store.postNotice(kind: "verification_agenda", day: date, body: lines.joined(separator: "\n"), at: now) {
            self.logger.info("verification.agenda_posted", ["day": date.description, "calls": String(calls.count)])
        }
    }
}

extension ConversationTimerRunner {
    /// The runner thread's running flag and wake-up condition.
    ///
    /// `@unchecked Sendable`: every field is read and written only while holding `condition`.
    private final class Control: @unchecked Sendable {
        private let condition = NSCondition()
        private var running = false
        private var woken = false
        private var exited = true

        var isRunning: Bool {
            self.condition.lock()
            defer { self.condition.unlock() }
            return self.running
        }

        func begin() -> Bool {
            self.condition.lock()
            defer { self.condition.unlock() }
            guard !self.running else { return false }
            self.running = true
            self.exited = false
            return true
        }

        func end() {
            self.condition.lock()
            self.running = false
            self.condition.broadcast()
            while !self.exited { self.condition.wait() }
            self.condition.unlock()
        }

        func finished() {
            self.condition.lock()
            self.exited = true
            self.condition.broadcast()
            self.condition.unlock()
        }

        func wake() {
            self.condition.lock()
            self.woken = true
            self.condition.broadcast()
            self.condition.unlock()
        }

        func wait(seconds: TimeInterval) {
            self.condition.lock()
            let deadline = Date().addingTimeInterval(seconds)
            while self.running && !self.woken {
                if !self.condition.wait(until: deadline) { break }
            }
            self.woken = false
            self.condition.unlock()
        }
    }
}
