import Intents

/// Waiting for the ticket staff will work after a hand-off; messages meanwhile are kept for it.
struct HandingOffStep: DialogStep {
    let pending: [ReporterMessage]

    var isJourney: Bool { false }

    func prompt(prefix: String?, in turn: inout ConversationTurn) {
        if let prefix { turn.say(prefix) }
    }

    func answer(_ text: String, classification: Classification, messageID: String, in turn: inout ConversationTurn) {
        turn.state.step = .handingOff(pending: self.pending + [ReporterMessage(messageID: messageID, text: text)])
        turn.say(turn.t(.handoffWaiting))
    }

    func ticketOpened(_ number: Int, in turn: inout ConversationTurn) {
        for message in self.pending { turn.emit(.appendToTicket(number: number, message: message)) }
        turn.say(turn.t(.handoffOpened, ["ticket": String(number)]) + turn.afterHoursNote())
        turn.finishStep()
        turn.state.staffTicket = number
    }
}
