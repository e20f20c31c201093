import Intents
import Support

extension ConversationTurn {
    /// A contact card ("share contact" on the phone). Where the form asks for a number (the director's
    /// WhatsApp), the card's number answers it as if typed; elsewhere, with a ticket open, the card reaches staff
    /// as text, as a voice note does; otherwise Loket says when it takes one.
    mutating func contactCardsReceived(_ cards: [ContactCard], messageID: String) {
        // A phone shares a few cards at once; more than this many, or numbers on one, are not read.
        let cards = cards.prefix(Self.cardsRead).map { card in
            ContactCard(
                name: card.name.map { String($0.prefix(100)) }, phones: Array(card.phones.prefix(Self.cardsRead)))
        }
        if case .intake(let draft) = state.step, let service = service(of: draft) {
            if case .field(let index, _) = draft.stage, service.fields[safe: index]?.validator == .phone {
                return answerPhone(from: cards, draft: draft)
            }
            if correctPhone(from: cards, draft: draft, service: service) { return }
        }
        shareWithTicket(Self.staffText(for: cards), messageID: messageID, otherwise: .unsupportedContacts)
    }

    /// A shared location reaches staff as text with a map link when a ticket is open ("ini alamat kantor
    /// kami"); otherwise Loket says it does not need one.
    mutating func locationReceived(_ place: SharedLocation, messageID: String) {
        shareWithTicket(Self.staffText(for: place), messageID: messageID, otherwise: .unsupportedLocation)
    }

    /// Contact cards read from one message, and numbers from one card, at most.
    static let cardsRead = 10

    /// Answers the form's phone question with the card's number: of several, the ones using WhatsApp when the
    /// card marks some, else the mobile ones (a landline cannot take the call), a number saved twice counted
    /// once. Several numbers left are listed for the provider to type the one meant.
    private mutating func answerPhone(from cards: [ContactCard], draft: IntakeDraft) {
        let numbers = Self.candidateNumbers(on: cards)
        switch numbers.count {
        case 0:
            invalid(t(.contactCardNoNumber))
        case 1:
            if let number = FieldNormalizer.phone(numbers[0]) {
                say(t(.contactCardNumber, ["number": number]))
            }
            answerInIntake(numbers[0], classification: .unread, draft: draft)
        default:
            invalid(t(.contactCardNumbers, ["numbers": numbers.joined(separator: ", ")]))
        }
    }

    /// At the summary, or the consent or checklist after the director's number was given, a card with one mobile
    /// number corrects it, as a number typed at the summary does. Returns whether the card was taken.
    private mutating func correctPhone(from cards: [ContactCard], draft: IntakeDraft, service: ServiceDefinition)
        -> Bool
    {
        let numbers = Self.candidateNumbers(on: cards)
        guard [.summary, .consent, .documents].contains(draft.stage),
            let field = service.fields.first(where: { $0.validator == .phone }), let given = draft.answers[field.id],
            numbers.count == 1, let number = FieldNormalizer.phone(numbers[0])
        else { return false }
        if number == given {
            promptCurrentStep(prefix: t(.contactCardNumber, ["number": number]))
        } else {
            correctsAnswers = true
            let entities = Entities(phone: number)
            answerInIntake(
                numbers[0], classification: Classification(intent: .unknown, confidence: 0, entities: entities),
                draft: draft)
        }
        return true
    }

    /// The numbers on `cards` that may be the one asked: the WhatsApp one when the cards mark a single one,
    /// else the mobile ones, else all, as written, a number saved twice counted once.
    static func candidateNumbers(on cards: [ContactCard]) -> [String] {
        let phones = cards.flatMap(\.phones)
        let onWhatsApp = Set(phones.compactMap { $0.waID.flatMap { FieldNormalizer.phone("+" + $0) } })
        if onWhatsApp.count == 1, let number = onWhatsApp.first { return [number] }
        var numbers: [(written: String, mobile: String?)] = []
        var seen = Set<String>()
        for written in phones.compactMap({ $0.written?.trimmingWhitespace() }) where !written.isEmpty {
            let mobile = FieldNormalizer.phone(written)
            if seen.insert(mobile ?? written).inserted { numbers.append((written, mobile)) }
        }
        let mobile = numbers.filter { $0.mobile != nil }
        return (mobile.isEmpty ? numbers : mobile).map(\.written)
    }

    /// Staff's text for something shared that is not a file: on the ticket it is about (see `appendShared`), said
    /// so; with none, `otherwise` says what Loket takes.
    private mutating func shareWithTicket(_ text: String, messageID: String, otherwise unsupported: Prompt) {
        guard let (ticket, asked) = appendShared(ReporterMessage(messageID: messageID, text: text)) else {
            return cannotRead(unsupported)
        }
        if asked {
            ask(t(.feedbackReceived, ["ticket": String(ticket)]), options: currentOptions())
        } else {
            say(t(.ticketAppended, ["ticket": String(ticket)]) + afterHoursNote())
        }
    }

    /// Puts `message`, something shared that is not text, on the ticket it is about: the one staff asked about
    /// where they asked for more (`asked`), else, outside a form, the open ticket `relayToOpenTicket` picks.
    /// Nil when there is none.
    mutating func appendShared(_ message: ReporterMessage) -> (ticket: Int, asked: Bool)? {
        if case .feedback(let ticket, _) = state.step {
            emit(.appendToTicket(number: ticket, message: message))
            return (ticket, true)
        }
        return relayToOpenTicket(message, about: state.staffTicket, quietly: true).map { ($0, false) }
    }

    /// "📇 Budi Santoso: +62 812-3456-7890": each card on a line, its numbers as saved.
    static func staffText(for cards: [ContactCard]) -> String {
        let lines = cards.map { card in
            let numbers = card.phones.compactMap { $0.number ?? $0.waID.map { "+" + $0 } }.joined(separator: ", ")
            let name = card.name?.trimmingWhitespace() ?? ""
            return "📇 " + [name, numbers].filter { !$0.isEmpty }.joined(separator: ": ")
        }
        return lines.isEmpty ? "📇" : lines.joined(separator: "\n")
    }

    /// "📍 Kantor CV Maju, Jl. Sudirman 1, Jakarta (-6.2, 106.8) https://maps.google.com/?q=-6.2,106.8".
    static func staffText(for place: SharedLocation) -> String {
        let named = [place.name, place.address].compactMap { $0?.trimmingWhitespace() }.filter { !$0.isEmpty }
        var parts = ["📍"] + (named.isEmpty ? [] : [named.joined(separator: ", ")])
        if let latitude = place.latitude, let longitude = place.longitude {
            parts.append("(\(latitude), \(longitude)) https://maps.google.com/?q=\(latitude),\(longitude)")
        }
        return parts.joined(separator: " ")
    }
}
