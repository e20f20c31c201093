import Intents

/// Staff asked for more on a ticket: answers and files go to it until the contact says they are done.
struct FeedbackStep: DialogStep {
    let ticketNumber: Int
    let request: String

    var isJourney: Bool { true }

    var ticket: Int? { self.ticketNumber }

    func expectsFreeText(in turn: ConversationTurn) -> Bool { true }

    func options(in turn: ConversationTurn) -> [ChoiceOption] {
        [ChoiceOption(.feedbackDone(ticket: self.ticketNumber), title: turn.t(.buttonDone))]
    }

    func prompt(prefix: String?, in turn: inout ConversationTurn) {
        let lead = prefix.map { $0 + "\n\n" } ?? ""
        let paused = turn.pausedFormNote().map { "\n\n" + $0 } ?? ""
        turn.ask(
            lead + turn.t(.feedbackRequest, ["ticket": String(self.ticketNumber), "request": self.request]) + paused,
            options: self.options(in: turn))
    }

    /// A sentence is for staff, whatever else it reads as (see `ConversationTurn.isForStaff`).
    func claims(_ text: String, classification: Classification, in turn: ConversationTurn) -> Bool {
        turn.isForStaff(text, classification: classification)
    }

    func answer(_ text: String, classification: Classification, messageID: String, in turn: inout ConversationTurn) {
        if turn.isKeyword(text, "done") || classification.intent == .affirm && text.count <= 20 {
            return turn.choose(.feedbackDone(ticket: self.ticketNumber), messageID: messageID)
        }
        turn.emit(
            .appendToTicket(number: self.ticketNumber, message: ReporterMessage(messageID: messageID, text: text)))
        turn.ask(turn.t(.feedbackReceived, ["ticket": String(self.ticketNumber)]), options: self.options(in: turn))
    }

    func whereText(in turn: ConversationTurn) -> String {
        turn.t(.whereFeedback, ["ticket": String(self.ticketNumber)])
    }

    /// Staff asked for more: a photo or screenshot goes to the ticket like a file.
    func imageReceived(mediaID: String, caption: String?, in turn: inout ConversationTurn) {
        turn.fileForTicket(.photo(mediaID: mediaID))
    }
}
