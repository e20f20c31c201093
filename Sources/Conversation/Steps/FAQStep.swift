import Support

/// The list of frequent questions.
struct FAQStep: DialogStep {
    var isJourney: Bool { false }

    func options(in turn: ConversationTurn) -> [ChoiceOption] {
        turn.catalogue.faq.map { ChoiceOption(.faq($0.id), title: $0.question.text(in: turn.language)) }
    }

    func prompt(prefix: String?, in turn: inout ConversationTurn) {
        let lead = prefix.map { $0 + "\n\n" } ?? ""
        turn.ask(lead + turn.t(.faqBody), options: self.options(in: turn), list: turn.t(.faqButton))
    }

    func choose(_ reply: ReplyID, messageID: String, in turn: inout ConversationTurn) {
        guard case .faq(let id) = reply, let entry = turn.catalogue.faq.first(where: { $0.id == id }) else {
            return turn.invalid(turn.t(.invalidChoice, ["count": String(turn.currentOptions().count)]))
        }
        turn.state.step = .idle
        turn.say(entry.answer.text(in: turn.language) + "\n\n" + turn.t(.faqMore))
    }
}
