/// The contact wrote or sent a file and has several open tickets: which one is it about?
struct ChoosingTicketStep: DialogStep {
    let pending: TicketBoundItem

    var isJourney: Bool { true }

    func options(in turn: ConversationTurn) -> [ChoiceOption] {
        turn.context.openTickets.prefix(9).map {
            ChoiceOption(.ticket($0.number), title: "#\($0.number)", description: String($0.title.prefix(72)))
        } + [ChoiceOption(.noTicket, title: turn.t(.ticketNone))]
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
        }
    }

    func choose(_ reply: ReplyID, messageID: String, in turn: inout ConversationTurn) {
        guard case .ticket(let ticket) = reply else { return turn.showMenu(prefix: nil) }
        switch self.pending {
        case .message(let message):
            turn.emit(.appendToTicket(number: ticket, message: message))
            turn.say(turn.t(.ticketAppended, ["ticket": String(ticket)]))
        case .file(let file):
            turn.fetch(file, for: ticket)
        }
        turn.finishStep()
    }
}
