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

    /// "ya", "udh beres makasih", "belum", "masih error" answer whether it is solved, whatever a global command
    /// would make of them ("sudah selesai" reads like a status question).
    func claims(_ text: String, classification: Classification, in turn: ConversationTurn) -> Bool {
        Self.verdict(text, classification: classification, keywords: turn.catalogue.settings.keywords) != nil
            || Self.notTriedYet(text, in: turn) || Self.asksAboutIt(text)
    }

    /// "belum dicoba min", "nanti saya cek dulu" (`untried` in `settings.json`): not an answer yet, and no "no".
    static func notTriedYet(_ text: String, in turn: ConversationTurn) -> Bool {
        turn.catalogue.settings.mentions(text: text, keywordsNamed: "untried")
    }

    /// "passwordnya apa ya?": a question about what staff did, which says it is not done for the provider yet.
    static func asksAboutIt(_ text: String) -> Bool {
        text.contains("?") && text.wordCount >= 2
    }

    /// What a typed answer says: solved (`true`), not solved (`false`), or neither (nil). A word of "not yet"
    /// (`notSolved`: "belum", "masih", "gagal") or a negation of anything but a problem ("gak bisa
    /// login") says not solved, even beside a word of `solved` ("sudah tapi masih error"); a word of `solved`,
    /// a negated problem ("tidak ada masalah") or a yes says solved; a no says not solved. A thank-you alone is
    /// answered as anywhere, and the question stays.
    static func verdict(_ text: String, classification: Classification, keywords: [String: [String]]) -> Bool? {
        let words = text.lowercased().split { !$0.isLetter }.map(String.init)
        let negations = Set(keywords["not"] ?? [])
        let problems: Set<String> = ["masalah", "kendala", "problem", "papa", "apa"]
        var negatesProblem = false
        for (index, word) in words.enumerated() where negations.contains(word) {
            // "tidak masalah", "gak ada kendala", "ga papa": no problem. "tidak ada perubahan" is one.
            let after = words.dropFirst(index + 1).prefix(2)
            let problem = after.first == "ada" ? after.dropFirst().first : after.first
            guard let problem, problems.contains(problem) else { return false }
            negatesProblem = true
        }
        if !Set(keywords["notSolved"] ?? []).isDisjoint(with: words) { return false }
        let solvedWords = !Set(keywords["solved"] ?? []).isDisjoint(with: words)
        if solvedWords || negatesProblem || classification.intent == .affirm { return true }
        return classification.intent == .deny ? false : nil
    }

    func prompt(prefix: String?, in turn: inout ConversationTurn) {
        let lead = prefix.map { $0 + "\n\n" } ?? ""
        turn.ask(
            lead + turn.t(.resolutionQuestion, ["ticket": String(self.ticketNumber)]), options: self.options(in: turn))
    }

    /// A "no" that says what is still wrong ("blm bisa login min") reopens the ticket with it; a bare "belum"
    /// is asked why.
    func answer(_ text: String, classification: Classification, messageID: String, in turn: inout ConversationTurn) {
        if Self.notTriedYet(text, in: turn) {
            // The ticket stays resolved, and closes on its own if nothing more is said.
            return self.prompt(prefix: turn.t(.resolutionTryFirst), in: &turn)
        }
        let verdict = Self.verdict(text, classification: classification, keywords: turn.catalogue.settings.keywords)
        if verdict == nil, Self.asksAboutIt(text) {
            // The question reopens the ticket with it, as a "no" that says what is wrong does.
            turn.state.step = .reopenReason(ticket: self.ticketNumber)
            return turn.answer(text, classification: classification, messageID: messageID)
        }
        switch verdict {
        case true?:
            turn.choose(.resolved(ticket: self.ticketNumber), messageID: messageID)
            // "sudah min, tapi sekarang saya lupa password lagi": what comes after the "but" asks for a service,
            // which starts as from the menu, where it was dropped with the ticket closed.
            let unread = Classification(intent: .unknown, confidence: 0)
            if let after = turn.afterContrast(in: text),
                let service = turn.mentionedService(after, classification: unread)
            {
                turn.start(service, from: ReporterMessage(messageID: messageID, text: after), classification: unread)
            }
        case false? where text.wordCount >= 3:
            turn.state.step = .reopenReason(ticket: self.ticketNumber)
            turn.answer(text, classification: classification, messageID: messageID)
        case false?:
            turn.choose(.notResolved(ticket: self.ticketNumber), messageID: messageID)
        case nil:
            turn.invalid(turn.t(.invalidChoice, ["count": String(self.options(in: turn).count)]))
        }
    }

    func whereText(in turn: ConversationTurn) -> String {
        turn.t(.whereResolution, ["ticket": String(self.ticketNumber)])
    }
}
