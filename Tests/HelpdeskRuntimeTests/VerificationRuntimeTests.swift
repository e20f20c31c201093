import Conversation
import Dispatch
import Foundation
import Storage
import Support
import Synchronization
import Testing
import Ticketing
import WebhookServer
import WhatsAppOutbox

@testable import HelpdeskRuntime
@testable import LoketService

/// Verification calls through the runtime, on an injected clock: holds raced from many lanes, reminders as
/// durable timers that survive a restart, late reminders sent only while useful, and the template outside
/// the 24-hour window.
final class VerificationRuntimeTests: Sendable {
    /// Monday 7 December 2026, 09:00 WIB.
    static let monday = Date(timeIntervalSince1970: 1_796_608_800)

    final class LogLines: Sendable {
        let lines = Mutex<[String]>([])
    }

    let directory: URL
    let dialogs: LoketDialogs
    let logs = LogLines()

    init() throws {
        self.directory = FileManager.default.temporaryDirectory.appendingPathComponent("loket-verification-\(UUID())")
        try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        self.dialogs = try LoketApplication.loadDialogs(
            from: repository.appendingPathComponent("Dialogs").path, logger: .discarding)
    }

    deinit {
        try? FileManager.default.removeItem(at: self.directory)
    }

    /// A writer on the test's database file: a new one after "a restart" reads what the old one wrote.
    func openWriter() throws -> DatabaseWriter {
        try DatabaseWriter(
            path: self.directory.appendingPathComponent("loket.sqlite").path,
            migrators: [InboxStore.migrator, Outbox.migrator, TicketSchema.migrator, ConversationRecords.migrator])
    }

    func runtime(_ writer: DatabaseWriter) -> ConversationRuntime {
        let logs = self.logs
        return ConversationRuntime(
            catalogue: self.dialogs.catalogue, survey: self.dialogs.survey, recognizer: self.dialogs.recognizer,
            tickets: self.dialogs.tickets,
            media: ConversationRuntimeTests.ScriptedMedia { ConversationRuntimeTests.storedPDF($0) },
            writer: writer,
            logger: Logger(minimumLevel: .info) { line in logs.lines.withLock { $0.append(line) } })
    }

    /// Opens a registration ticket for `contact`, marks its documents complete and delivers the offer.
    func readyTicket(for contact: String, writer: DatabaseWriter, runtime: ConversationRuntime, at now: Date) throws
        -> [OutboundMessage]
    {
        try writer.write { database in
            let store = SQLiteTicketStore.transaction(on: database, configuration: runtime.tickets)
            let draft = TicketDraft(
                title: "Registrasi dan Verifikasi Berkas",
                description:
                    "Permohonan PT Maju Jaya. Nomor WhatsApp direksi untuk verifikasi video call: +6281311223344.",
                companyName: "PT Maju Jaya",
                businessForm: "pt", directorPhone: "+6281311223344", reporterWaID: contact, reporterName: "Budi",
                category: "registrasi")
            let ticket = try store.open(draft, at: now.addingTimeInterval(-3600)).ticket
            try store.markDocumentsComplete(ticket.number, by: .system, at: now)
            return try runtime.deliver(
                .verificationReady(ticket: ticket.number.value), to: contact, now: now, in: database)
        }
    }

    func send(
        _ content: InboundMessage.Content, from contact: String, id: String, writer: DatabaseWriter,
        runtime: ConversationRuntime, at now: Date
    ) throws -> [OutboundMessage] {
        let message = InboundMessage(
            id: id, sender: WebhookContact(waID: contact, profileName: "Budi"), timestamp: now, content: content)
        let context = StepContext(now: now, isStale: false, contact: message.sender)
        let preparation = try runtime.prepare(message, context: context)
        return try writer.write { try runtime.handle(message, preparation: preparation, context: context, in: $0) }
    }

    /// Opens `contact`'s ticket, offers the slots and books the first or last one offered in the chat, on
    /// Monday morning; returns the call's start.
    func bookInChat(_ contact: String, last: Bool, writer: DatabaseWriter, runtime: ConversationRuntime) throws -> Date
    {
        let offer = try self.readyTicket(for: contact, writer: writer, runtime: runtime, at: Self.monday)
        let slots = ConversationRuntimeTests.choices(in: offer).values.filter { $0.hasPrefix("slot.1") }.sorted()
        let slotID = try #require(last ? slots.last : slots.first)
        _ = try self.send(
            .listReply(id: slotID, title: "", description: nil), from: contact, id: "\(contact).pick", writer: writer,
            runtime: runtime, at: Self.monday)
        _ = try self.send(
            .buttonReply(id: "slot.confirm", title: ""), from: contact, id: "\(contact).confirm", writer: writer,
            runtime: runtime, at: Self.monday)
        return Date(timeIntervalSince1970: TimeInterval(Int(slotID.dropFirst("slot.".count))!))
    }

    /// Every provider taps the same slot at the same moment from its own thread (as the dispatcher's lanes
    /// do): exactly one holds it and books it, the others are told it was taken and offered others.
    @Test func manySimultaneousTapsOnTheLastSeatHaveOneWinner() throws {
        let writer = try self.openWriter()
        let runtime = self.runtime(writer)
        let contacts = (0..<8).map { "62812555\(1000 + $0)" }
        for round in 0..<5 {
            let now = Self.monday.addingTimeInterval(Double(round) * 600)
            var slotID = ""
            for contact in contacts {
                let offer = try self.readyTicket(for: contact, writer: writer, runtime: runtime, at: now)
                slotID = try #require(
                    ConversationRuntimeTests.choices(in: offer).values.sorted().first {
                        $0.hasPrefix("slot.") && $0 != "slot.later"
                    })
            }
            let answers = Mutex<[String: String]>([:])
            let tapped = slotID
            DispatchQueue.concurrentPerform(iterations: contacts.count) { index in
                let contact = contacts[index]
                let sent = try? self.send(
                    .listReply(id: tapped, title: "10.00–10.30 WIB", description: nil), from: contact,
                    id: "wamid.race.\(round).\(index)", writer: writer, runtime: runtime, at: now)
                answers.withLock { $0[contact] = ConversationRuntimeTests.texts(in: sent ?? []) }
            }
            let all = answers.withLock { $0 }
            let winners = all.filter { $0.value.contains("Waktu ini kami tahan") }
            #expect(winners.count == 1, "round \(round): \(all.values.map { $0.prefix(60) })")
            #expect(all.values.filter { $0.contains("baru saja diambil") }.count == contacts.count - 1)
            let winner = try #require(winners.first?.key)
            let booked = try self.send(
                .buttonReply(id: "slot.confirm", title: "Ya, pilih ini"), from: winner, id: "wamid.confirm.\(round)",
                writer: writer, runtime: runtime, at: now)
            #expect(ConversationRuntimeTests.texts(in: booked).contains("dijadwalkan pada"))
            let start = Date(timeIntervalSince1970: TimeInterval(Int(slotID.dropFirst("slot.".count))!))
            let live = try writer.read { database in
                try database.queryFirst(
                    "SELECT count(*) FROM verification_calls WHERE slot_start = ? AND state IN ('held', 'booked')",
                    [.integer(Int64(start.timeIntervalSince1970 * 1000))]
                ) { $0.int(0) } ?? 0
            }
            #expect(live == 1)
            // Each round opens new tickets; cancel this round's so every round races for a fresh first slot.
            try writer.write { database in
                try database.run("UPDATE tickets SET is_open = 0")
            }
        }
    }

    /// Booked in the chat, the reminders are timers in the database: after a restart the day-before one is
    /// sent, outside the 24-hour window as the reminder template with the date and time; the one 30 minutes
    /// before fell due while the service was down and is sent late, before the call; a reminder due after the
    /// call began is dropped and logged.
    @Test func remindersSurviveARestartAreSentLateOnlyWhileUsefulAndGoAsTemplatesOutsideTheWindow() throws {
        let contact = "6281255501234"
        var start = Date()
        do {
            let writer = try self.openWriter()
            let runtime = self.runtime(writer)
            // The last slot offered (a later day): both reminders lie ahead.
            start = try self.bookInChat(contact, last: true, writer: writer, runtime: runtime)
            let timers = try writer.read {
                try $0.query("SELECT timer FROM conversation_timers WHERE contact = ?", [.text(contact)]) {
                    $0.string(0)
                }
            }
            #expect(timers.filter { $0.contains("verificationReminder") }.count == 2)
        }
        // "Restart": a new writer and runtime on the same file. The day before the call, 15:00 WIB.
        let writer = try self.openWriter()
        let runtime = self.runtime(writer)
        var day = JakartaTime.local(start).day - 1
        while !runtime.tickets.lifecycle.calendar.isWorkingDay(LocalDate(dayNumber: day)) { day -= 1 }
        let dayBefore = JakartaTime.instant(day: day, second: 15 * 3600 + 60)
        let outbox = Outbox()
        let before = try writer.read { try $0.queryFirst("SELECT max(id) FROM outbound_messages") { $0.int(0) } ?? 0 }
        ConversationTimerRunner(
            writer: writer, runtime: runtime, outbox: outbox, logger: .discarding, now: { dayBefore }
        ).runDue()
        let reminder = try writer.read {
            try $0.query("SELECT payload FROM outbound_messages WHERE id > ?", [.int(before)]) { $0.string(0) }
        }.joined()
        #expect(reminder.contains("Pengingat: video call verifikasi"))
        #expect(reminder.contains("loket_pengingat_verifikasi"))

        // The provider last wrote on Monday morning; the window has closed: the stand-in receives the template.
        let standIn = GraphAPIStandIn(
            configuration: .init(accessToken: "token", publicBaseURL: "http://graph.test/v21.0"))
        try writer.write { try outbox.recordInbound(from: contact, at: Self.monday, in: $0) }
        let transport = LocalGraphTransport(responder: standIn, accessToken: "token")
        let sender = OutboxSender(
            configuration: .init(phoneNumberID: "106540352242922", workerCount: 1), outbox: outbox, writer: writer,
            makeTransport: { _ in transport }, clock: { dayBefore })
        while let next = sender.runDue(), next <= dayBefore {}
        let templates = standIn.acceptedMessages.map(\.bodyText).filter { $0.contains("\"template\"") }
        #expect(
            templates.contains {
                $0.contains("loket_pengingat_verifikasi") && $0.contains(CalendarWordsProbe.time(start))
            })

        // Down from before 30-minutes-before until 10 minutes before the call: sent late.
        let late = start.addingTimeInterval(-10 * 60)
        let beforeLate = try writer.read {
            try $0.queryFirst("SELECT max(id) FROM outbound_messages") { $0.int(0) } ?? 0
        }
        ConversationTimerRunner(writer: writer, runtime: runtime, outbox: outbox, logger: .discarding, now: { late })
            .runDue()
        let soon = try writer.read {
            try $0.query("SELECT payload FROM outbound_messages WHERE id > ?", [.int(beforeLate)]) { $0.string(0) }
        }.joined()
        #expect(soon.contains("dimulai 10 menit lagi"))

        // A second provider's reminder falls due while the service is down past the call: dropped, logged.
        let other = "6281255509999"
        let otherStart = try self.bookInChat(other, last: false, writer: writer, runtime: runtime)
        let afterCall = otherStart.addingTimeInterval(3600)
        let beforeDrop = try writer.read {
            try $0.queryFirst("SELECT max(id) FROM outbound_messages") { $0.int(0) } ?? 0
        }
        ConversationTimerRunner(
            writer: writer, runtime: runtime, outbox: outbox, logger: runtime.logger, now: { afterCall }
        ).runDue()
        let dropped = try writer.read {
            try $0.query(
                "SELECT payload FROM outbound_messages WHERE id > ? AND recipient = ?",
                [.int(beforeDrop), .text(other)]
            ) { $0.string(0) }
        }
        #expect(dropped.isEmpty)
        #expect(self.logs.lines.withLock { $0 }.contains { $0.contains("verification.reminder_dropped") })
    }

    /// "ganti jadwal" moves the booking: the old slot is free again, the reminders follow the new slot, and
    /// "batalkan jadwal" cancels them.
    @Test func movingAndCancellingInTheChatMoveAndCancelTheReminders() throws {
        let contact = "6281255507777"
        let writer = try self.openWriter()
        let runtime = self.runtime(writer)
        let offer = try self.readyTicket(for: contact, writer: writer, runtime: runtime, at: Self.monday)
        let slots = ConversationRuntimeTests.choices(in: offer).values.filter { $0.hasPrefix("slot.1") }.sorted()
        var id = 0
        func send(_ content: InboundMessage.Content) throws -> [OutboundMessage] {
            id += 1
            return try self.send(
                content, from: contact, id: "m\(id)", writer: writer, runtime: runtime, at: Self.monday)
        }
        _ = try send(.listReply(id: slots[0], title: "", description: nil))
        let booked = try send(.buttonReply(id: "slot.confirm", title: ""))
        // The call goes to the director's number of the ticket, named for the provider to check.
        #expect(ConversationRuntimeTests.texts(in: booked).contains("akan menghubungi nomor direksi +6281311223344"))
        func timers() throws -> [Double] {
            try writer.read {
                try $0.query(
                    "SELECT due_at FROM conversation_timers WHERE contact = ? AND timer LIKE '%verificationReminder%' ORDER BY due_at",
                    [.text(contact)]
                ) { $0.double(0) }
            }
        }
        let first = try timers()
        let list = try send(.text("ganti jadwal"))
        #expect(ConversationRuntimeTests.texts(in: list).contains("Pilih waktu baru"))
        let newSlot = try #require(
            ConversationRuntimeTests.choices(in: list).values.filter { $0.hasPrefix("slot.1") }.sorted().last)
        _ = try send(.listReply(id: newSlot, title: "", description: nil))
        let moved = try send(.buttonReply(id: "slot.confirm", title: ""))
        #expect(ConversationRuntimeTests.texts(in: moved).contains("dipindah ke"))
        let second = try timers()
        #expect(second.count == 2 && second != first)
        let calls = try writer.read {
            try $0.query("SELECT sequence, state FROM verification_calls") { "\($0.int(0)) \($0.string(1))" }
        }
        #expect(calls == ["1 booked"])
        _ = try send(.text("batalkan jadwal"))
        let cancelled = try send(.buttonReply(id: "callcancel.yes", title: ""))
        #expect(ConversationRuntimeTests.texts(in: cancelled).contains("dibatalkan"))
        #expect(try timers().isEmpty)
    }

    /// A new number for the director written in the chat with the call booked: the ticket keeps it, staff read
    /// the message and the change among its activities, and the call's details name it from then on.
    @Test func aNewDirectorNumberInTheChatIsTheCallsFromThenOn() throws {
        let contact = "6281255508888"
        let writer = try self.openWriter()
        let runtime = self.runtime(writer)
        _ = try self.bookInChat(contact, last: false, writer: writer, runtime: runtime)
        let text = "nanti yg vc direktur pakai hp sendiri ya, nomornya 0812 9876 5432"
        let changed = try self.send(
            .text(text), from: contact, id: "m1", writer: writer, runtime: runtime, at: Self.monday)
        #expect(ConversationRuntimeTests.texts(in: changed).contains("kami ganti menjadi +6281298765432"))
        let (ticket, activities) = try writer.read { database in
            let store = SQLiteTicketStore.transaction(on: database, configuration: runtime.tickets)
            let ticket = try #require(try store.tickets(ofContact: contact, includeClosed: false, limit: 1).first)
            return (ticket, try store.activities(of: ticket.number))
        }
        #expect(ticket.directorPhone == "+6281298765432")
        #expect(
            ticket.description.contains("+6281298765432") && !ticket.description.contains("+6281311223344"),
            "the description names the call's number: \(ticket.description)")
        #expect(activities.contains { $0.kind == .reporterMessage && $0.text == text })
        #expect(
            activities.contains {
                $0.kind == .directorNumberChanged && $0.text == "+6281311223344 → +6281298765432"
                    && $0.actor.role == .reporter
            })
        let details = try self.send(
            .text("dokumen asli apa aja yg disiapkan?"), from: contact, id: "m2", writer: writer, runtime: runtime,
            at: Self.monday)
        #expect(ConversationRuntimeTests.texts(in: details).contains("nomor direksi +6281298765432"))
    }
}

extension VerificationRuntimeTests {
    /// At 08:00 WIB on a working day the day's agenda is posted for staff once, late after a restart,
    /// never on a day without calls work (a Saturday).
    @Test func theDaysAgendaIsPostedForStaffAt0800Once() throws {
        let writer = try self.openWriter()
        let runtime = self.runtime(writer)
        let contact = "6281255504444"
        let start = try self.bookInChat(contact, last: true, writer: writer, runtime: runtime)
        let day = JakartaTime.local(start).day
        func notices() throws -> [StaffNotice] {
            try writer.read {
                try SQLiteTicketStore.transaction(on: $0, configuration: runtime.tickets).notices(after: 0, limit: 10)
            }
        }
        func run(at second: Int, on day: Int) {
            let now = JakartaTime.instant(day: day, second: second)
            ConversationTimerRunner(
                writer: writer, runtime: runtime, outbox: Outbox(), logger: .discarding, now: { now }
            ).runDue()
        }
        run(at: 7 * 3600 + 59 * 60, on: day)
        #expect(try notices().filter { $0.day.dayNumber == day }.isEmpty)
        run(at: 9 * 3600, on: day)
        run(at: 9 * 3600 + 30, on: day)
        let posted = try notices().filter { $0.day.dayNumber == day }
        #expect(posted.count == 1)
        #expect(posted.first?.body.contains("tiket #") == true && posted.first?.body.contains("PT Maju Jaya") == true)
        #expect(posted.first?.body.contains("1 panggilan") == true)
        var saturday = day
        while LocalDate.isoWeekday(dayNumber: saturday) != 6 { saturday += 1 }
        run(at: 9 * 3600, on: saturday)
        #expect(try notices().allSatisfy { $0.day.dayNumber != saturday })
    }
}

/// The time as a reminder template's parameter shows it ("10.00 WIB").
enum CalendarWordsProbe {
    static func time(_ date: Date) -> String {
        let second = JakartaTime.local(date).second
        let hours = second / 3600
        let minutes = second % 3600 / 60
        return (hours < 10 ? "0" : "") + "\(hours)." + (minutes < 10 ? "0" : "") + "\(minutes) WIB"
    }
}

extension VerificationRuntimeTests {
    /// The reducer learns where each open ticket's call stands: a registration's documents still in review, a
    /// verified call; a service without a call (a consultation) has none, and a call that can be booked is
    /// the offer's.
    @Test func eachOpenTicketSaysWhereItsCallStands() throws {
        let writer = try self.openWriter()
        let runtime = self.runtime(writer)
        let contact = "6281234500077"
        let numbers = try writer.write { database in
            let store = SQLiteTicketStore.transaction(on: database, configuration: runtime.tickets)
            return try [("Registrasi dan Verifikasi Berkas", "registrasi"), ("Konsultasi", "konsultasi")].map {
                title, category in
                let draft = TicketDraft(
                    title: title, description: "Permohonan PT Maju Jaya", companyName: "PT Maju Jaya",
                    businessForm: "pt", reporterWaID: contact, reporterName: "Budi", category: category)
                return try store.open(draft, at: Self.monday.addingTimeInterval(-3600)).ticket.number
            }
        }
        func stages() throws -> [Int: TicketSummary.CallStage?] {
            let context = try writer.read { database in
                try runtime.context(
                    for: contact, profileName: "Budi", state: ConversationState(), event: .inactivityTimeout,
                    now: Self.monday, in: database)
            }
            return Dictionary(uniqueKeysWithValues: context.openTickets.map { ($0.number, $0.call) })
        }
        #expect(try stages() == [numbers[0].value: .documentsInReview, numbers[1].value: nil])
        try writer.write { database in
            let store = SQLiteTicketStore.transaction(on: database, configuration: runtime.tickets)
            try store.markDocumentsComplete(numbers[0], by: .system, at: Self.monday)
        }
        #expect(try stages() == [numbers[0].value: nil, numbers[1].value: nil])
        try writer.write { database in
            let store = SQLiteTicketStore.transaction(on: database, configuration: runtime.tickets)
            let slot = try #require(try store.freeVerificationSlots(at: Self.monday).first)
            _ = try store.holdVerification(numbers[0], at: slot, now: Self.monday)
            _ = try store.confirmVerification(numbers[0], by: .system, at: Self.monday)
            try store.recordVerificationOutcome(numbers[0], .done, by: .system, at: slot.addingTimeInterval(600))
        }
        #expect(try stages() == [numbers[0].value: .verified, numbers[1].value: nil])
    }
}
