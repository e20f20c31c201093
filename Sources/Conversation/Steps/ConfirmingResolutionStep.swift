import Intents

/// Staff resolved a ticket: "OK, selesai" or "Belum"?
struct ConfirmingResolutionStep: DialogStep {
    let ticketNumber: Int

    var isJourney: Bool { true }

    var ticket: Int? { self.ticketNumber }

    func options(in turn: ConversationTurn) -> [ChoiceOption] {
        [
            ChoiceOption(.resolved(ticket: self.ticketNumber), title: turn.t(.buttonResolved)),
            ChoiceOption(.notResolved(ticket: self.ticketNumber), title: turn.t(.buttonNotResolved)),
        ]
    }

    /// "ya"/"sudah"/"belum" answer whether it is solved.
    func claims(_ text: String, classification: Classification, in turn: ConversationTurn) -> Bool {
        (classification.intent == .affirm || classification.intent == .deny) && text.count <= 20
    }

    func prompt(prefix: String?, in turn: inout ConversationTurn) {
        let lead = prefix.map { $0 + "\n\n" } ?? ""
        turn.ask(
            lead + turn.t(.resolutionQuestion, ["ticket": String(self.ticketNumber)]), options: self.options(in: turn))
    }

    func answer(_ text: String, classification: Classification, messageID: String, in turn: inout ConversationTurn) {
        if classification.intent == .affirm {
            return turn.choose(.resolved(ticket: self.ticketNumber), messageID: messageID)
        }
        if classification.intent == .deny {
            return turn.choose(.notResolved(ticket: self.ticketNumber), messageID: messageID)
        }
        turn.invalid(turn.t(.invalidChoice, ["count": String(self.options(in: turn).count)]))
    }

    func whereText(in turn: ConversationTurn) -> String {
        turn.t(.whereResolution, ["ticket": String(self.ticketNumber)])
    }
}
