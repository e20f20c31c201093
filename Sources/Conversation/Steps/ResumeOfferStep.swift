import Intents

/// Back after a long pause: continue the previous step or start over?
struct ResumeOfferStep: DialogStep {
    let previous: ConversationStep

    var isJourney: Bool { true }

    func options(in turn: ConversationTurn) -> [ChoiceOption] {
        [
            ChoiceOption(.resumeContinue, title: turn.t(.buttonContinue)),
            ChoiceOption(.resumeRestart, title: turn.t(.buttonRestart)),
        ]
    }

    func prompt(prefix: String?, in turn: inout ConversationTurn) {
        let lead = prefix.map { $0 + "\n\n" } ?? ""
        let name = turn.greetingName.map { ", \($0)" } ?? ""
        let place = self.previous.behaviour.whereText(in: turn)
        turn.ask(lead + turn.t(.resumeBody, ["name": name, "where": place]), options: self.options(in: turn))
    }

    func choose(_ reply: ReplyID, messageID: String, in turn: inout ConversationTurn) {
        turn.state.step = self.previous
        switch reply {
        case .resumeContinue:
            // What was written on coming back is answered there.
            turn.continueAfterPause(self.previous)
        case .resumeRestart:
            turn.leaveCurrentStep()
            turn.showMenu(prefix: nil)
        default:
            // A tap on an earlier message answers the step it was asked in.
            turn.state.heldAfterPause = nil
            turn.choose(reply, messageID: messageID)
        }
    }

    /// "batal" after a long pause: a form left then is a request cancelled, with nothing sent.
    func cancel(_ text: String?, in turn: inout ConversationTurn) {
        let form: Bool
        if case .intake = self.previous { form = true } else { form = false }
        turn.leaveCurrentStep()
        turn.showMenu(prefix: turn.t(form ? .cancelled : .cancelledStep))
    }

    /// "ya" continues; anything with a word or a number but a no is the journey's answer, written instead of a
    /// choice: the journey continues with it, in place of what was held.
    func answer(_ text: String, classification: Classification, messageID: String, in turn: inout ConversationTurn) {
        if classification.intent == .affirm { return turn.choose(.resumeContinue, messageID: messageID) }
        guard classification.intent != .deny, text.contains(where: { $0.isLetter || $0.isNumber }) else {
            return turn.invalid(turn.t(.invalidChoice, ["count": String(self.options(in: turn).count)]))
        }
        turn.state.heldAfterPause = HeldMessage(messageID: messageID, text: text, classification: classification)
        turn.continueAfterPause(self.previous)
    }
}
