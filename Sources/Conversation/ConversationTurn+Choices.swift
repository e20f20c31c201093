import Foundation
import Intents
import Support

extension ConversationTurn {
    /// A tapped button or list row, or a typed number naming one.
    mutating func choose(_ reply: ReplyID, messageID: String) {
        switch reply {
        case .resolved(let ticket):
            emit(.confirmResolution(ticket: ticket))
            say(t(.resolutionConfirmed, ["ticket": String(ticket)]))
            if case .confirmingResolution = state.step { finishStep() }
        case .notResolved(let ticket):
            if case .confirmingResolution = state.step {
                state.step = .reopenReason(ticket: ticket)
            } else {
                interrupt(with: .reopenReason(ticket: ticket))
            }
            promptCurrentStep(prefix: nil)
        case .feedbackDone(let ticket):
            emit(.provideFeedback(ticket: ticket))
            say(t(.feedbackDone, ["ticket": String(ticket)]))
            if case .feedback = state.step { finishStep() }
        case .callAttend(let ticket):
            if let start = offer?.booking, offer?.ticket == ticket {
                say(t(.verificationAttending, ["when": when(start)]))
            } else {
                say(t(.choiceExpired))
            }
        case .callMove(let ticket):
            // Only the ticket's own reporter has it in their context: another contact's tap expires.
            guard let offer, offer.ticket == ticket else { return say(t(.choiceExpired)) }
            startBooking(offer, prefix: nil)
        case .callCancel(let ticket):
            guard let offer, offer.ticket == ticket else { return say(t(.choiceExpired)) }
            startCancellingCall(offer)
        case .slot(let seconds) where offer != nil && !state.step.isBooking:
            chooseEarlierSlot(Date(timeIntervalSince1970: TimeInterval(seconds)))
        case .surveyResume:
            guard let parked = state.parkedSurvey else {
                return state.step.behaviour.choose(reply, messageID: messageID, in: &self)
            }
            state.parkedSurvey = nil
            interrupt(with: .survey(parked))
            promptCurrentStep(prefix: nil)
        default:
            state.step.behaviour.choose(reply, messageID: messageID, in: &self)
        }
    }

    /// Free text that is neither a command nor an option.
    mutating func answer(_ text: String, classification: Classification, messageID: String) {
        state.step.behaviour.answer(text, classification: classification, messageID: messageID, in: &self)
    }

    enum PrivacyRequest {
        case show
        case erase
        /// What the data is for, how long it is kept, and the rights: the notice.
        case explain
    }

    /// A request about the contact's own personal data, by the catalogue's `privacy.show` and `privacy.erase`
    /// phrases, or a question about what it is for (`privacy.ask`).
    func privacyRequest(in text: String) -> PrivacyRequest? {
        let words = DialogSettings.spacedWords(text)
        if catalogue.settings.mentions(words, keywordsNamed: "privacy.erase") { return .erase }
        if catalogue.settings.mentions(words, keywordsNamed: "privacy.show") { return .show }
        if isQuestion(text), catalogue.settings.mentions(words, keywordsNamed: "privacy.ask") { return .explain }
        return nil
    }

    mutating func answerPrivacy(_ request: PrivacyRequest) {
        let data = context.personalData
        switch request {
        case .show:
            let consent = state.consent.map { CalendarWords.date(JakartaTime.local($0.at).day, in: language) } ?? "–"
            say(
                t(
                    .privacyShow,
                    [
                        "number": "+" + context.waID, "name": data.profileName ?? context.profileName ?? "–",
                        "tickets": String(data.tickets), "documents": String(data.documents),
                        "surveys": String(data.surveys), "consent": consent,
                    ]))
        case .explain:
            // The notice without its closing question: nothing is asked to agree to here.
            var lines = catalogue.privacy.text.text(in: language).split(
                separator: "\n", omittingEmptySubsequences: false)
            if lines.count > 1, lines.last?.hasSuffix("?") == true { lines.removeLast() }
            say("🔒 " + lines.joined(separator: "\n") + "\n\n" + t(.privacyExplained))
        case .erase:
            if let ticket = data.pendingErasure {
                return say(t(.privacyErasePending, ["ticket": String(ticket)]))
            }
            interrupt(with: .confirmingErasure)
            promptCurrentStep(prefix: nil)
        }
    }

    /// The erasure confirmed while a form was being filled in: the form goes too, its answers and files being the
    /// provider's data, and the provider is told so; nothing of it is sent.
    mutating func dropFormsForErasure() {
        let forms = state.suspended.compactMap { step -> String? in
            guard case .intake(let draft) = step else { return nil }
            return title(of: draft)
        }
        guard !forms.isEmpty else { return }
        state.suspended.removeAll {
            if case .intake = $0 { return true }
            return false
        }
        state.cancelledDraft = nil
        say(t(.privacyFormDropped, ["service": listed(forms)]))
    }

    /// The menu entry a message outside any journey asks for by its words (the catalogue's `service.<id>`
    /// keywords: whole words, or phrases), when it reads as a request rather than a question about a ticket.
    func mentionedService(_ text: String, classification: Classification) -> String? {
        // Another intent the recognizer is unsure of does not stand in the way: "saya mau komplain, petugas
        // verifikasi tidak datang di jadwal video call" reads as a schedule question at 0.39. Nor does one it is
        // sure of where a service is asked for in so many words: "mau komplain min, sudah 3 hari tiket saya tidak
        // dibalas" reads as a status check at 0.84.
        guard !inProgress, state.step.awaitsRequest,
            [.createTicket, .menu, .greeting, .unknown].contains(classification.intent)
                || classification.confidence < GlobalCommand.minimumConfidence || asksDecisively(text)
                || asksWhyWithoutATicket(text, classification: classification),
            classification.entities.ticketNumber == nil
        else { return nil }
        return serviceNamed(in: text, classification: classification)
    }

    /// Whether `text`, read as a status check while no ticket is open, says what goes wrong (`problemWords`) and
    /// names no ticket or status (`ticketWords`), nor something not done yet (`not`, `stillWords`): "why is my
    /// account locked?" asks for the service it names, where it got "You have no open tickets."; "why is my
    /// registration still not verified?" and "kenapa status registrasi saya belum berubah?" ask a status.
    private func asksWhyWithoutATicket(_ text: String, classification: Classification) -> Bool {
        let words = DialogSettings.spacedWords(text)
        let settings = catalogue.settings
        return classification.intent == .checkStatus && context.openTickets.isEmpty
            && settings.mentions(words, keywordsNamed: "problemWords")
            && !["ticketWords", "not", "stillWords"].contains { settings.mentions(words, keywordsNamed: $0) }
    }

    /// The menu entry `text` names by its words, wherever it is written: a kode tender with what goes wrong, or
    /// a service's keywords as typed or as the recognizer read them (`mentionedService` says where they ask for it).
    func serviceNamed(in text: String, classification: Classification) -> String? {
        let words = DialogSettings.spacedWords(text)
        if decisiveService(in: words) == nil, let coded = serviceTakingTheCode(words, entities: classification.entities)
        {
            return coded
        }
        // As typed, then as the recognizer read it: "lupa pw", "dftr akun" name their services too.
        let question = isQuestion(text) || saysAQuestionComes(text, words: words)
        if let roleless = withoutWritersRole(words),
            let service = service(namedIn: notDone(withoutLists(roleless)), question: question)
        {
            return service
        }
        return service(namedIn: notDone(withoutLists(words)), question: question)
            ?? classification.normalizedText.flatMap {
                service(namedIn: notDone(withoutLists(DialogSettings.spacedWords($0))), question: question)
            }
    }

    /// `words` (from `spacedWords`) without the officials' names of `reporter` ("pokja", "ppk") when the message
    /// says its writer is one (`officialSelf`: "saya pokja"), nil otherwise: the role says who writes, not what
    /// about. "saya pokja lupa password" started a tender problem, for "pokja", where an official's password is
    /// asked about; a message that names no other service keeps the role's ("saya pokja" alone).
    private func withoutWritersRole(_ words: String) -> String? {
        guard catalogue.settings.mentions(words, keywordsNamed: "officialSelf") else { return nil }
        let officials = catalogue.settings.keywordSet("reporter")
        let kept = words.wordsBetweenSpaces.filter { !officials.contains(String($0)) }
        return " " + kept.joined(separator: " ") + " "
    }

    /// `words` (from `spacedWords`) without "daftar" where it is a list, not signing up: before a word of `listOf`
    /// ("daftar peserta", "daftar hitam", "mau daftar tender", which is taking part in one) or after one of `inList`
    /// ("tidak muncul di daftar"). "kenapa perusahaan saya tidak muncul di daftar peserta padahal sudah kirim
    /// penawaran" started a registration.
    private func withoutLists(_ words: String) -> String {
        let listOf = catalogue.settings.keywordSet("listOf")
        let inList = catalogue.settings.keywordSet("inList")
        let split = withoutReporters(words).wordsBetweenSpaces
        var kept: [Substring] = []
        for (index, word) in split.enumerated() {
            if word == "daftar",
                index > 0 && inList.contains(String(split[index - 1]))
                    || index + 1 < split.count && listOf.contains(String(split[index + 1]))
            {
                continue
            }
            kept.append(word)
        }
        return " " + kept.joined(separator: " ") + " "
    }

    /// `words` (from `spacedWords`) without an official named as who asked or said something (`reporter`: "pokja",
    /// "ppk") before a word of `reporting` ("minta", "bilang") or after one of `reportingLeadIn` ("kata",
    /// "menurut"): "pokja minta saya update data perusahaan" asks for a data change, where "pokja" started a tender
    /// problem with the provider's role taken to be Pokja.
    func withoutReporters(_ words: String) -> String {
        let settings = catalogue.settings
        // Most messages name no official: they are read once more, not split.
        guard let named = settings.keywords["reporter"],
            DialogSettings.firstMention(in: words, of: named, anyOne: true) != nil
        else { return words }
        let reporters = settings.keywordSet("reporter")
        let reporting = settings.keywordSet("reporting")
        let leadIn = settings.keywordSet("reportingLeadIn")
        let split = words.wordsBetweenSpaces
        let kept = split.enumerated().filter { index, word in
            guard reporters.contains(String(word)) else { return true }
            let before = index > 0 && leadIn.contains(String(split[index - 1]))
            let after = index + 1 < split.count && reporting.contains(String(split[index + 1]))
            return !before && !after
        }
        return " " + kept.map(\.element).joined(separator: " ") + " "
    }

    /// "halo, saya PPK di dinas PU, mau tanya cara buat paket di spse", "I want to ask about the SIKaP data": a
    /// message of five words or more that says in `askingDeclared` words a question comes is one without a
    /// question mark, unless the FAQ or Loket itself answers it (the office hours, `hoursWords`; a ticket,
    /// `ticketWords`). `words` are `text`'s from `spacedWords`.
    func saysAQuestionComes(_ text: String, words: String) -> Bool {
        let settings = catalogue.settings
        return text.wordCount >= Self.keptMessageWords && settings.mentions(words, keywordsNamed: "askingDeclared")
            && !settings.mentions(words, keywordsNamed: "hoursWords")
            && !settings.mentions(words, keywordsNamed: "ticketWords") && typedFAQ(text) == nil
    }

    /// "saya PPK, paket 10234567 jadwalnya tidak bisa diubah padahal sudah addendum", "paket 10234567 kok ga muncul
    /// di daftar paket saya" (`words` from `spacedWords`, `entities` the recognizer's): a message with a kode tender
    /// that says what is wrong asks for the form that takes the code, whatever other service a word of it names
    /// ("daftar paket" is a list, "sudah addendum" is done), unless it asks for another in so many words
    /// (`decisive.<id>`).
    private func serviceTakingTheCode(_ words: String, entities: Entities) -> String? {
        guard entities.kodeTender != nil || namesACodeSubjectFirst(words), saysWhatIsWrong(words) else { return nil }
        return catalogue.services.first { $0.fields.contains { $0.validator == .kodeTender } }?.id
    }

    /// Whether `words` (from `spacedWords`) name what a kode tender names, a phrase of `codeSubjects` ("paket"),
    /// before any service's words: "paket saya sudah tayang tapi tidak ada penyedia yang daftar" is about the
    /// package, "akun saya terkunci jadi ga bisa ikut paket" about the account.
    private func namesACodeSubjectFirst(_ words: String) -> Bool {
        let settings = catalogue.settings
        guard let subject = settings.firstMention(in: words, keywordsNamed: "codeSubjects") else { return false }
        return catalogue.menu.allSatisfy { entry in
            settings.firstMention(in: words, keywordsNamed: "service.\(entry.id)").map { subject < $0 } ?? true
        }
    }

    /// Whether `words` (from `spacedWords`) say what is wrong: a word of `problemWords` ("gagal", "error", "kok")
    /// or of `not` ("tidak ramah", "ga masuk").
    func saysWhatIsWrong(_ words: String) -> Bool {
        catalogue.settings.mentions(words, keywordsNamed: "problemWords")
            || catalogue.settings.mentions(words, keywordsNamed: "not")
    }

    /// `words` (from `spacedWords`) without the word after each of `already` ("sudah", "udh", "pernah"): "sy udh
    /// daftar tp blm bs login" did the registration before and asks about it, it does not ask for one. A word of
    /// `changed` stays, and the word before it goes: "email kami sudah berubah" tells of a change the provider's
    /// data still needs, as "email kami berubah" does.
    private func notDone(_ words: String) -> String {
        let already = catalogue.settings.keywordSet("already")
        let changed = catalogue.settings.keywordSet("changed")
        var kept: [Substring] = []
        var skipNext = false
        for word in words.wordsBetweenSpaces {
            if skipNext {
                skipNext = false
                guard changed.contains(String(word)) else { continue }
                kept.removeLast()
            }
            skipNext = already.contains(String(word))
            kept.append(word)
        }
        return " " + kept.joined(separator: " ") + " "
    }

    /// The menu entry `words` ask for: a service's `decisive.<id>` phrase chooses it wherever it stands ("mau
    /// ikut tender tapi belum punya akun" needs an account before anything else); otherwise the service named
    /// first ("mau komplain, upload dokumen penawaran gagal" is a complaint, "upload penawaran di tender gagal"
    /// a tender problem). A question about what a problem's service is about, with no word of a problem (of
    /// `problemWords` or `not`), is for the service that takes questions (the first with `asking.<id>`
    /// phrases), when it is written as one (`question`: "jadwal pembuktian kualifikasi kapan ya?") or says so
    /// with such a phrase ("mau tanya cara upload dokumen penawaran"); so is a question naming no service that is
    /// asked with such a phrase ("gimana cara isi data pengalaman?").
    private func service(namedIn words: String, question: @autoclosure () -> Bool) -> String? {
        if let decided = decisiveService(in: words) { return decided }
        let named = catalogue.settings.firstMentioned(in: words, among: catalogue.menu) { "service.\($0.id)" }
        let settings = catalogue.settings
        guard let asked = questionsEntry,
            !settings.mentions(words, keywordsNamed: "problemWords"), !settings.mentions(words, keywordsNamed: "not")
        else { return named?.id }
        guard let named else {
            // "bagaimana cara mengisi data pengalaman perusahaan di spse?", "how do I upload the qualification
            // documents?": a question asked with one of its phrases, naming no service, is the consultation's.
            // So is one about what a kode tender names ("apa itu paket e-katalog?"), as one about the tender's
            // service is below. One about a ticket ("how can I check my ticket?") is Loket's own to answer.
            guard question(),
                settings.mentions(words, keywordsNamed: "asking.\(asked.id)")
                    || settings.mentions(words, keywordsNamed: "codeSubjects"),
                !settings.mentions(words, keywordsNamed: "ticketWords")
            else { return nil }
            return asked.id
        }
        guard catalogue.service(id: named.id)?.type == Self.problemType,
            question() || settings.mentions(words, keywordsNamed: "asking.\(asked.id)")
        else { return named.id }
        return asked.id
    }

    /// The menu entry of the service that takes questions (the consultation): the first with `asking.<id>` phrases.
    var questionsEntry: MenuEntry? {
        catalogue.menu.first { catalogue.settings.keywords["asking.\($0.id)"] != nil }
    }

    /// The ticket type of a service that reports a problem (a tender's), which needs a problem to report.
    static let problemType = "Permasalahan"

    /// Whether `text` asks for a service in so many words, a `decisive.<id>` phrase ("mau konsultasi", "belum punya
    /// akun"): the request starts even when the message also asks what the FAQ answers ("mau konsultasi soal sikap,
    /// cara isi pengalaman perusahaan gimana ya?" is the consultation's question, not the FAQ's about SIKaP).
    func asksDecisively(_ text: String) -> Bool {
        decisiveService(in: DialogSettings.spacedWords(text)) != nil
    }

    /// The service a `decisive.<id>` phrase in `words` (from `spacedWords`) asks for, if any.
    private func decisiveService(in words: String) -> String? {
        catalogue.menu.first { catalogue.settings.mentions(words, keywordsNamed: "decisive.\($0.id)") }?.id
    }

    /// How many of the menu's services `text` names by their `service.<id>` words.
    func servicesNamed(in text: String) -> Int {
        services(namedIn: withoutLists(DialogSettings.spacedWords(text))).count
    }

    /// In a question choosing between services, the one service its situation names before the choice: "ganti
    /// direktur, itu masuk perubahan data atau registrasi ulang?" is a data change, where the menu was shown
    /// again. The choice is the service named by the fewest words before its first word of `orWords` ("perubahan
    /// data atau"); the situation, everything before them, without what is done already ("sudah daftar"). Nil when
    /// the situation names none or several.
    func serviceOfTheSituation(in text: String) -> String? {
        let words = withoutLists(DialogSettings.spacedWords(text)).wordsBetweenSpaces
        let orWords = catalogue.settings.keywordSet("orWords")
        guard let or = words.firstIndex(where: { orWords.contains(String($0)) }) else { return nil }
        let spaced = { (part: ArraySlice<Substring>) in " " + part.joined(separator: " ") + " " }
        guard
            let choice = (0..<or).reversed().first(where: { !services(namedIn: spaced(words[$0..<or])).isEmpty })
        else { return nil }
        let named = services(namedIn: notDone(spaced(words[..<choice])))
        guard named.count == 1, case .service(let id) = named[0].action else { return nil }
        return id
    }

    /// The one service `text` names by its `service.<id>` words, as a request would name it (not a word done
    /// before: "sudah daftar"); nil when it names none or several.
    func onlyServiceNamed(in text: String) -> String? {
        let named = services(namedIn: notDone(withoutLists(DialogSettings.spacedWords(text))))
        return named.count == 1 ? named[0].id : nil
    }

    /// The menu's entries whose `service.<id>` words `words` (from `spacedWords`) name, in the menu's order.
    private func services(namedIn words: String) -> [MenuEntry] {
        catalogue.menu.filter { catalogue.settings.mentions(words, keywordsNamed: "service.\($0.id)") }
    }

    func isKeyword(_ text: String, _ name: String) -> Bool {
        catalogue.settings.keywords[name]?.contains(text.lowercased()) ?? false
    }
}
