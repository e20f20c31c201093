import Intents

/// Nothing asked: the next message is read fresh.
struct IdleStep: DialogStep {
    var isJourney: Bool { false }

    /// The most words a bare acknowledgement has ("oke siap min").
    static let acknowledgementWords = 3

    func prompt(prefix: String?, in turn: inout ConversationTurn) {
        if let prefix { turn.say(prefix) }
    }

    /// A menu row tapped on an earlier menu still works.
    func choose(_ reply: ReplyID, messageID: String, in turn: inout ConversationTurn) {
        if case .menu = reply { return MenuStep().choose(reply, messageID: messageID, in: &turn) }
        turn.say(turn.t(.choiceExpired))
        turn.showMenu(prefix: nil)
    }

    /// Text outside any journey: a message about an open ticket goes to its log; otherwise, the menu.
    func answer(_ text: String, classification: Classification, messageID: String, in turn: inout ConversationTurn) {
        let message = ReporterMessage(messageID: messageID, text: text)
        let tickets = turn.context.openTickets
        if let number = classification.entities.ticketNumber ?? turn.quotedTicket,
            tickets.contains(where: { $0.number == number })
        {
            turn.emit(.appendToTicket(number: number, message: message))
            turn.say(turn.t(.ticketAppended, ["ticket": String(number)]))
            return turn.finishStep()
        }
        if !tickets.isEmpty, classification.intent == .affirm, text.wordCount <= Self.acknowledgementWords,
            !text.contains("?")
        {
            // "ok", "siap min" after a ticket's news: noted, kept on the ticket quietly, not "passed to staff".
            let ticket = turn.relayToOpenTicket(message, about: turn.state.staffTicket, quietly: true)
            turn.say(turn.t(.ticketNoted, ["ticket": String(ticket ?? tickets[0].number)]))
            return turn.finishStep()
        }
        switch tickets.count {
        case 0:
            turn.showMenu(prefix: turn.greeting(answering: text))
        case 1:
            turn.emit(.appendToTicket(number: tickets[0].number, message: message))
            turn.say(turn.t(.ticketAppended, ["ticket": String(tickets[0].number)]))
            turn.state.step = .idle
        default:
            turn.state.step = .choosingTicket(pending: .message(message))
            turn.promptCurrentStep(prefix: nil)
        }
    }
}
