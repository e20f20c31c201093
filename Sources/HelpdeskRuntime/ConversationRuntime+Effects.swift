import Conversation
import Foundation
import Intents
import Storage
import Support
import Ticketing
import WebhookServer
import WhatsAppOutbox

/// The state of executing one reducer step's effects: where they run and what they produced.
struct EffectExecution {
    let contact: String
    let profileName: String?
    let now: Date
    let preparation: MessagePreparation
    let database: Database
    /// Messages to queue, in order.
    var outbound: [OutboundMessage] = []
    /// Events that answer effects (a ticket opened, a document stored), for the reducer's next step.
    var followUps: [ConversationEvent] = []

    init(contact: String, profileName: String?, now: Date, preparation: MessagePreparation, database: Database) {
        self.contact = contact
        self.profileName = profileName
        self.now = now
        self.preparation = preparation
        self.database = database
    }

    var reporter: TicketActor {
        .reporter(waID: self.contact, name: self.profileName ?? self.contact)
    }
}

extension ConversationRuntime {
    /// Carries out one effect in the open transaction.
    func execute(_ effect: Effect, in execution: inout EffectExecution) throws {
        let store = SQLiteTicketStore.transaction(on: execution.database, configuration: self.tickets)
        switch effect {
        case .send(let reply):
            execution.outbound.append(OutboundMessage(to: execution.contact, payload: Self.payload(of: reply)))
        case .openTicket(let request):
            let number = try self.open(request, in: store, execution: execution)
            execution.followUps.append(.ticketOpened(number: number.value))
        case .appendToTicket(let number, let message):
            try self.refusable(effect) {
                try store.apply(
                    .reporterMessage(text: message.text), to: TicketNumber(number), by: execution.reporter,
                    at: execution.now)
            }
        case .attachToTicket(let number, let attachment):
            try self.refusable(effect) {
                try store.addAttachment(
                    Self.attachment(attachment.document, from: execution), to: TicketNumber(number))
            }
        case .fetchMedia(let request):
            guard let outcome = execution.preparation.downloads[request.mediaID] else {
                // Never download here: the writer is held. Prepare again against the state as it is now.
                throw DispatchError.unprepared("media \(request.mediaID) was not downloaded before the transaction")
            }
            switch outcome {
            case .success(let stored):
                let document = StoredDocument(
                    sha256: stored.sha256, filename: request.filename, size: stored.size, mimeType: stored.mimeType)
                execution.followUps.append(.documentStored(mediaID: request.mediaID, document: document))
            case .failure(let error):
                execution.followUps.append(
                    .documentRejected(mediaID: request.mediaID, reason: Self.rejection(for: error)))
            }
        case .recordConsent(let consent):
            try ConversationRecords.recordConsent(consent, of: execution.contact, in: execution.database)
        case .handOff(let request):
            let number = try self.handOff(request, in: store, execution: execution)
            execution.followUps.append(.ticketOpened(number: number.value))
        case .provideFeedback(let ticket):
            guard let current = try store.ticket(TicketNumber(ticket)), case .waitingOnReporter = current.status
            else { return }
            try self.refusable(effect) {
                try store.apply(
                    .reporterMessage(text: self.officeText(.noteFeedbackProvided)), to: TicketNumber(ticket),
                    by: execution.reporter, at: execution.now)
            }
        case .confirmResolution(let ticket):
            let confirmed = try self.refusable(effect) {
                try store.apply(.confirm, to: TicketNumber(ticket), by: execution.reporter, at: execution.now)
            }
            if confirmed { execution.followUps.append(.ticketClosed(ticket: ticket)) }
        case .reopen(let ticket, let message):
            try self.refusable(effect) {
                try store.apply(
                    .reopen(text: message), to: TicketNumber(ticket), by: execution.reporter, at: execution.now)
            }
        case .cancelTicket(let ticket, let message):
            let cancelled = try self.refusable(effect) {
                try store.apply(
                    .cancel(reason: message.text), to: TicketNumber(ticket), by: execution.reporter, at: execution.now)
            }
            if !cancelled {
                // Taken by staff in the meantime: the request reaches them, as the provider's word for it.
                try self.refusable(effect) {
                    try store.apply(
                        .reporterMessage(text: message.text), to: TicketNumber(ticket), by: execution.reporter,
                        at: execution.now)
                }
            }
        case .submitSurvey(let submission):
            var answers: [String: Int] = [:]
            for answer in submission.answers { answers[answer.questionID] = answer.value }
            try self.refusable(effect) {
                try store.submitSurvey(
                    SurveyResponse(
                        ticket: TicketNumber(submission.ticket), answers: answers, comment: submission.comment,
                        submittedAt: execution.now))
            }
        case .schedule(let timer, let due):
            try ConversationRecords.schedule(timer, of: execution.contact, at: due, in: execution.database)
        case .cancelTimer(let timer):
            try ConversationRecords.cancel(timer, of: execution.contact, in: execution.database)
        case .holdVerificationSlot, .bookVerification, .releaseVerificationHold, .cancelVerification,
            .changeDirectorNumber, .remind:
            try self.executeVerification(effect, in: &execution)
        case .requestErasure:
            // The privacy notice promises an answer within 3 × 24 hours.
            let deadline = execution.now.addingTimeInterval(72 * 3600)
            let draft = TicketDraft(
                title: "Permintaan penghapusan data pribadi",
                description: "Penyedia meminta penghapusan data pribadi (UU 27/2022). Tenggat jawaban: "
                    + JakartaTime.format(deadline) + ".",
                reporterRole: "penyedia", reporterWaID: execution.contact,
                reporterName: execution.profileName ?? execution.contact, source: "whatsapp", type: .permintaanLayanan,
                category: Self.erasureCategory)
            let number = try store.open(draft, at: execution.now).ticket.number
            self.logger.info("privacy.erasure_requested", ["ticket": String(number.value)])
            execution.followUps.append(.erasureRequested(ticket: number.value, deadline: deadline))
        }
    }

    /// Runs a ticket operation the domain may refuse because staff acted meanwhile (a ticket already closed,
    /// a survey already given): the refusal is logged and the conversation goes on.
    @discardableResult
    private func refusable(_ effect: Effect, _ body: () throws -> Void) throws -> Bool {
        do {
            try body()
            return true
        } catch let error as TicketError {
            self.logger.warning(
                "conversation.effect_refused", ["effect": "\(effect)".prefix(80).description, "error": "\(error)"])
            return false
        }
    }

    private func open(_ request: TicketRequest, in store: SQLiteTicketTransaction, execution: EffectExecution) throws
        -> TicketNumber
    {
        let draft = TicketDraft(
            title: String(request.title.prefix(100)), description: request.description,
            companyName: request.companyName, businessForm: request.businessForm?.rawValue,
            reporterRole: "penyedia", taxOrStaffID: request.npwp ?? request.nip, tenderCode: request.kodeTender,
            directorPhone: request.directorPhone, reporterWaID: request.reporterWaID,
            reporterName: request.reporterName ?? execution.profileName ?? request.reporterWaID, source: "whatsapp",
            type: TicketType.allCases.first { $0.label.lowercased() == request.type.lowercased() },
            category: request.serviceID)
        let number = try store.open(draft, at: execution.now).ticket.number
        for attachment in request.attachments {
            try store.addAttachment(Self.attachment(attachment.document, from: execution), to: number)
        }
        return number
    }

    /// Hands the conversation to staff: a note on the ticket named, or a new ticket with what was collected.
    private func handOff(_ request: HandOffRequest, in store: SQLiteTicketTransaction, execution: EffectExecution)
        throws -> TicketNumber
    {
        var reason = self.officeText(Self.prompt(for: request.reason))
        if let ticket = request.ticket, let current = try store.ticket(TicketNumber(ticket)) {
            guard !current.status.isOpen else {
                try store.apply(
                    .reporterMessage(text: reason), to: current.number, by: execution.reporter, at: execution.now)
                return current.number
            }
            // A ticket already closed is not reopened: the new one says which it follows.
            reason += " " + self.officeText(.noteAfterClosedTicket, ["ticket": String(ticket)])
        }
        var collected =
            request.collected
            ?? TicketRequest(
                serviceID: "petugas", title: self.officeText(.noteStaffRequestTitle),
                type: TicketType.permintaanLayanan.label,
                description: "", reporterWaID: request.reporterWaID, reporterName: request.reporterName)
        collected.description = [reason, collected.description].filter { !$0.isEmpty }.joined(separator: "\n")
        return try self.open(collected, in: store, execution: execution)
    }

    /// A note written on a ticket for the office, in the office's language (Indonesian).
    func officeText(_ prompt: Prompt, _ values: [String: String] = [:]) -> String {
        self.catalogue.text(prompt, in: .indonesian, values)
    }

    /// Downloads a requested file; a permanent refusal is a result, a transient failure is thrown.
    func download(_ request: MediaFetchRequest) throws -> Result<StoredMedia, MediaError> {
        let limits = MediaLimits(
            maxBytes: request.maxBytes, allowedMIMETypes: Set(request.allowedMIMETypes),
            requiredSignatures: request.kinds.map(\.signature))
        do {
            return .success(
                try self.media.fetch(mediaID: request.mediaID, expectedSHA256: request.declaredSHA256, limits: limits))
        } catch let error as MediaError where error.isPermanent {
            return .failure(error)
        }
    }

    static func rejection(for error: MediaError) -> DocumentRejection {
        switch error.metricLabel {
        case "too_large": .tooLarge
        case "wrong_type", "not_pdf": .notPDF
        case "hash_mismatch": .hashMismatch
        default: .unavailable
        }
    }

    static func attachment(_ document: StoredDocument, from execution: EffectExecution) -> Attachment {
        let prefix = String(document.sha256.prefix(2))
        return Attachment(
            sha256: document.sha256, originalName: document.filename, size: document.size,
            mimeType: document.mimeType, sender: execution.reporter, receivedAt: execution.now,
            storagePath: "media/\(prefix)/\(document.sha256)")
    }

    static func payload(of reply: Reply) -> OutboundMessage.Payload {
        switch reply {
        case .text(let text):
            .text(text)
        case .buttons(let body, let buttons):
            .buttons(body: body, buttons: buttons.map { OutboundMessage.Button(id: $0.id, title: $0.title) })
        case .list(let body, let label, let sections):
            .list(
                body: body, buttonLabel: label,
                sections: sections.map { section in
                    OutboundMessage.ListSection(
                        title: section.title,
                        rows: section.rows.map {
                            OutboundMessage.ListRow(id: $0.id, title: $0.title, description: $0.description)
                        })
                })
        case .document(let document, let caption) where FileKind.accepts(document.mimeType, in: FileKind.photos):
            // A photo shows in the chat; as a document WhatsApp would not take it.
            .image(source: .stored(sha256: document.sha256, mimeType: document.mimeType), caption: caption)
        case .document(let document, let caption) where FileKind.accepts(document.mimeType, in: [.video]):
            // A video plays in the chat; WhatsApp carries MP4 and 3GP of up to 16 MB.
            .video(source: .stored(sha256: document.sha256, mimeType: document.mimeType), caption: caption)
        case .document(let document, let caption):
            .document(
                source: .stored(sha256: document.sha256, mimeType: document.mimeType), filename: document.filename,
                caption: caption)
        }
    }
}
