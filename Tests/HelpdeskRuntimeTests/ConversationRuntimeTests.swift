import Conversation
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

/// The conversation runtime at the edge of the reducer: downloads before the transaction, refusals by the
/// ticket domain, and timers and auto-close delivered through the conversation.
struct ConversationRuntimeTests {
    static let contact = "6281234567890"
    /// Monday 7 December 2026, 09:00 WIB.
    static let monday = Date(timeIntervalSince1970: 1_796_608_800)

    /// A media fetcher that answers from a script, counts its calls, and counts the calls made while the
    /// database writer was held by the calling thread (a download inside a transaction).
    final class ScriptedMedia: MediaFetcher {
        let calls = Mutex(0)
        let callsHoldingTheWriter = Mutex(0)
        let watched = Mutex<DatabaseWriter?>(nil)
        let answer: @Sendable (String) throws -> StoredMedia

        init(answer: @escaping @Sendable (String) throws -> StoredMedia) {
            self.answer = answer
        }

        func fetch(mediaID: String, expectedSHA256: String?, limits: MediaLimits) throws -> StoredMedia {
            self.calls.withLock { $0 += 1 }
            if self.watched.withLock({ $0?.isHeldByCurrentThread ?? false }) {
                self.callsHoldingTheWriter.withLock { $0 += 1 }
            }
            return try self.answer(mediaID)
        }
    }

    static func storedPDF(_ mediaID: String) -> StoredMedia {
        let hash = String(repeating: mediaID.hasSuffix("1") ? "a" : "b", count: 64)
        return StoredMedia(sha256: hash, size: 2048, mimeType: "application/pdf", path: "media/aa/\(hash)")
    }

    let writer: DatabaseWriter
    let runtime: ConversationRuntime
    let media: ScriptedMedia
    let outbox = Outbox()
    private var sequence = 0

    init(media: ScriptedMedia = ScriptedMedia(answer: { ConversationRuntimeTests.storedPDF($0) })) throws {
        let writer = try DatabaseWriter(
            path: ":memory:",
            migrators: [InboxStore.migrator, Outbox.migrator, TicketSchema.migrator, ConversationRecords.migrator])
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let dialogs = try LoketApplication.loadDialogs(
            from: repository.appendingPathComponent("Dialogs").path, logger: .discarding)
        self.writer = writer
        self.media = media
        media.watched.withLock { $0 = writer }
        self.runtime = ConversationRuntime(
            catalogue: dialogs.catalogue, survey: dialogs.survey, recognizer: dialogs.recognizer,
            tickets: dialogs.tickets, media: media, writer: writer, logger: .discarding)
    }

    /// Sends one message as the dispatcher would: `prepare` outside, `handle` inside a transaction (through
    /// `other`, a second runtime on the same database, when given).
    mutating func send(
        _ content: InboundMessage.Content, at now: Date = Self.monday, through other: ConversationRuntime? = nil
    ) throws -> [OutboundMessage] {
        self.sequence += 1
        let message = InboundMessage(
            id: "wamid.runtime.\(self.sequence)", sender: WebhookContact(waID: Self.contact, profileName: "Budi"),
            timestamp: now, content: content)
        let context = StepContext(now: now, isStale: false, contact: message.sender)
        let runtime = other ?? self.runtime
        let preparation = try runtime.prepare(message, context: context)
        return try self.writer.write { database in
            try runtime.handle(message, preparation: preparation, context: context, in: database)
        }
    }

    /// The reply buttons and list rows of `messages`, by title.
    static func choices(in messages: [OutboundMessage]) -> [String: String] {
        var choices: [String: String] = [:]
        for message in messages {
            switch message.payload {
            case .buttons(_, let buttons, _, _):
                for button in buttons { choices[button.title] = button.id }
            case .list(_, _, let sections, _, _):
                for row in sections.flatMap(\.rows) { choices[row.title] = row.id }
            case .text, .document, .image, .video, .template, .markRead:
                break
            }
        }
        return choices
    }

    static func texts(in messages: [OutboundMessage]) -> String {
        messages.compactMap { message -> String? in
            switch message.payload {
            case .text(let text): text
            case .buttons(let body, _, _, _): body
            case .list(let body, _, _, _, _): body
            case .document, .image, .video, .template, .markRead: nil
            }
        }.joined(separator: "\n")
    }

    /// Walks a new provider to the registration's privacy notice; returns the id of its "Setuju" button.
    mutating func walkToConsent() throws -> String {
        // "menu" always lists the services; a second "halo" right after them would not.
        let menu = try self.send(.text("menu"))
        let service = try #require(
            Self.choices(in: menu).first { $0.key.hasPrefix("Registrasi") }, "the menu offers registration")
        _ = try self.send(.listReply(id: service.value, title: service.key, description: nil))
        let phone = try self.send(.text("PT Maju Jaya"))
        let own = try #require(Self.choices(in: phone)["Pakai nomor ini"])
        let consent = try self.send(.buttonReply(id: own, title: "Pakai nomor ini"))
        return try #require(Self.choices(in: consent)["Setuju"])
    }

    /// Walks a new provider to the registration's document checklist.
    mutating func walkToDocuments() throws {
        let agree = try self.walkToConsent()
        _ = try self.send(.buttonReply(id: agree, title: "Setuju"))
    }

    /// Opens a ticket for the contact directly in the store.
    func openTicket() throws {
        let configuration = self.runtime.tickets
        try self.writer.write { database in
            let draft = TicketDraft(
                title: "Registrasi dan Verifikasi Berkas", description: "Permohonan atas nama PT Maju Jaya",
                companyName: "PT Maju Jaya", reporterWaID: Self.contact, reporterName: "Budi")
            _ = try SQLiteTicketStore.transaction(on: database, configuration: configuration)
                .open(draft, at: Self.monday.addingTimeInterval(-3600))
        }
    }

    /// Level 1 staff member Sari takes ticket `number` from the queue; returns the store and her record.
    @discardableResult
    func takeAsStaff(_ number: Int) throws -> (store: SQLiteTicketStore, staff: StaffMember) {
        let store = try SQLiteTicketStore(writer: self.writer, configuration: self.runtime.tickets)
        let staff = StaffMember(id: "sari", name: "Sari", level: .level1)
        try store.write { tickets in
            try tickets.saveStaff(staff)
            try tickets.apply(
                .take(
                    TicketClassification(
                        category: "Registrasi", type: .permintaanLayanan, priority: .normal,
                        applicationVersion: "SPSE 4.5")),
                to: TicketNumber(number), by: .staff(staff), at: Self.monday)
        }
        return (store, staff)
    }

    /// Executes `effects` in one transaction, as the contact's message would at Monday 09:00; returns the events
    /// they lead to.
    @discardableResult
    func execute(_ effects: [Effect]) throws -> [ConversationEvent] {
        let runtime = self.runtime
        return try self.writer.write { database in
            var execution = EffectExecution(
                contact: Self.contact, profileName: "Budi", now: Self.monday, preparation: MessagePreparation(),
                database: database)
            for effect in effects { try runtime.execute(effect, in: &execution) }
            return execution.followUps
        }
    }

    static func pdf(_ id: String) -> InboundMessage.Content {
        .document(InboundMessage.Media(id: id, mimeType: "application/pdf", filename: "\(id).pdf"))
    }

    /// Each message is marked read after its replies are queued, so the answer never waits behind the receipt.
    @Test mutating func theReadReceiptIsQueuedAfterTheReplies() throws {
        let queued = try self.send(.text("halo"))
        let receipts = queued.indices.filter {
            if case .markRead = queued[$0].payload { return true }
            return false
        }
        #expect(queued.count >= 2 && receipts == [queued.count - 1], "\(queued.map(\.payload))")
        #expect(queued.last?.payload == .markRead(messageID: "wamid.runtime.\(self.sequence)", typingIndicator: false))
    }

    /// A message whose transaction rolled back leaves the conversation where it was: the next message is
    /// answered from the stored state, not from the state that transaction saved (and the cache remembered).
    @Test mutating func aRolledBackMessageLeavesTheConversationWhereItWas() throws {
        struct Abort: Error {}
        let menu = try self.send(.text("halo"))
        let service = try #require(Self.choices(in: menu).first { $0.key.hasPrefix("Registrasi") })
        let choice = InboundMessage.Content.listReply(id: service.value, title: service.key, description: nil)
        let before = try self.writer.read { try ConversationRecords.stateJSON(of: Self.contact, in: $0) }
        let message = InboundMessage(
            id: "wamid.runtime.rolled-back", sender: WebhookContact(waID: Self.contact, profileName: "Budi"),
            timestamp: Self.monday, content: choice)
        let context = StepContext(now: Self.monday, isStale: false, contact: message.sender)
        let runtime = self.runtime
        #expect(throws: Abort.self) {
            try self.writer.write { database in
                _ = try runtime.handle(message, preparation: MessagePreparation(), context: context, in: database)
                throw Abort()
            }
        }
        #expect(try self.writer.read { try ConversationRecords.stateJSON(of: Self.contact, in: $0) } == before)
        let again = Self.texts(in: try self.send(choice))
        var other = try ConversationRuntimeTests()
        _ = try other.send(.text("halo"))
        let expected = Self.texts(in: try other.send(choice))
        #expect(!again.isEmpty && again == expected, "\(again)")
    }

    /// On a Saturday the runtime knows staff next work on Monday at 08:00 WIB, and the provider is told.
    @Test mutating func aHandOffOnASaturdaySaysStaffAnswerOnMonday() throws {
        let saturday = Self.monday.addingTimeInterval(-2 * 86_400 + 3_600)
        let answer = Self.texts(in: try self.send(.text("petugas"), at: saturday))
        #expect(answer.contains("Senin, 7 Desember 2026 pukul 08.00 WIB"), "\(answer)")
        let weekday = Self.texts(in: try self.send(.text("petugas"), at: Self.monday))
        #expect(!weekday.contains("di luar jam layanan"))
    }

    /// What the runtime says beside the reducer (a ticket's state, who it waits on, the stale-replay notice)
    /// comes from `Dialogs/`, in the contact's language.
    @Test mutating func textsBesideTheReducerComeFromTheDialogsInTheContactsLanguage() throws {
        try self.openTicket()
        let catalogue = self.runtime.catalogue
        let status = Self.texts(in: try self.send(.text("cek status tiket saya")))
        #expect(status.contains(catalogue.text(.ticketStateNew, in: .indonesian)))
        #expect(status.contains(catalogue.text(.waitingLevel1, in: .indonesian)))
        _ = try self.send(.text("english please"))
        let message = InboundMessage(
            id: "wamid.runtime.stale", sender: WebhookContact(waID: Self.contact, profileName: "Budi"),
            timestamp: Self.monday, content: .text("hello"))
        let runtime = self.runtime
        let notice = try self.writer.write { database in try runtime.staleNotice(for: message, in: database) }
        #expect(notice == catalogue.text(.staleNotice, in: .english))
        #expect(!notice.contains("Mohon maaf"))
    }

    @Test mutating func aDocumentIsDownloadedOnceBeforeTheTransaction() throws {
        try self.walkToDocuments()
        let message = InboundMessage(
            id: "wamid.doc", sender: WebhookContact(waID: Self.contact), timestamp: Self.monday,
            content: Self.pdf("media-1"))
        let context = StepContext(now: Self.monday, isStale: false, contact: message.sender)
        let preparation = try self.runtime.prepare(message, context: context)
        #expect(self.media.calls.withLock { $0 } == 1)
        #expect(try preparation.downloads["media-1"]?.get() == Self.storedPDF("media-1"))
        let runtime = self.runtime
        let replies = try self.writer.write { database in
            try runtime.handle(message, preparation: preparation, context: context, in: database)
        }
        #expect(self.media.calls.withLock { $0 } == 1, "the transaction used the prepared download")
        #expect(Self.texts(in: replies).contains("NPWP Perusahaan"), "the checklist moves on to the next document")
    }

    @Test mutating func aFileHeldUntilTheProviderChoosesItsTicketIsDownloadedBeforeTheTransaction() throws {
        try self.openTicket()
        try self.openTicket()
        let question = try self.send(Self.pdf("media-1"))
        #expect(Self.texts(in: question).contains("File media-1.pdf untuk tiket yang mana?"))
        #expect(self.media.calls.withLock { $0 } == 0, "nothing is downloaded before the ticket is known")
        let choice = try #require(Self.choices(in: question).first { $0.key.contains("#2") })

        let replies = try self.send(.listReply(id: choice.value, title: choice.key, description: nil))
        #expect(self.media.calls.withLock { $0 } == 1)
        #expect(self.media.callsHoldingTheWriter.withLock { $0 } == 0, "no download while the writer is held")
        #expect(Self.texts(in: replies).contains("#2"))
        let store = try SQLiteTicketStore(writer: self.writer, configuration: self.runtime.tickets)
        let attachments = try store.read { try $0.attachments(of: TicketNumber(2)) }
        #expect(attachments.map(\.originalName) == ["media-1.pdf"])
    }

    @Test mutating func filesSentBeforeTheirQuestionAreDownloadedWhenATextLaterReleasesThem() throws {
        let menu = try self.send(.text("halo"))
        let service = try #require(Self.choices(in: menu).first { $0.key.hasPrefix("Registrasi") })
        _ = try self.send(.listReply(id: service.value, title: service.key, description: nil))
        // Both PDFs arrive while the company name is asked: held in the draft, nothing downloaded yet.
        _ = try self.send(Self.pdf("media-1"))
        _ = try self.send(Self.pdf("media-2"))
        #expect(self.media.calls.withLock { $0 } == 0)
        let phone = try self.send(.text("PT Maju Jaya"))
        let own = try #require(Self.choices(in: phone)["Pakai nomor ini"])
        let consent = try self.send(.buttonReply(id: own, title: "Pakai nomor ini"))
        let agree = try #require(Self.choices(in: consent)["Setuju"])
        // Consent, a button without a file of its own, releases them: prepared outside the writer.
        let replies = try self.send(.buttonReply(id: agree, title: "Setuju"))
        #expect(self.media.calls.withLock { $0 } == 2)
        #expect(self.media.callsHoldingTheWriter.withLock { $0 } == 0)
        #expect(Self.texts(in: replies).contains("media-2.pdf"), "\(Self.texts(in: replies))")
    }

    @Test mutating func aDownloadTheStateAskedForAfterPreparingIsRetriedNotFetchedInTheTransaction() throws {
        _ = try self.walkToConsent()
        // Prepared while consent is still missing, the PDF asks for no download; consent then arrives first.
        let message = InboundMessage(
            id: "wamid.early", sender: WebhookContact(waID: Self.contact), timestamp: Self.monday,
            content: Self.pdf("media-1"))
        let context = StepContext(now: Self.monday, isStale: false, contact: message.sender)
        let stalePreparation = try self.runtime.prepare(message, context: context)
        #expect(stalePreparation.downloads.isEmpty)
        _ = try self.send(.buttonReply(id: "consent.yes", title: "Setuju"))

        let runtime = self.runtime
        #expect(throws: DispatchError.self) {
            try self.writer.write { database in
                try runtime.handle(message, preparation: stalePreparation, context: context, in: database)
            }
        }
        #expect(self.media.calls.withLock { $0 } == 0, "the transaction never downloads")
        let preparation = try self.runtime.prepare(message, context: context)
        let replies = try self.writer.write { database in
            try runtime.handle(message, preparation: preparation, context: context, in: database)
        }
        #expect(self.media.calls.withLock { $0 } == 1)
        #expect(self.media.callsHoldingTheWriter.withLock { $0 } == 0)
        #expect(Self.texts(in: replies).contains("✅ media-1.pdf diterima"))
    }

    @Test mutating func aStateCacheBehindTheDatabaseCostsARetryNotAFile() throws {
        // A second runtime with its own cache sees the conversation only at its start: its cache holds a
        // state without files, while the first runtime goes on and holds two PDFs back until consent.
        let behind = ConversationRuntime(
            catalogue: self.runtime.catalogue, survey: self.runtime.survey, recognizer: self.runtime.recognizer,
            tickets: self.runtime.tickets, media: self.media, writer: self.writer, logger: .discarding)
        let menu = try self.send(.text("halo"), through: behind)
        let service = try #require(Self.choices(in: menu).first { $0.key.hasPrefix("Registrasi") })
        _ = try self.send(.listReply(id: service.value, title: service.key, description: nil))
        _ = try self.send(Self.pdf("media-1"))
        _ = try self.send(Self.pdf("media-2"))
        let phone = try self.send(.text("PT Maju Jaya"))
        let own = try #require(Self.choices(in: phone)["Pakai nomor ini"])
        let consent = try self.send(.buttonReply(id: own, title: "Pakai nomor ini"))
        let agree = try #require(Self.choices(in: consent)["Setuju"])
        #expect(self.media.calls.withLock { $0 } == 0)

        // The consent tap through the runtime whose cache is behind: prepared without the files, so the
        // transaction refuses it (and rolls back); prepared again, it reads the stored state and downloads.
        let message = InboundMessage(
            id: "wamid.behind", sender: WebhookContact(waID: Self.contact), timestamp: Self.monday,
            content: .buttonReply(id: agree, title: "Setuju"))
        let context = StepContext(now: Self.monday, isStale: false, contact: message.sender)
        let unprepared = try behind.prepare(message, context: context)
        #expect(unprepared.downloads.isEmpty)
        #expect {
            try self.writer.write { database in
                try behind.handle(message, preparation: unprepared, context: context, in: database)
            }
        } throws: { ($0 as? DispatchError)?.isUnprepared == true }
        let preparation = try behind.prepare(message, context: context)
        #expect(preparation.downloads.count == 2)
        let replies = try self.writer.write { database in
            try behind.handle(message, preparation: preparation, context: context, in: database)
        }
        #expect(self.media.calls.withLock { $0 } == 2)
        #expect(self.media.callsHoldingTheWriter.withLock { $0 } == 0)
        #expect(Self.texts(in: replies).contains("media-2.pdf"), "\(Self.texts(in: replies))")
    }

    @Test mutating func aConsentTapAndAPDFInOneDispatcherBatchAreBothAnsweredWithoutDownloadingUnderTheWriter()
        throws
    {
        _ = try self.walkToConsent()
        let at = Int(Self.monday.timeIntervalSince1970)
        func event(_ id: String, _ json: String) -> WebhookEvent {
            WebhookEvent(
                kind: .message, messageID: id, status: "", conversationKey: Self.contact,
                contact: WebhookContact(waID: Self.contact, profileName: "Budi"), timestamp: at,
                raw: Array(#"{"from":"\#(Self.contact)","id":"\#(id)","timestamp":"\#(at)",\#(json)}"#.utf8))
        }
        let tap = event(
            "wamid.tap",
            #""type":"interactive","interactive":{"type":"button_reply","button_reply":{"id":"consent.yes","title":"Setuju"}}"#
        )
        let pdf = event(
            "wamid.pdf",
            #""type":"document","document":{"id":"media-1","mime_type":"application/pdf","filename":"ktp.pdf"}"#)
        _ = try self.writer.write { try InboxStore.insert([tap, pdf], receivedAt: Self.monday, in: $0) }

        let dispatcher = Dispatcher(
            writer: self.writer, step: self.runtime, outbox: self.outbox, recorder: self.outbox,
            metrics: Metrics(), logger: .discarding, now: { Self.monday })
        dispatcher.start()
        defer { dispatcher.stop() }
        #expect(dispatcher.waitUntilIdle(timeout: 10))

        #expect(self.media.calls.withLock { $0 } == 1)
        #expect(self.media.callsHoldingTheWriter.withLock { $0 } == 0, "no download while the writer is held")
        let states = try self.writer.read { try $0.query("SELECT state FROM inbox ORDER BY seq") { $0.string(0) } }
        #expect(states == ["done", "done"])
        let payloads = try self.writer.read { database in
            try database.query("SELECT payload FROM outbound_messages ORDER BY id") { $0.string(0) }
        }.joined()
        #expect(payloads.contains("ktp.pdf diterima sebagai KTP/KITAS Direktur"))
    }

    @Test func aTransientDownloadFailureLeavesTheMessageToBeRetried() throws {
        var test = try ConversationRuntimeTests(
            media: ScriptedMedia(answer: { _ in throw MediaError.network("reset") }))
        try test.walkToDocuments()
        #expect(throws: MediaError.network("reset")) {
            _ = try test.send(Self.pdf("media-1"))
        }
        let step = try test.writer.read { try ConversationRecords.state(of: Self.contact, in: $0).step }
        guard case .intake = step else {
            Issue.record("the conversation left the intake: \(step)")
            return
        }
    }

    @Test func aRefusedDownloadIsExplainedAndAskedAgain() throws {
        var test = try ConversationRuntimeTests(media: ScriptedMedia(answer: { _ in throw MediaError.notPDF }))
        try test.walkToDocuments()
        let replies = try test.send(Self.pdf("media-1"))
        #expect(test.media.calls.withLock { $0 } == 1)
        #expect(Self.texts(in: replies).contains("KTP/KITAS Direktur"), "the same document is asked again")
    }

    @Test mutating func aConfirmationTheDomainRefusesDoesNotFailTheMessage() throws {
        try self.walkToDocuments()
        _ = try self.send(Self.pdf("media-1"))
        let summary = try self.send(Self.pdf("media-2"))
        let submit = try #require(Self.choices(in: summary)["Kirim"])
        let opened = try self.send(.buttonReply(id: submit, title: "Kirim"))
        #expect(Self.texts(in: opened).contains("#1"))
        // Staff never resolved it, yet a stale "OK, selesai" arrives: the runtime logs the refusal and goes on.
        let followUps = try self.execute([.confirmResolution(ticket: 1)])
        #expect(followUps.isEmpty, "no ticketClosed for a close the domain refused")
        let ticket = try #require(
            try SQLiteTicketStore(writer: self.writer, configuration: self.runtime.tickets)
                .read { try $0.ticket(TicketNumber(1)) })
        #expect(ticket.status == .new)
    }

    @Test mutating func aResolvedTicketNobodyConfirmsClosesItselfAndTheSurveyStarts() throws {
        try self.walkToDocuments()
        _ = try self.send(Self.pdf("media-1"))
        let summary = try self.send(Self.pdf("media-2"))
        let submit = try #require(Self.choices(in: summary)["Kirim"])
        _ = try self.send(.buttonReply(id: submit, title: "Kirim"))

        let (store, staff) = try self.takeAsStaff(1)
        try store.write { tickets in
            _ = try tickets.apply(
                .resolve(text: "Berkas lengkap."), to: TicketNumber(1), by: .staff(staff), at: Self.monday)
        }
        let sentBefore = try self.writer.read { database in
            try database.queryFirst("SELECT count(*) FROM outbound_messages") { $0.int(0) } ?? 0
        }

        let later = Self.monday.addingTimeInterval(10 * 24 * 3600)
        let runner = ConversationTimerRunner(
            writer: self.writer, runtime: self.runtime, outbox: self.outbox, logger: .discarding, now: { later })
        runner.runDue()

        let ticket = try #require(try store.read { try $0.ticket(TicketNumber(1)) })
        #expect(ticket.status == .closed(.autoClosed))
        let survey = try self.writer.read { database in
            try database.query(
                "SELECT payload FROM outbound_messages WHERE id > ? ORDER BY id", [.int(sentBefore)]
            ) { $0.string(0) }
        }.joined()
        #expect(survey.contains("Tidak memuaskan"), "the first survey question offers the four answers")

        let queued = try self.writer.read { database in
            try database.queryFirst("SELECT count(*) FROM outbound_messages") { $0.int(0) } ?? 0
        }
        runner.runDue()
        let queuedAgain = try self.writer.read { database in
            try database.queryFirst("SELECT count(*) FROM outbound_messages") { $0.int(0) } ?? 0
        }
        #expect(queuedAgain == queued, "a closed ticket is not closed and surveyed twice")
    }

    @Test func aTicketWhoseReporterNeverChattedStillClosesAndTheSurveyStarts() throws {
        // A ticket registered without a conversation (staff entering a caller's request, an imported ticket,
        // a reporter whose conversation record was erased): the survey's reminder timer needs the row.
        let store = try SQLiteTicketStore(writer: self.writer, configuration: self.runtime.tickets)
        let staff = StaffMember(id: "sari", name: "Sari", level: .level1)
        let reporter = "6281377778888"
        try store.write { tickets in
            try tickets.saveStaff(staff)
            let number = try tickets.open(
                TicketDraft(
                    title: "Reset Password", description: "Lupa kata sandi", reporterWaID: reporter,
                    reporterName: "Wati", type: .permintaanLayanan),
                at: Self.monday
            ).ticket.number
            try tickets.apply(
                .take(TicketClassification(category: "Akun", priority: .normal, applicationVersion: "SPSE 4.5")),
                to: number,
                by: .staff(staff), at: Self.monday)
            try tickets.apply(.resolve(text: "Sudah direset."), to: number, by: .staff(staff), at: Self.monday)
        }
        let later = Self.monday.addingTimeInterval(10 * 24 * 3600)
        ConversationTimerRunner(
            writer: self.writer, runtime: self.runtime, outbox: self.outbox, logger: .discarding, now: { later }
        ).runDue()

        let payloads = try self.writer.read { database in
            try database.query(
                "SELECT payload FROM outbound_messages WHERE recipient = ? ORDER BY id", [.text(reporter)]
            ) { $0.string(0) }
        }.joined()
        #expect(payloads.contains("Tidak memuaskan"), "the survey's first question reaches the reporter")
        let timers = try self.writer.read { database in
            try database.queryFirst(
                "SELECT count(*) FROM conversation_timers WHERE contact = ?", [.text(reporter)]
            ) { $0.int(0) } ?? 0
        }
        #expect(timers > 0, "the survey's reminder is scheduled")
    }
}

extension ConversationRuntimeTests {
    /// Meta's `user_changed_number`: the provider's tickets, conversation and timers follow the new number, so a
    /// message from it finds the open ticket and staff's replies reach it; the ticket tells staff. It was only
    /// logged: the new number had no ticket, and replies went to the old one.
    @Test mutating func aChangedNumberTakesTheTicketsAndTheConversationAlong() throws {
        try self.openTicket()
        _ = try self.send(.text("halo"))
        let newNumber = "6285700001111"
        let answer = try self.send(
            .system(kind: "user_changed_number", body: "Budi changed their number", newWaID: newNumber))
        #expect(Self.texts(in: answer).isEmpty, "nothing is said to a number that is gone: \(answer)")
        let (ticket, activities, conversations) = try self.writer.read { database in
            let store = SQLiteTicketStore.transaction(on: database, configuration: self.runtime.tickets)
            let ticket = try #require(try store.ticket(TicketNumber(1)))
            let contacts = try database.query("SELECT contact FROM conversations ORDER BY contact") { $0.string(0) }
            return (ticket, try store.activities(of: TicketNumber(1)), contacts)
        }
        #expect(ticket.reporterWaID == newNumber)
        let changed = activities.filter { $0.kind == .reporterNumberChanged }
        #expect(changed.map(\.text) == ["+\(Self.contact) → +\(newNumber)"], "\(activities)")
        #expect(changed.first?.direction == .internal)
        #expect(conversations == [newNumber])

        // The provider writes from the new number: the open ticket is theirs.
        let message = InboundMessage(
            id: "wamid.runtime.new", sender: WebhookContact(waID: newNumber, profileName: "Budi"),
            timestamp: Self.monday, content: .text("status"))
        let context = StepContext(now: Self.monday, isStale: false, contact: message.sender)
        let status = try self.writer.write { database in
            try self.runtime.handle(message, preparation: MessagePreparation(), context: context, in: database)
        }
        #expect(Self.texts(in: status).contains("#1"), "\(Self.texts(in: status))")
        #expect(status.allSatisfy { $0.to == newNumber })

        // A change to something that is no number changes nothing.
        let before = try self.writer.read { database in
            try database.queryFirst("SELECT reporter_wa_id FROM tickets WHERE number = 1") { $0.string(0) }
        }
        _ = try self.writer.write { database in
            let odd = InboundMessage(
                id: "wamid.runtime.odd", sender: WebhookContact(waID: newNumber, profileName: "Budi"),
                timestamp: Self.monday, content: .system(kind: "user_changed_number", body: nil, newWaID: "x"))
            return try self.runtime.handle(
                odd, preparation: MessagePreparation(),
                context: StepContext(
                    now: Self.monday, isStale: false, contact: odd.sender), in: database)
        }
        #expect(
            try self.writer.read { database in
                try database.queryFirst("SELECT reporter_wa_id FROM tickets WHERE number = 1") { $0.string(0) }
            } == before)
    }
}

extension ConversationRuntimeTests {
    /// A reply quoting Loket's message names the ticket that message names, for the reducer; a quote of a
    /// message to someone else, of one naming no ticket or several, or of none of Loket's, names none.
    @Test mutating func aQuotedMessageNamesItsTicket() throws {
        try self.openTicket()
        try self.openTicket()
        let sent: [(String, String, OutboundMessage.Payload)] = [
            ("wamid.out.77", Self.contact, .text("💬 Petugas (tiket #2):\nMohon kirim ulang NPWP.")),
            ("wamid.out.both", Self.contact, .text("Tiket Anda: #1 · Registrasi, #2 · Registrasi")),
            ("wamid.out.other", "6281100000000", .text("💬 Petugas (tiket #1):\nHalo")),
        ]
        try self.writer.write { database in
            for (wamid, recipient, payload) in sent {
                try self.outbox.enqueue(
                    [OutboundMessage(to: recipient, payload: payload)], in: database, now: Self.monday)
                try database.run(
                    "UPDATE outbound_messages SET state = 'sent', wamid = ? WHERE id = (SELECT max(id) FROM outbound_messages)",
                    [.text(wamid)])
            }
        }
        func quoted(_ wamid: String?) throws -> Int? {
            let message = InboundMessage(
                id: "wamid.q", sender: WebhookContact(waID: Self.contact, profileName: "Budi"), timestamp: Self.monday,
                replyTo: wamid, content: .text("sudah saya kirim"))
            return try self.writer.read { database in
                try self.runtime.chatMessage(for: message, now: Self.monday, in: database).quotedTicket
            }
        }
        #expect(try quoted("wamid.out.77") == 2)
        #expect(try quoted("wamid.out.both") == nil)
        #expect(try quoted("wamid.out.other") == nil, "a message to another contact")
        #expect(try quoted("wamid.unknown") == nil)
        #expect(try quoted(nil) == nil)

        // Through the whole turn: with two tickets open, the reply goes to ticket #2 without a question.
        let message = InboundMessage(
            id: "wamid.runtime.quote", sender: WebhookContact(waID: Self.contact, profileName: "Budi"),
            timestamp: Self.monday, replyTo: "wamid.out.77", content: .text("sudah saya kirim ulang ya"))
        let context = StepContext(now: Self.monday, isStale: false, contact: message.sender)
        let answer = try self.writer.write { database in
            try self.runtime.handle(message, preparation: MessagePreparation(), context: context, in: database)
        }
        #expect(Self.texts(in: answer).contains("tiket #2"), "\(Self.texts(in: answer))")
        let activities = try self.writer.read { database in
            try SQLiteTicketStore.transaction(on: database, configuration: self.runtime.tickets)
                .activities(of: TicketNumber(2))
        }
        #expect(activities.contains { $0.text == "sudah saya kirim ulang ya" })
    }

    @Test func aTicketNumberIsReadFromTheQuotedText() {
        #expect(ConversationRuntime.ticketNumber(namedIn: "💬 Petugas (tiket #77):\nHalo") == 77)
        #expect(ConversationRuntime.ticketNumber(namedIn: "Tiket #77 dan tiket #77 lagi") == 77)
        #expect(ConversationRuntime.ticketNumber(namedIn: "#77 dan #78") == nil)
        #expect(ConversationRuntime.ticketNumber(namedIn: "tanpa nomor # saja") == nil)
        #expect(ConversationRuntime.ticketNumber(namedIn: "#1234567890123") == nil, "too long to be a ticket")
        #expect(ConversationRuntime.ticketNumber(namedIn: "") == nil)
    }
}

extension ConversationRuntimeTests {
    /// A provider writing English read "Ticket #1 – Reset Password / Lupa User ID" in their status: a service's
    /// ticket is titled in Indonesian for staff, and the provider reads the service's name in their language. A
    /// title staff gave another ticket is read as it is.
    @Test mutating func theStatusNamesTheServiceInTheProvidersLanguage() throws {
        try self.writer.write { database in
            let store = SQLiteTicketStore.transaction(on: database, configuration: self.runtime.tickets)
            for (title, category) in [("Reset Password / Lupa User ID", "reset_password"), ("Akun ganda", "tender")] {
                let draft = TicketDraft(
                    title: title, description: "Permohonan atas nama PT Maju Jaya", companyName: "PT Maju Jaya",
                    reporterWaID: Self.contact, reporterName: "Budi", category: category)
                _ = try store.open(draft, at: Self.monday.addingTimeInterval(-3600))
            }
        }
        _ = try self.send(.text("english please"))
        let status = Self.texts(in: try self.send(.text("status")))
        #expect(status.contains("Password reset / forgotten user ID"), "\(status)")
        #expect(!status.contains("Lupa User ID") && status.contains("Akun ganda"), "\(status)")
    }

    /// "selesai" on a ticket staff have not taken is no request to resolve it; once taken, it is.
    @Test mutating func doneOnATicketNobodyTookIsNoRequestToResolveIt() throws {
        try self.openTicket()
        let fresh = Self.texts(in: try self.send(.text("selesai")))
        #expect(fresh.contains("Tiket #1 tetap kami proses"), "\(fresh)")
        try self.takeAsStaff(1)
        let taken = Self.texts(in: try self.send(.text("selesai")))
        #expect(taken.contains("Kami sampaikan ke petugas tiket #1"), "\(taken)")
    }

    /// "tiket saya batalkan saja" cancels a ticket nobody took, with the message as the reason; once staff took
    /// it, the request reaches them and the ticket stays theirs.
    /// The provider says the request of a closed ticket is not done: staff get a new ticket that names it, and the
    /// closed one stays closed.
    @Test mutating func aRequestNotDoneAfterItsTicketClosedOpensOneThatNamesIt() throws {
        try self.openTicket()
        let request = HandOffRequest(
            reason: .notSolved, collected: nil, ticket: 1, reporterWaID: Self.contact, reporterName: "Budi")
        let followUps = try self.execute([
            .cancelTicket(ticket: 1, message: ReporterMessage(messageID: "wamid.x", text: "batal")), .handOff(request),
        ])
        #expect(followUps == [.ticketOpened(number: 2)])
        let store = try SQLiteTicketStore(writer: self.writer, configuration: self.runtime.tickets)
        let opened = try #require(try store.read { try $0.ticket(TicketNumber(2)) })
        #expect(opened.description.contains("Pelapor menyatakan permintaannya belum selesai."), "\(opened.description)")
        #expect(opened.description.contains("Lanjutan tiket #1, yang sudah ditutup."), "\(opened.description)")
        let closed = try #require(try store.read { try $0.ticket(TicketNumber(1)) })
        #expect(!closed.status.isOpen)
    }

    @Test mutating func aTicketWithdrawnBeforeStaffTookItIsCancelled() throws {
        try self.openTicket()
        let text = "tiket saya batalkan saja min, sudah diurus langsung ke kantor"
        let answer = Self.texts(in: try self.send(.text(text)))
        #expect(answer.contains("Tiket #1 sudah kami batalkan"), "\(answer)")
        let store = try SQLiteTicketStore(writer: self.writer, configuration: self.runtime.tickets)
        let ticket = try #require(try store.read { try $0.ticket(TicketNumber(1)) })
        #expect(ticket.status == .cancelled)
        let reason = try store.read { try $0.activities(of: TicketNumber(1)) }.last
        #expect(reason?.kind == .cancelled && reason?.text == text)
    }

    @Test mutating func aTicketWithdrawnAfterStaffTookItReachesThem() throws {
        try self.openTicket()
        let (store, _) = try self.takeAsStaff(1)
        let text = "tiket saya batalkan saja min, sudah diurus langsung ke kantor"
        let answer = Self.texts(in: try self.send(.text(text)))
        #expect(answer.contains("Permintaan pembatalan Anda kami teruskan ke petugas tiket #1"), "\(answer)")
        let ticket = try #require(try store.read { try $0.ticket(TicketNumber(1)) })
        #expect(ticket.status == .inProgress)
        let last = try store.read { try $0.activities(of: TicketNumber(1)) }.last
        #expect(last?.kind == .reporterMessage && last?.text == text)
    }

    /// Should staff take the ticket between the provider's message and its effect, the request reaches them.
    @Test mutating func aWithdrawalOfATicketTakenMeanwhileIsKeptForStaff() throws {
        try self.openTicket()
        let (store, _) = try self.takeAsStaff(1)
        try self.execute([
            .cancelTicket(ticket: 1, message: ReporterMessage(messageID: "wamid.x", text: "batalkan tiketnya"))
        ])
        let ticket = try #require(try store.read { try $0.ticket(TicketNumber(1)) })
        #expect(ticket.status == .inProgress)
        let last = try store.read { try $0.activities(of: TicketNumber(1)) }.last
        #expect(last?.kind == .reporterMessage && last?.text == "batalkan tiketnya")
    }
}
