import Foundation
import Intents
import Support
import Testing

@testable import Conversation

/// A compact transcript driver: feed events, collect effects, keep the state.
struct Transcript {
    var state = ConversationState()
    var context: ConversationContext
    var sentByProvider = 0
    var now: Date
    private var messageCounter = 0

    init(catalogue: DialogCatalogue, openTickets: [TicketSummary] = [], survey: SurveyDefinition? = nil) {
        now = Date(timeIntervalSince1970: 1_795_000_000)
        context = ConversationContext(
            now: now, catalogue: catalogue, waID: "6281234567890", profileName: "Budi", openTickets: openTickets,
            survey: survey)
    }

    /// Sends two checklist PDFs and has both stored: the effects of storing the second (the summary, when they
    /// were all the checklist asked).
    mutating func sendDocuments(_ first: String, _ second: String) -> [Effect] {
        _ = self.pdf("m1", first)
        _ = self.stored("m1", first)
        _ = self.pdf("m2", second)
        return self.stored("m2", second)
    }

    /// The form being filled in, if the conversation is at one.
    var draft: IntakeDraft? {
        if case .intake(let draft) = self.state.step { return draft }
        return nil
    }

    mutating func event(_ event: ConversationEvent) -> [Effect] {
        context.now = now
        let (next, effects) = ConversationReducer.reduce(state: state, event: event, context: context)
        state = next
        return effects
    }

    mutating func message(_ kind: InboundChatMessage.Kind) -> [Effect] {
        sentByProvider += 1
        messageCounter += 1
        return event(.messageReceived(InboundChatMessage(id: "wamid.\(messageCounter)", kind: kind)))
    }

    mutating func type(
        _ text: String, _ intent: Intent = .unknown, confidence: Double = 0.9, entities: Entities = Entities()
    ) -> [Effect] {
        message(.text(text, Classification(intent: intent, confidence: confidence, entities: entities)))
    }

    /// `text` typed, read as Loket reads it: with the shipped recognizer.
    mutating func read(_ text: String) throws -> [Effect] {
        let recognizer = try Fixtures.recognizer.get()
        return message(.text(text, recognizer.classify(text, now: now)))
    }

    mutating func tap(_ id: String) -> [Effect] {
        message(.buttonReply(id: id, title: id))
    }

    mutating func pdf(_ mediaID: String, _ filename: String, size: Int = 200_000, caption: String? = nil) -> [Effect] {
        message(
            .document(
                mediaID: mediaID, filename: filename, mimeType: "application/pdf", size: size, sha256: nil,
                caption: caption))
    }

    /// `mediaID` stored as `filename`; with `copyOf`, its bytes are those of that earlier media.
    mutating func stored(
        _ mediaID: String, _ filename: String, mimeType: String = "application/pdf", copyOf original: String? = nil
    ) -> [Effect] {
        event(
            .documentStored(
                mediaID: mediaID,
                document: StoredDocument(
                    sha256: "h-" + (original ?? mediaID), filename: filename, size: 200_000, mimeType: mimeType)))
    }

    mutating func rejected(_ mediaID: String, _ reason: DocumentRejection) -> [Effect] {
        event(.documentRejected(mediaID: mediaID, reason: reason))
    }
}

/// The text of every message an effect list sends.
func sentTexts(_ effects: [Effect]) -> [String] {
    effects.compactMap {
        guard case .send(let reply) = $0 else { return nil }
        switch reply {
        case .text(let text): return text
        case .buttons(let body, _): return body
        case .list(let body, _, _): return body
        case .document(_, let caption): return caption
        }
    }
}

/// The ids of every button or row an effect list offers.
func offeredIDs(_ effects: [Effect]) -> [String] {
    effects.flatMap { effect -> [String] in
        guard case .send(let reply) = effect else { return [] }
        switch reply {
        case .text, .document: return []
        case .buttons(_, let buttons): return buttons.map(\.id)
        case .list(_, _, let sections): return sections.flatMap(\.rows).map(\.id)
        }
    }
}

enum Fixtures {
    static var dialogsDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Dialogs")
    }

    /// The shipped dialogs, keyword phrases found through the recognizer's chat spellings as in production.
    static func catalogue() throws -> DialogCatalogue {
        var catalogue = try DialogCatalogue.load(dialogsDirectory: dialogsDirectory)
        catalogue.settings = catalogue.settings.spelled(with: try Self.spellings.get())
        return catalogue
    }

    /// The shipped recognizer, trained once for the tests that read messages as Loket does.
    static let recognizer = Result { try IntentRecognizer(dialogsDirectory: Self.dialogsDirectory) }

    /// The recognizer's slang and typo lists, read once, as its normaliser lists them.
    static let spellings = Result { () throws -> [String: String] in
        let data = try IntentData.load(from: Self.dialogsDirectory)
        return TextNormaliser(slang: data.slang, typos: data.typos, vocabulary: []).spellings
    }

    static let survey = SurveyDefinition(
        version: 1,
        scale: [
            .init(value: 1, text: LocalizedText(id: "Tidak memuaskan", en: "Not satisfactory")),
            .init(value: 2, text: LocalizedText(id: "Kurang memuaskan", en: "Less satisfactory")),
            .init(value: 3, text: LocalizedText(id: "Memuaskan", en: "Satisfactory")),
            .init(value: 4, text: LocalizedText(id: "Sangat memuaskan", en: "Very satisfactory")),
        ],
        sections: [
            .init(
                id: "handling", title: LocalizedText(id: "Penanganan", en: "Handling"),
                questions: (1...8).map {
                    .init(
                        id: "q\($0)", element: "e\($0)", sectionTitle: LocalizedText(id: "Penanganan", en: "Handling"),
                        text: LocalizedText(id: "Pertanyaan \($0)?", en: "Question \($0)?"))
                })
        ],
        commentRequiredAtOrBelow: 2)
}

/// One line (or block) per effect, compact enough to compare whole transcripts in tests.
func render(_ effects: [Effect]) -> String {
    effects.map(render).joined(separator: "\n")
}

func render(_ effect: Effect) -> String {
    switch effect {
    case .send(.text(let text)):
        return "› " + text
    case .send(.buttons(let body, let buttons)):
        return "› " + body + "\n  " + buttons.map { "[\($0.title)]" }.joined(separator: " ")
    case .send(.list(let body, let label, let sections)):
        let rows = sections.flatMap(\.rows).map { row in
            "  - \(row.title)" + (row.description.map { " · \($0)" } ?? "")
        }
        return (["› " + body, "  ≡ \(label)"] + rows).joined(separator: "\n")
    case .send(.document(let document, let caption)):
        return "› 📎 \(document.filename) (\(document.mimeType)): " + caption
    case .openTicket(let request):
        let files = request.attachments.map { "\($0.requirementID ?? "-")=\($0.document.filename)" }
        return "⚙ openTicket \(request.title) | \(request.companyName ?? "-") | \(request.directorPhone ?? "-") | "
            + files.joined(separator: ",")
    case .appendToTicket(let number, let message):
        return "⚙ appendToTicket #\(number): \(message.text)"
    case .attachToTicket(let number, let attachment):
        return "⚙ attachToTicket #\(number): \(attachment.document.filename)"
    case .fetchMedia(let request):
        switch request.purpose {
        case .intake(let requirement): return "⚙ fetchMedia \(request.mediaID) for \(requirement)"
        case .ticket(let number): return "⚙ fetchMedia \(request.mediaID) for #\(number)"
        }
    case .recordConsent(let record):
        return "⚙ recordConsent \(record.version) \(record.language.rawValue)"
    case .handOff(let request):
        return "⚙ handOff \(request.reason) ticket=\(request.ticket.map(String.init) ?? "-") collected="
            + (request.collected?.serviceID ?? "-")
    case .provideFeedback(let ticket):
        return "⚙ provideFeedback #\(ticket)"
    case .confirmResolution(let ticket):
        return "⚙ confirmResolution #\(ticket)"
    case .reopen(let ticket, let message):
        return "⚙ reopen #\(ticket): \(message)"
    case .cancelTicket(let ticket, let message):
        return "⚙ cancelTicket #\(ticket): \(message.text)"
    case .submitSurvey(let submission):
        return "⚙ submitSurvey #\(submission.ticket) \(submission.answers.map(\.value)) \(submission.comment ?? "-")"
    case .schedule(let timer, let at):
        return "⚙ schedule \(timer) at \(Int(at.timeIntervalSince1970))"
    case .cancelTimer(let timer):
        return "⚙ cancelTimer \(timer)"
    case .holdVerificationSlot(let ticket, let start):
        return "⚙ holdVerificationSlot #\(ticket) \(JakartaTime.format(start))"
    case .bookVerification(let ticket, let start):
        return "⚙ bookVerification #\(ticket) \(JakartaTime.format(start))"
    case .releaseVerificationHold(let ticket):
        return "⚙ releaseVerificationHold #\(ticket)"
    case .cancelVerification(let ticket):
        return "⚙ cancelVerification #\(ticket)"
    case .changeDirectorNumber(let ticket, let number):
        return "⚙ changeDirectorNumber #\(ticket) \(number)"
    case .requestErasure:
        return "⚙ requestErasure"
    case .remind(let reply, let parameters):
        return render(.send(reply)) + "\n  template: " + parameters.joined(separator: " | ")
    }
}

/// Compares the rendered effects of one exchange with the expected transcript text.
func check(_ effects: [Effect], _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(render(effects) == expected, sourceLocation: sourceLocation)
}

/// The ticket `effects` open, if they open one.
func openedTicket(_ effects: [Effect]) -> TicketRequest? {
    for case .openTicket(let request) in effects { return request }
    return nil
}

extension Transcript {
    /// A registration driven up to its documents checklist, with the shipped dialogs.
    static func atRegistrationChecklist() throws -> Transcript {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        _ = chat.type("PT Maju Jaya")
        _ = chat.tap("phone.self")
        _ = chat.tap("consent.yes")
        return chat
    }

    /// A provider's tender problem driven up to the tender's code, read by the shipped recognizer.
    static func atTenderCode() throws -> Transcript {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.tender")
        _ = try chat.read("saya penyedia min")
        _ = try chat.read("npwp saya 01.234.567.8-901.000")
        return chat
    }

    /// A password reset driven up to its documents checklist, with the shipped dialogs; the NPWP as typed, and
    /// its digits as the recognizer reads them.
    static func atResetChecklist(
        company: String = "PT Sinar Jaya", npwp: String = "01.234.567.8-901.000", digits: String = "012345678901000"
    ) throws -> Transcript {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.reset_password")
        _ = chat.type(company)
        _ = chat.type(npwp, entities: Entities(npwp: digits))
        _ = chat.tap("phone.self")
        _ = chat.tap("consent.yes")
        return chat
    }
}
