import Intents
import Support

/// The main menu: the services, status, FAQ, office hours and staff.
struct MenuStep: DialogStep {
    var isJourney: Bool { false }

    func options(in turn: ConversationTurn) -> [ChoiceOption] {
        let catalogue = turn.catalogue
        let language = turn.language
        return catalogue.menu.map { entry in
            var title = entry.title?.text(in: language) ?? ""
            var description = entry.description?.text(in: language)
            if case .service(let id) = entry.action, let service = catalogue.service(id: id) {
                if entry.title == nil { title = service.menuTitle.text(in: language) }
                if entry.description == nil { description = service.menuDescription.text(in: language) }
            }
            return ChoiceOption(.menu(entry.id), title: title, description: description)
        }
    }

    func prompt(prefix: String?, in turn: inout ConversationTurn) {
        Self.ask(.menuBody, prefix: prefix, in: &turn)
    }

    /// The menu's list under `body` ("Silakan pilih layanan", or the invitation to write a question announced).
    static func ask(_ body: Prompt, prefix: String?, in turn: inout ConversationTurn) {
        let lead = prefix.map { $0 + "\n\n" } ?? ""
        turn.ask(lead + turn.t(body), options: MenuStep().options(in: turn), list: turn.t(.menuButton))
    }

    func choose(_ reply: ReplyID, messageID: String, in turn: inout ConversationTurn) {
        guard case .menu(let id) = reply, let entry = turn.catalogue.menu.first(where: { $0.id == id }) else {
            return turn.invalid(turn.t(.invalidChoice, ["count": String(turn.currentOptions().count)]))
        }
        switch entry.action {
        case .service(let serviceID):
            IntakeStep.start(serviceID, in: &turn)
        case .status:
            turn.state.step = .idle
            guard !turn.context.openTickets.isEmpty else {
                // No ticket: nothing to follow, where "Anda tidak memiliki tiket" ended the chat. How to ask about
                // a request made outside it, and the menu to start one, as when it is typed.
                return turn.showMenu(prefix: turn.statusText(ticket: nil) + "\n" + turn.t(.statusNoneAskStaff))
            }
            turn.say(turn.statusText(ticket: nil))
        case .faq:
            turn.state.step = .faq
            turn.promptCurrentStep(prefix: nil)
        case .hours:
            turn.state.step = .idle
            turn.say(turn.hoursAnswer())
        case .human:
            turn.handOff(reason: .asked)
        }
    }

    /// "tidak ada", "gak min" to the menu: nothing more is wanted; the provider is told how to come back, not
    /// to choose one of the rows.
    func answer(_ text: String, classification: Classification, messageID: String, in turn: inout ConversationTurn) {
        guard classification.intent == .deny, classification.confidence >= GlobalCommand.minimumConfidence else {
            return turn.invalid(turn.t(.invalidChoice, ["count": String(self.options(in: turn).count)]))
        }
        turn.state.step = .idle
        turn.say(turn.t(.menuNothingMore))
    }
}
