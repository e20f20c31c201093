import Intents

/// The contact wrote or sent a file and has several open tickets: which one is it about?
struct ChoosingTicketStep: DialogStep {
    let pending: TicketBoundItem

    var isJourney: Bool { true }

    func options(in turn: ConversationTurn) -> [ChoiceOption] {
        let none: Prompt = if case .withdrawal = self.pending { .ticketCancelNone } else { .ticketNone }
        return turn.context.openTickets.prefix(9).map {
            ChoiceOption(.ticket($0.number), title: "#\($0.number)", description: String($0.title.prefix(72)))
        } + [ChoiceOption(.noTicket, title: turn.t(none))]
    }

    func prompt(prefix: String?, in turn: inout ConversationTurn) {
        let lead = prefix.map { $0 + "\n\n" } ?? ""
        switch self.pending {
        case .message:
            turn.ask(lead + turn.t(.ticketWhich), options: self.options(in: turn), list: turn.t(.ticketButton))
        case .file(let file):
            turn.ask(
                lead + turn.t(.ticketWhichFile, ["file": file.filename]), options: self.options(in: turn),
                list: turn.t(.ticketButton))
        case .withdrawal:
            turn.ask(lead + turn.t(.ticketCancelChoose), options: self.options(in: turn), list: turn.t(.ticketButton))
        }
    }

    /// A ticket named in words picks it: "yg registrasi min, ini akta pendirian perusahaan kami" got "Mohon pilih
    /// salah satu.".
    func claims(_ text: String, classification: Classification, in turn: ConversationTurn) -> Bool {
        Self.ticket(namedIn: text, classification: classification, among: turn.context.openTickets) != nil
    }

    func answer(_ text: String, classification: Classification, messageID: String, in turn: inout ConversationTurn) {
        guard let ticket = Self.ticket(namedIn: text, classification: classification, among: turn.context.openTickets)
        else {
            return turn.invalid(turn.t(.invalidChoice, ["count": String(self.options(in: turn).count)]))
        }
        self.choose(.ticket(ticket), messageID: messageID, in: &turn)
    }

    /// The open ticket `text` names: by its number ("tiket #12"), or by a word of four letters or more of its
    /// title that no other open ticket's title has ("yang registrasi", "konsultasi nya"). Nil when it names none
    /// or several.
    static func ticket(namedIn text: String, classification: Classification, among tickets: [TicketSummary]) -> Int? {
        if let number = classification.entities.ticketNumber {
            return tickets.contains { $0.number == number } ? number : nil
        }
        let titles = tickets.map { Set(Self.words(of: $0.title)) }
        let said = Set(Self.words(of: text).flatMap { [$0, $0.hasSuffix("nya") ? String($0.dropLast(3)) : $0] })
        let named = tickets.indices.filter { index in
            titles[index].contains { word in
                said.contains(word) && titles.indices.allSatisfy { $0 == index || !titles[$0].contains(word) }
            }
        }
        return named.count == 1 ? tickets[named[0]].number : nil
    }

    /// The words of four letters or more in `text`, lowercased.
    private static func words(of text: String) -> [String] {
        text.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= 4 }
    }

    func choose(_ reply: ReplyID, messageID: String, in turn: inout ConversationTurn) {
        guard case .ticket(let ticket) = reply else {
            guard case .withdrawal = self.pending else { return turn.showMenu(prefix: nil) }
            turn.state.step = .idle
            return turn.say(turn.t(.ticketCancelNoneChosen))
        }
        switch self.pending {
        case .message(let message):
            turn.emit(.appendToTicket(number: ticket, message: message))
            turn.say(turn.t(.ticketAppended, ["ticket": String(ticket)]))
        case .file(let file):
            turn.fetch(file, for: ticket)
        case .withdrawal(let message):
            turn.state.step = .idle
            if let open = turn.context.openTickets.first(where: { $0.number == ticket }) {
                turn.withdraw(open, message: message)
            }
        }
        turn.finishStep()
    }
}
