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

    /// "selesai", "sudah ya min" and "sudah saya kirim semua" are done. A short yes or no to a question staff asked ("ya" to
    /// "Apakah email perusahaan masih aktif?") is the answer, which reaches the ticket before it is done: it was
    /// taken as done alone, and staff never read it. A bare "ok" to a request for something to send is no answer
    /// yet: it closed the request before anything came.
    func answer(_ text: String, classification: Classification, messageID: String, in turn: inout ConversationTurn) {
        let message = ReporterMessage(messageID: messageID, text: text)
        let done = ReplyID.feedbackDone(ticket: self.ticketNumber)
        let already = Self.saysAlready(text, in: turn)
        if turn.isKeyword(text, "done") || already {
            // To a question staff asked ("Apakah NPWP sudah 16 digit?"), "sudah" is also its answer, which reaches
            // the ticket first; it was taken as done alone.
            if already, turn.isQuestion(self.request) {
                turn.emit(.appendToTicket(number: self.ticketNumber, message: message))
            }
            return turn.choose(done, messageID: messageID)
        }
        let short = text.count <= Self.shortAnswer
        if turn.isQuestion(self.request) && short && [.affirm, .deny].contains(classification.intent)
            || turn.saysThatsAll(text)
        {
            turn.emit(.appendToTicket(number: self.ticketNumber, message: message))
            return turn.choose(done, messageID: messageID)
        }
        if short, classification.intent == .affirm || turn.onlyAcknowledges(text, classification: classification) {
            return turn.ask(turn.t(.feedbackWaiting), options: self.options(in: turn))
        }
        turn.emit(.appendToTicket(number: self.ticketNumber, message: message))
        turn.ask(turn.t(.feedbackReceived, ["ticket": String(self.ticketNumber)]), options: self.options(in: turn))
    }

    /// The most characters of a yes, a no or an acknowledgement ("iya masih aktif min").
    static let shortAnswer = 20

    /// Whether `text` only says it is done already: a word of `already` with none besides `filler` and `noOpinion`
    /// ("sudah ya min", "udah kak", "ok sudah"), as "sudah" alone does; it got "Kirim yang diminta di sini" as a
    /// bare "ok" does.
    static func saysAlready(_ text: String, in turn: ConversationTurn) -> Bool {
        turn.catalogue.settings.saysOnly(text, keywordsNamed: "already", besides: ["filler", "noOpinion"])
    }

    func whereText(in turn: ConversationTurn) -> String {
        turn.t(.whereFeedback, ["ticket": String(self.ticketNumber)])
    }

    /// Staff asked for more: a photo or screenshot goes to the ticket like a file.
    func imageReceived(mediaID: String, caption: String?, in turn: inout ConversationTurn) {
        turn.fileForTicket(.photo(mediaID: mediaID))
    }
}
