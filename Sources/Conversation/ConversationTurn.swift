import Foundation
import Intents
import Support

/// One reducer step in progress: the state being changed and the effects collected so far.
struct ConversationTurn {
    var state: ConversationState
    let context: ConversationContext
    private(set) var effects: [Effect] = []
    /// The typed message that asked for a service in its own words ("mau daftar utk PT Maju Jaya, no direktur
    /// 0812…"), while that service's form starts: what it already answers is not asked.
    var openingMessage: (text: String, classification: Classification)?
    /// Whether the message being read opens the conversation: the first ever, or the first after a pause
    /// longer than `inactivityMinutes`. A menu it asks for is greeted.
    var opensConversation = false
    /// Whether the menu is the question and was sent moments ago, in answer to the provider's previous
    /// message (a burst: "halo", "min", "mau tanya"): another greeting is not answered with the list again.
    var menuJustShown = false
    /// Whether the privacy notice is the question and was sent moments ago: asked again (files sent together
    /// before it was answered, a note typed under it), it is asked in one line, not shown whole each time.
    var consentJustAsked = false
    /// Whether a new value in the message being read for an answer already given corrects that answer, as "eh
    /// salah, …" would: the provider's edit of a message sent earlier, or a contact card shared after the
    /// director's number was given.
    var correctsAnswers = false
    /// The open ticket the message quotes Loket's message about (see `InboundChatMessage.quotedTicket`), when
    /// it names no ticket itself: the ticket it is about, as a typed "#77" would say.
    var quotedTicket: Int?

    /// How recent the provider's previous message must be for the menu it got to count as just shown.
    static let burstSeconds: TimeInterval = 120

    init(state: ConversationState, context: ConversationContext) {
        self.state = state
        self.context = context
    }

    var language: Language { state.language ?? context.defaultLanguage }
    var catalogue: DialogCatalogue { context.catalogue }

    func t(_ prompt: Prompt, _ values: [String: String] = [:]) -> String {
        catalogue.text(prompt, in: language, values)
    }

    /// `items` as a sentence lists them: "KTP/KITAS Direktur dan NPWP Perusahaan", "A, B and C".
    func listed(_ items: [String]) -> String {
        guard let last = items.last, items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " " + t(.labelAnd) + " " + last
    }

    /// `prompt`'s text to open a sentence: "video ini" as "Video ini".
    func opening(_ prompt: Prompt) -> String {
        let text = t(prompt)
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    mutating func emit(_ effect: Effect) {
        effects.append(effect)
    }

    /// "Assalamualaikum …" that opens the conversation is answered "Waalaikumsalam." whatever the reply to it is
    /// (a ticket's status, an answer, the hours), as the welcome and a form's start already answer it: the first
    /// reply since effect `start` begins with it, unless it does already or has no room for it.
    mutating func answerSalam(in text: String, since start: Int) {
        guard opensConversation, catalogue.settings.mentions(text: text, keywordsNamed: "salam"),
            let (index, reply) = firstReply(since: start), let greeted = reply.beginning(with: t(.greetingSalam))
        else { return }
        effects[index] = .send(greeted)
    }

    /// Opens the first reply since effect `start` with `lead`, in one message; when that reply has no room for it,
    /// or there is none, `lead` goes first on its own.
    mutating func lead(_ lead: String, since start: Int) {
        let first = firstReply(since: start)
        if let (index, reply) = first, let led = reply.beginning(with: lead) {
            effects[index] = .send(led)
        } else {
            effects.insert(.send(.text(NIKMask.masked(lead))), at: first?.index ?? effects.endIndex)
        }
    }

    /// The first message sent since effect `start`, with its index among the effects.
    private func firstReply(since start: Int) -> (index: Int, reply: Reply)? {
        for index in effects.indices.dropFirst(start) {
            if case .send(let reply) = effects[index] { return (index, reply) }
        }
        return nil
    }

    /// Sends a text, split at paragraph or sentence boundaries when it is longer than WhatsApp allows.
    mutating func say(_ text: String) {
        for part in TextSplitter.split(NIKMask.masked(text), limit: 4096) {
            effects.append(.send(.text(part)))
        }
    }

    /// Sends a file staff chose (WhatsApp shows its name), captioned with the ticket and what they wrote; a text
    /// too long for a caption goes first on its own.
    mutating func sendStaffFile(_ document: StoredDocument, caption: String?, ticket: Int) {
        let title = t(.staffFile, ["ticket": String(ticket)])
        let text = caption.map { NIKMask.masked($0) } ?? ""
        if text.isEmpty {
            effects.append(.send(.document(document, caption: title)))
        } else if title.count + 1 + text.count <= Self.captionLimit {
            effects.append(.send(.document(document, caption: title + "\n" + text)))
        } else {
            say(t(.staffReply, ["ticket": String(ticket), "text": text]))
            effects.append(.send(.document(document, caption: title)))
        }
    }

    /// The longest caption WhatsApp shows under a document or a photo.
    static let captionLimit = 1024

    /// Sends an interactive message with its typed fallback line; a body too long for an interactive
    /// message goes first as text.
    /// `shortBody` is the question repeated above the buttons when the whole body had to go first as text.
    mutating func ask(_ body: String, options: [ChoiceOption], list: String? = nil, shortBody: String? = nil) {
        let fallback =
            options.count == 1
            ? t(.fallbackOne) : t(.fallbackNumbers, ["count": String(options.count)])
        var body = NIKMask.masked(body) + "\n\n" + fallback
        if body.count > 1024 {
            say(String(body.dropLast(fallback.count + 2)))
            body = (shortBody.map { $0 + "\n\n" } ?? "") + fallback
        }
        if options.count <= 3 && list == nil {
            effects.append(
                .send(.buttons(body: body, buttons: options.map { ReplyButton(id: $0.id, title: $0.title) })))
        } else {
            let rows = options.map { ReplyRow(id: $0.id, title: $0.title, description: $0.description) }
            effects.append(
                .send(.list(body: body, buttonLabel: list ?? t(.listButton), sections: [ReplySection(rows: rows)])))
        }
    }

    /// Whether the current step is a journey the contact is in the middle of.
    var inProgress: Bool { state.step.behaviour.isJourney }

    /// Leaves the current step: resumes an interrupted one, else goes idle.
    mutating func finishStep() {
        state.invalidAnswers = 0
        if let previous = state.suspended.popLast() {
            state.step = previous
            promptCurrentStep(prefix: nil)
        } else {
            state.step = .idle
        }
    }

    /// That the form staff interrupted goes on afterwards ("Setelah Anda menekan Selesai, kita lanjutkan permohonan
    /// Registrasi … yang sedang Anda isi."), nil when no form waits.
    func pausedFormNote() -> String? {
        guard case .intake(let draft)? = state.suspended.last, let service = catalogue.service(id: draft.serviceID)
        else { return nil }
        return t(.feedbackFormPaused, ["service": service.title.text(in: language)])
    }

    /// Starts a step that staff caused, keeping an unfinished journey to resume afterwards.
    mutating func interrupt(with step: ConversationStep) {
        switch (state.step, step) {
        case (.feedback(let current, _), .feedback(let new, _)) where current == new,
            (.confirmingResolution(let current), .confirmingResolution(let new)) where current == new:
            // The same request again (staff repeated it): replace it rather than stack a copy.
            state.step = step
            return
        default:
            break
        }
        if case .resumeOffer(let previous) = state.step {
            state.suspended.append(previous)
        } else if inProgress {
            state.suspended.append(state.step)
        }
        state.invalidAnswers = 0
        state.step = step
    }
}
