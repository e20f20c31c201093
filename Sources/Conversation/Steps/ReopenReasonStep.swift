import Intents

/// The contact said the resolved ticket is not solved: what is still wrong?
struct ReopenReasonStep: DialogStep {
    let ticketNumber: Int

    var isJourney: Bool { true }

    var ticket: Int? { self.ticketNumber }

    func expectsFreeText(in turn: ConversationTurn) -> Bool { true }

    func prompt(prefix: String?, in turn: inout ConversationTurn) {
        let lead = prefix.map { $0 + "\n\n" } ?? ""
        turn.say(lead + turn.t(.resolutionWhy, ["ticket": String(self.ticketNumber)]))
    }

    /// A sentence is for staff, whatever else it reads as (see `ConversationTurn.isForStaff`).
    func claims(_ text: String, classification: Classification, in turn: ConversationTurn) -> Bool {
        turn.isForStaff(text, classification: classification)
    }

    func answer(_ text: String, classification: Classification, messageID: String, in turn: inout ConversationTurn) {
        guard let reason = FieldNormalizer.freeText(text) else { return turn.invalid(turn.t(.invalidFreeText)) }
        turn.emit(.reopen(ticket: self.ticketNumber, message: reason))
        turn.say(turn.t(.resolutionReopened, ["ticket": String(self.ticketNumber)]))
        turn.finishStep()
    }

    /// Back to the question whether it is solved.
    func back(in turn: inout ConversationTurn) {
        turn.state.step = .confirmingResolution(ticket: self.ticketNumber)
        turn.promptCurrentStep(prefix: nil)
    }

    func whereText(in turn: ConversationTurn) -> String {
        turn.t(.whereResolution, ["ticket": String(self.ticketNumber)])
    }
}
