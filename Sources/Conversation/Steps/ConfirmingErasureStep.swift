import Intents

/// "hapus data saya": confirming the request to erase the contact's personal data.
struct ConfirmingErasureStep: DialogStep {
    var isJourney: Bool { true }

    func options(in turn: ConversationTurn) -> [ChoiceOption] {
        [
            ChoiceOption(.erasureYes, title: turn.t(.privacyButtonErase)),
            ChoiceOption(.erasureNo, title: turn.t(.buttonCancel)),
        ]
    }

    func claims(_ text: String, classification: Classification, in turn: ConversationTurn) -> Bool {
        (classification.intent == .affirm || classification.intent == .deny) && text.count <= 20
    }

    func prompt(prefix: String?, in turn: inout ConversationTurn) {
        let lead = prefix.map { $0 + "\n\n" } ?? ""
        turn.ask(lead + turn.t(.privacyEraseQuestion), options: self.options(in: turn))
    }

    func choose(_ reply: ReplyID, messageID: String, in turn: inout ConversationTurn) {
        switch reply {
        case .erasureYes:
            turn.emit(.requestErasure)
            turn.dropFormsForErasure()
            turn.finishStep()
        case .erasureNo:
            turn.say(turn.t(.privacyEraseKept))
            turn.finishStep()
        default:
            turn.say(turn.t(.choiceExpired))
            self.prompt(prefix: nil, in: &turn)
        }
    }

    func answer(_ text: String, classification: Classification, messageID: String, in turn: inout ConversationTurn) {
        if classification.intent == .affirm { return self.choose(.erasureYes, messageID: messageID, in: &turn) }
        if classification.intent == .deny { return self.choose(.erasureNo, messageID: messageID, in: &turn) }
        turn.invalid(turn.t(.invalidChoice, ["count": "2"]))
    }

    func whereText(in turn: ConversationTurn) -> String { turn.t(.wherePrivacy) }
}
