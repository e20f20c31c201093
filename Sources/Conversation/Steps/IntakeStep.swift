import Foundation
import Intents
import Support

/// Filling a service's form: its fields one by one, consent to the privacy notice, the documents, the
/// summary with changes, then the ticket.
struct IntakeStep: DialogStep {
    let draft: IntakeDraft

    var isJourney: Bool { true }

    func expectsFreeText(in turn: ConversationTurn) -> Bool {
        switch self.draft.stage {
        case .field(let index, _):
            guard let field = turn.service(of: self.draft)?.fields[safe: index] else { return false }
            switch field.validator {
            case .companyName, .freeText, .kodeTender: return true
            case .businessForm, .phone, .npwp, .nip, .npwpOrNip, .choice: return false
            }
        case .editingDescription: return true
        case .consent, .documents, .summary, .choosingChange, .submitting: return false
        }
    }

    func options(in turn: ConversationTurn) -> [ChoiceOption] { turn.intakeOptions(self.draft) }

    /// "selesai"/"sudah" at the checklist says everything was sent, and "yang tadi salah kirim" (read as going
    /// back) at the checklist or the summary that a file sent is wrong; "ya"/"tidak" answer the consent and the
    /// summary; "udah lengkap belum?" (read as a status check) asks the checklist or the summary.
    func claims(_ text: String, classification: Classification, in turn: ConversationTurn) -> Bool {
        switch self.draft.stage {
        case .documents:
            return turn.isKeyword(text, "done") || turn.isKeyword(text, "agree")
                || classification.intent == .affirm && text.count <= 20 || turn.documentHelp(in: text) != nil
                || turn.asksAboutTheForm(text) || turn.saysAFileIsWrong(text, draft: self.draft)
                || turn.labelOfGuessedFile(text, draft: self.draft) != nil
                || turn.swappedDocuments(text, draft: self.draft) != nil
        case .consent:
            return turn.isKeyword(text, "agree") || turn.isKeyword(text, "done")
                || (classification.intent == .affirm || classification.intent == .deny) && text.count <= 20
                || turn.asksAboutData(text) || turn.documentNamedForHeldFile(text, draft: self.draft) != nil
        case .summary:
            return turn.isKeyword(text, "agree") || turn.isKeyword(text, "done")
                || (classification.intent == .affirm || classification.intent == .deny) && text.count <= 20
                || turn.documentToResend(text, draft: self.draft) != nil || turn.asksAboutTheForm(text)
                || turn.saysAFileIsWrong(text, draft: self.draft)
                || turn.labelOfGuessedFile(text, draft: self.draft) != nil
                || turn.swappedDocuments(text, draft: self.draft) != nil
        case .field(let index, _):
            // "selesai" where a number or a choice is asked is not a status question ("sudah selesai?"): the
            // provider thinks the request is complete, and is told it is not. "ok", "iya" or "nomor ini aja"
            // at the director's number mean the provider's own.
            if turn.documentNamedForHeldFile(text, draft: self.draft) != nil { return true }
            guard !self.expectsFreeText(in: turn) else { return false }
            let field = turn.service(of: self.draft)?.fields[safe: index]
            return turn.isKeyword(text, "done")
                || field?.validator == .phone && turn.meansOwnNumber(text, classification: classification)
        case .choosingChange, .editingDescription, .submitting:
            return false
        }
    }

    func prompt(prefix: String?, in turn: inout ConversationTurn) {
        turn.promptIntake(self.draft, lead: prefix.map { $0 + "\n\n" } ?? "")
    }

    func choose(_ reply: ReplyID, messageID: String, in turn: inout ConversationTurn) {
        turn.chooseInIntake(reply, draft: self.draft)
    }

    func answer(_ text: String, classification: Classification, messageID: String, in turn: inout ConversationTurn) {
        if let service = turn.requestForAnotherForm(text, classification: classification, draft: self.draft) {
            let message = ReporterMessage(messageID: messageID, text: text)
            return turn.switchForm(self.draft, to: service, from: message, classification: classification)
        }
        turn.answerInIntake(text, classification: classification, draft: self.draft)
    }

    func back(in turn: inout ConversationTurn) { turn.backInIntake(self.draft) }

    /// "batal": the form is cancelled (and kept to take back); "nanti saja", which reads as a cancellation too,
    /// puts off the question or the documents instead, and the form waits.
    func cancel(_ text: String?, in turn: inout ConversationTurn) {
        if let text, turn.putsOff(text), turn.sayIntakeLater(self.draft, text: text) { return }
        turn.cancelIntake(self.draft)
    }

    func whereText(in turn: ConversationTurn) -> String {
        turn.t(.whereIntake, ["service": turn.service(of: self.draft)?.title.text(in: turn.language) ?? ""])
    }

    func ticketOpened(_ number: Int, in turn: inout ConversationTurn) {
        guard self.draft.stage == .submitting else {
            return turn.say(turn.t(.ticketOpenedLater, ["ticket": String(number)]))
        }
        let service = turn.catalogue.service(id: self.draft.serviceID)
        // A question or a complaint has no files to check and no call to book: staff answer it.
        let opened: Prompt = service?.asksForDocuments == false ? .ticketOpenedToAnswer : .ticketOpened
        turn.say(turn.t(opened, ["ticket": String(number), "service": service?.title.text(in: turn.language) ?? ""]))
        turn.finishStep()
    }

    func pictureReceived(_ file: TicketFile, mimeType: String, in turn: inout ConversationTurn) {
        if let service = turn.service(of: self.draft), !service.asksForDocuments, self.draft.stage != .submitting {
            return turn.keepForTicket(file, mimeType: mimeType, size: nil, draft: self.draft)
        }
        let video = FileKind.accepts(mimeType, in: [.video])
        guard self.draft.stage != .submitting else {
            return turn.cannotRead(video ? .unsupportedVideo : .unsupportedImage)
        }
        // In a form with a checklist, at its questions as at the checklist: kept for staff, never a checklist
        // document, and the provider told the documents must be PDF files (what they wrote with it is kept too).
        turn.keepInsteadOfPDF(file, mimeType: mimeType, size: nil, draft: self.draft)
    }

    /// Starts the form of `serviceID`.
    static func start(_ serviceID: String, in turn: inout ConversationTurn) {
        turn.state.staffTicket = nil
        turn.state.invalidAnswers = 0
        var draft = IntakeDraft(serviceID: serviceID, stage: .field(index: -1, editing: false))
        // Files sent before the service was chosen are the form's, as if sent at its first question.
        draft.heldFiles = turn.state.filesBeforeRequest
        turn.state.filesBeforeRequest = nil
        let earlier = (turn.state.messagesBeforeRequest ?? []).map(\.text)
        turn.state.messagesBeforeRequest = nil
        turn.state.cancelledDraft = nil
        var notes: [String] = []
        if !earlier.isEmpty, let service = turn.catalogue.service(id: serviceID) {
            // Messages kept while the menu was asked ("Pesan Anda kami catat"), then a service chosen, or asked for
            // in a message of its own (which answers after them): they open the form as an opening message would,
            // and what no question took goes among the notes for staff. The numbers in them ("nip saya 1980…")
            // answer their questions too. Asked for in words, the service dropped them.
            let text = earlier.joined(separator: "\n")
            let found = Classification(
                intent: .unknown, confidence: 0, entities: EntityExtractor().extract(from: text, now: turn.context.now))
            turn.prefill(&draft, service: service, from: text, classification: found)
            let untaken = earlier.filter { !turn.saysOnlyItsAnswers($0, draft: draft, service: service) }
            if !untaken.isEmpty {
                draft.remarks = (draft.remarks ?? []) + untaken
                notes.append(turn.t(.intakeEarlierKept))
            }
        }
        if let opening = turn.openingMessage, let service = turn.catalogue.service(id: serviceID) {
            turn.prefill(&draft, service: service, from: opening.text, classification: opening.classification)
            notes =
                turn.keepOpeningQuestion(opening.text, service: service, draft: &draft)
                + turn.keepOpeningEmail(opening.text, draft: &draft)
                + turn.keepOpeningStatement(opening.text, service: service, draft: &draft) + notes
        }
        let title = turn.catalogue.service(id: serviceID)?.title.text(in: turn.language) ?? serviceID
        // "assalamualaikum, mau reset password …" is answered "Waalaikumsalam." before the form starts.
        let salam =
            turn.openingMessage.map { turn.catalogue.settings.mentions(text: $0.text, keywordsNamed: "salam") } ?? false
        let start = turn.t(.intakeStart, ["service": title])
        let prefix = ([salam ? turn.t(.greetingSalam) + " " + start : start] + notes).joined(separator: "\n\n")
        turn.advance(draft, prefix: prefix)
    }
}

extension ConversationTurn {
    /// Moves to the next unanswered question: the next field, then consent, documents and the summary.
    mutating func advance(_ draft: IntakeDraft, prefix: String? = nil) {
        var draft = draft
        guard let service = service(of: draft) else { return showMenu(prefix: nil) }
        let heldFilesReleased = releaseHeldFiles(&draft)
        state.invalidAnswers = 0
        var next: Int?
        if case .field(let index, false) = draft.stage {
            // A field answered before its question (by the message that started the form) is not asked.
            next = ((index + 1)..<service.fields.count).first {
                !isSkipped(service.fields[$0], draft: draft) && draft.answers[service.fields[$0].id] == nil
            }
        }
        if let next {
            draft.stage = .field(index: next, editing: false)
        } else if state.consent?.version != catalogue.privacy.version {
            draft.stage = .consent
        } else if !missingDocuments(draft).isEmpty || draft.uploads.contains(where: \.isForChecklist) {
            draft.stage = .documents
        } else {
            draft.stage = .summary
        }
        state.step = .intake(draft)
        if draft.stage == .documents, heldFilesReleased, !draft.uploads.isEmpty {
            // Files sent before their question ("akta.pdf", "ktp.pdf" before the request) are being received:
            // the checklist follows with the last of them, shown once instead of after each.
            let files = draft.uploads.map(\.filename).joined(separator: ", ")
            let waiting = t(.documentsWaitingFiles, ["files": files])
            return say(prefix.map { $0 + "\n\n" + waiting } ?? waiting)
        }
        promptCurrentStep(prefix: prefix)
    }

    /// Fills the fields of `service` that the message starting it answers: the company and its legal form, a
    /// mobile number for the director's, an NPWP, a NIP, a kode tender, each as its question would take it;
    /// and a form's opening free-text field (a complaint, a question) from a message long enough to be one
    /// ("mau komplain, upload penawaran gagal terus"), not from a bare request ("mau komplain").
    mutating func prefill(
        _ draft: inout IntakeDraft, service: ServiceDefinition, from text: String, classification: Classification
    ) {
        let entities = classification.entities
        // A problem or a question written in the message is the form's first free-text field (the complaint,
        // a tender problem after its kode tender), when it says enough to be one.
        let opening = service.fields.firstIndex { $0.validator == .freeText }
        for (index, field) in service.fields.enumerated() where draft.answers[field.id] == nil {
            let value: String?
            switch field.validator {
            case .companyName:
                guard let company = entities.company else { continue }
                // Stored as its question stores it: the name without the form, kept apart. "saya perorangan"
                // names the form only: the name is still asked.
                draft.businessForm = company.form
                value = Self.storedName(of: company)
                if value == nil {
                    // As the question keeps a form written alone.
                    for other in service.fields where other.validator == .businessForm {
                        draft.answers[other.id] = company.form.rawValue
                    }
                }
            case .phone, .npwp, .nip, .npwpOrNip, .kodeTender: value = entities.identifier(for: field.validator)
            case .freeText:
                // A later field needs more words: the message also carries the request ("mau ganti direktur
                // di data perusahaan kami" asks for the change without saying it).
                // A question is one in fewer words ("apa itu tender cepat?"), where it is the first question. A
                // problem's form is opened by the problem itself when it says what goes wrong ("jadwal tender di
                // paket saya kok berubah sendiri?").
                let tellsProblem =
                    service.type == Self.problemType
                    && catalogue.settings.mentions(text: text, keywordsNamed: "problemWords")
                // "mau konsultasi cara isi kualifikasi" asks in the words of the service's `asking.<id>`.
                let asks =
                    isQuestion(text) || catalogue.settings.mentions(text: text, keywordsNamed: "asking.\(service.id)")
                // "mau komplain petugas tidak ramah" says what is wrong in fewer words.
                let needed =
                    index == 0
                    ? (asks
                        ? Self.openingQuestionWords
                        : saysWhatIsWrong(DialogSettings.spacedWords(text))
                            ? Self.openingProblemWords : Self.openingTextWords)
                    : tellsProblem ? Self.openingTextWords : Self.laterOpeningTextWords
                // "saya mau tanya soal akun" says a question comes, and is none: it is asked, where it became the
                // question staff were to answer.
                let announces = asks && announcesAQuestion(text, naming: entities.company)
                value =
                    index == opening && text.wordCount >= needed && !announces ? FieldNormalizer.freeText(text) : nil
            case .choice: value = chosenOption(of: field, in: text)
            case .businessForm: value = nil
            }
            if let value { draft.answers[field.id] = value }
        }
        if service.companyField == nil, let company = entities.company,
            Self.storedName(of: company) != nil
        {
            draft.namedCompany = company.name
        }
    }

    /// A question in the message that starts a form, which no question of the form took: one about the
    /// documents ("what documents do you need?") is answered with the form's own list; another ("kantor saya di
    /// surabaya, bisa daftar di lpse sini?", also after one about the documents) is kept among the form's
    /// remarks for staff, who answer it on the ticket. Returns what the provider is told before the form's
    /// first question.
    mutating func keepOpeningQuestion(_ text: String, service: ServiceDefinition, draft: inout IntakeDraft)
        -> [String]
    {
        let settings = catalogue.settings
        // "Mohon informasinya persyaratan apa saja yang perlu disiapkan." asks without a question mark.
        guard isQuestion(text) || settings.mentions(text: text, keywordsNamed: "infoRequest"),
            text.wordCount >= Self.keptMessageWords,
            let written = FieldNormalizer.freeText(text), !draft.answers.values.contains(written)
        else { return [] }
        let ahead =
            settings.mentions(text: text, keywordsNamed: "requirementsWords")
            ? documentsAhead(of: service, for: draft.businessForm) : nil
        // Each question of the message ends with its question mark; the list answers those about the documents.
        let questions = text.split(separator: "?").filter { $0.contains(where: \.isLetter) }
        let unanswered =
            ahead == nil
            || questions.contains { !settings.mentions(text: String($0), keywordsNamed: "requirementsWords") }
        var notes: [String] = []
        if unanswered {
            draft.addRemark(written)
            notes.append(t(.intakeQuestionKept))
        }
        if let ahead { notes.append(ahead) }
        return notes
    }

    /// An e-mail address in the message that starts a form ("lupa user id, email terdaftar budi@majujaya.co.id"),
    /// which no question of a form asks: the message is kept among the provider's notes for staff, unless a
    /// question of the form or the opening question took it, and the provider told.
    mutating func keepOpeningEmail(_ text: String, draft: inout IntakeDraft) -> [String] {
        guard let email = FieldNormalizer.emailAddress(in: text), let written = FieldNormalizer.freeText(text),
            !draft.answers.values.contains(where: { $0.lowercased().contains(email) }),
            !(draft.remarks ?? []).contains(written)
        else { return [] }
        draft.addRemark(written)
        return [t(.intakeEmailNoted, ["email": email])]
    }

    /// A message that starts a form and tells more than the request, which no question of the form took ("sy lupa
    /// pasword spse nih, udh coba reset tp email ga masuk2" opens the reset, which asks nothing of the kind): kept
    /// among the provider's notes for staff, and the provider told. It tells more when it has six words or more
    /// with a word of `not` or `problemWords`; a question is `keepOpeningQuestion`'s.
    mutating func keepOpeningStatement(_ text: String, service: ServiceDefinition, draft: inout IntakeDraft)
        -> [String]
    {
        guard !isQuestion(text), let written = FieldNormalizer.freeText(text),
            !draft.answers.values.contains(written), !(draft.remarks ?? []).contains(written),
            !saysOnlyItsAnswers(text, draft: draft, service: service)
        else { return [] }
        guard text.wordCount >= Self.openingTextWords, saysWhatIsWrong(DialogSettings.spacedWords(text)) else {
            return []
        }
        draft.addRemark(written)
        return [t(.intakeEarlierKept)]
    }

    /// A company's name as the name question stores it: without its legal form, which is kept apart; nil when
    /// the recognizer found a form without a name ("saya perorangan").
    static func storedName(of company: Company) -> String? {
        let name = CompanyNameParser.answer(company.name)?.name ?? company.name
        return name.trimmingWhitespace().isEmpty ? nil : name
    }

    /// The option of `field` that `text` chooses, in Indonesian: the one the writer says they are ("saya pokja",
    /// "sebagai penyedia"); else the one its words point to, by the option's `choice.<field>.<option>` phrases
    /// ("tidak bisa upload penawaran", "penawaran kami digugurkan pokja" are a provider's); else the one it names,
    /// but not as who asked or said something ("kata pokja …").
    /// Nil when it chooses none, or several alike ("ppk dan penyedia").
    func chosenOption(of field: FormField, in text: String) -> String? {
        let words = DialogSettings.spacedWords(text)
        let saidToBe = field.options.filter { option in
            Self.names(of: option).contains { name in
                DialogSettings.firstMention(in: words, of: Self.selfWords.map { "\($0) \(name)" }, anyOne: true) != nil
            }
        }
        if saidToBe.count == 1 { return saidToBe[0].indonesian }
        let pointed = field.options.filter { option in
            catalogue.settings.mentions(words, keywordsNamed: "choice.\(field.id).\(option.indonesian)")
        }
        if pointed.count == 1 { return pointed[0].indonesian }
        return Self.namedOption(of: field, in: withoutReporters(words))
    }

    /// The words before a role that say the writer is one ("saya pokja", "sebagai penyedia").
    static let selfWords = ["saya", "sy", "aku", "kami", "sebagai", "selaku", "i am", "i m", "we are", "as a", "as"]

    /// The option of a choice field that `text` names, as its question stores it: "sy penyedia, …" names
    /// "Penyedia", "kami pokja" names "Pokja/PP" (each part of a title is a name of it). Nil when none or more
    /// than one is named.
    static func namedOption(of field: FormField, in text: String) -> String? {
        let words = DialogSettings.spacedWords(text)
        let named = field.options.filter { option in
            DialogSettings.firstMention(in: words, of: Self.names(of: option), anyOne: true) != nil
        }
        return named.count == 1 ? named[0].indonesian : nil
    }

    /// The names of a choice's option as a message's words are compared with them: each part of its title in
    /// either language ("Pokja/PP" is "pokja" and "pp").
    static func names(of option: LocalizedText) -> [String] {
        [option.indonesian, option.english].flatMap { $0.split(separator: "/") }.map {
            DialogSettings.spacedWords(String($0)).trimmingWhitespace()
        }.filter { !$0.isEmpty }
    }

    /// A correction of an answer given earlier, written while another question is asked ("eh salah ketik, nama
    /// perusahaannya PT Maju Bersama", "ralat, npwp nya 01.234.567.8-901.001"): a word of `correction` in
    /// `settings.json` and a value an answered field takes. The answer is replaced, said, and the question
    /// asked again. Where consent or the summary is asked, which no name or number answers, and when the
    /// message goes back (`saidSo`), the new value is enough. False without them, for the field being asked
    /// (its own answer replaces it), and where a free-text answer is asked.
    mutating func correctEarlierAnswer(
        _ text: String, entities: Entities, draft: IntakeDraft, service: ServiceDefinition, saidSo: Bool = false
    ) -> Bool {
        var saidSo = saidSo
        switch draft.stage {
        case .field(let index, _):
            // A problem written where it is asked may name any number; it is the answer, unless the message says
            // nothing but a question's name and its new value ("maaf kodenya 10234567"), which became the problem.
            if service.fields[safe: index]?.validator == .freeText {
                guard onlyCorrects(text, service: service) else { return false }
                saidSo = true
            }
        case .consent, .documents, .summary: break
        case .choosingChange, .editingDescription, .submitting: return false
        }
        var draft = draft
        // The first answered field the message has a new value for; the message is searched for a word of
        // correction only then, not on every answer.
        for (index, field) in service.fields.enumerated() where draft.answers[field.id] != nil {
            if case .field(index, _) = draft.stage { continue }
            let shown: String
            switch field.validator {
            case .companyName:
                guard let company = entities.company, let name = Self.storedName(of: company),
                    name != draft.answers[field.id] || company.form != draft.businessForm
                else { continue }
                draft.answers[field.id] = name
                draft.businessForm = company.form
                shown = companyDisplay(draft) ?? name
            case .phone, .npwp, .nip, .npwpOrNip, .kodeTender:
                // "eh kode tender nya salah, yg benar 10234567": the code is the message's one number.
                let sole =
                    field.validator == .kodeTender && entities.kodeTender == nil && onlyCorrects(text, service: service)
                    ? Self.soleCode(in: text, entities) : nil
                guard let value = entities.identifier(for: field.validator) ?? sole, value != draft.answers[field.id]
                else { continue }
                draft.answers[field.id] = value
                shown = Self.writtenNumber(value, in: text)
            case .businessForm, .freeText, .choice:
                continue
            }
            // The summary is shown to be checked, and an edited message is one: a new value there is a
            // correction without saying so. So is a company's name with its form where a number is asked
            // ("PT Maju Jaya Abadi" at the director's number), which cannot answer it.
            guard
                draft.stage == .summary || draft.stage == .consent || saidSo || correctsAnswers
                    || field.validator == .companyName
                        && namesCompanyWhereNumberIsAsked(entities, draft: draft, service: service)
                    || catalogue.settings.mentions(text: text, keywordsNamed: "correction")
            else { return false }
            state.step = .intake(draft)
            promptCurrentStep(
                prefix: t(.intakeCorrected, ["field": field.label.text(in: language), "value": shown]))
            return true
        }
        return false
    }

    /// Whether `text` says nothing but numbers besides words of `filler`, `correction` and `correctionLeadIn` and
    /// those naming `service`'s questions (`fieldNamed.<validator>`, also with "-nya"), and has both a name and a
    /// word of `correction` or `correctionLeadIn`: "maaf kodenya 10234567", "ralat npwp 01.234.567.8-901.001". A
    /// name and a number alone, "npwp 0123456789012346" where the changes are asked, is the answer.
    func onlyCorrects(_ text: String, service: ServiceDefinition) -> Bool {
        let settings = catalogue.settings
        let wordsOf = { (lists: [String]) -> Set<Substring> in
            let phrases: [String] = lists.flatMap { settings.keywords[$0] ?? [] }
            return Set(phrases.flatMap { $0.split(separator: " ") })
        }
        let naming = wordsOf(Set(service.fields.map { "fieldNamed.\($0.validator.rawValue)" }).sorted())
        let besides = wordsOf(["filler", "correction", "correctionLeadIn"])
        let words = DialogSettings.spacedWords(text)
        var named = false
        for word in words.wordsBetweenSpaces where word != "nya" {
            let stem = word.hasSuffix("nya") ? word.dropLast(3) : word
            if naming.contains(word) || naming.contains(stem) {
                named = true
            } else if !besides.contains(word), !besides.contains(stem), !word.allSatisfy(\.isASCIIDigitCharacter) {
                return false
            }
        }
        return named
            && (settings.mentions(words, keywordsNamed: "correction")
                || settings.mentions(words, keywordsNamed: "correctionLeadIn"))
    }

    /// A message going back that carries a new value for an answered question of the form ("yg tadi salah,
    /// 0813-1122-3344", "kembali, nomornya 081311223344"): the correction, as `correctEarlierAnswer` makes it.
    mutating func correctGoingBack(_ text: String, entities: Entities) -> Bool {
        guard case .intake(let draft) = state.step, let service = service(of: draft) else { return false }
        return correctEarlierAnswer(text, entities: entities, draft: draft, service: service, saidSo: true)
    }

    /// The one number of a message where the kode tender is asked, when it has at least `minimumCodeDigits` and
    /// is no mobile number, NPWP or NIP: "ini kodenya min 10012345000", "yg 10012345000".
    static func soleCode(in text: String, _ entities: Entities) -> String? {
        guard entities.phone == nil, entities.npwp == nil, entities.nip == nil else { return nil }
        let numbers = text.split { !$0.isASCIIDigitCharacter }
        guard numbers.count == 1, let code = numbers.first, code.count >= Self.minimumCodeDigits,
            FieldNormalizer.phone(String(code)) == nil
        else { return nil }
        return String(code)
    }

    /// The fewest digits of a kode tender found among other words.
    static let minimumCodeDigits = 5

    /// The company of the provider's last request, offered where `field` (the company) is still to be answered
    /// and no other legal form was given first; nil otherwise.
    func offeredCompany(_ draft: IntakeDraft, field: FormField) -> KnownCompany? {
        guard field.validator == .companyName, draft.answers[field.id] == nil, let known = state.knownCompany,
            draft.businessForm == nil || draft.businessForm == known.form
        else { return nil }
        return known
    }

    /// Answers the company with `known`: its name and legal form, and its NPWP where the form asks for one
    /// not given yet. The summary shows them to be checked.
    func takeKnownCompany(_ known: KnownCompany, into draft: inout IntakeDraft, service: ServiceDefinition) {
        for field in service.fields where draft.answers[field.id] == nil {
            switch field.validator {
            case .companyName: draft.answers[field.id] = known.name
            case .businessForm: if let form = known.form { draft.answers[field.id] = form.rawValue }
            case .npwp: if let npwp = known.npwp { draft.answers[field.id] = npwp }
            default: break
            }
        }
        if let form = known.form { draft.businessForm = form }
    }

    /// Keeps the company a request being sent names, with its NPWP, for the provider's next form.
    mutating func rememberCompany(of draft: IntakeDraft, service: ServiceDefinition) {
        guard let field = service.companyField, let name = draft.answers[field.id] else { return }
        let npwp = service.fields.first { $0.validator == .npwp }.flatMap { draft.answers[$0.id] }
        let same = state.knownCompany.map { $0.name == name && $0.form == draft.businessForm } ?? false
        state.knownCompany = KnownCompany(
            name: name, form: draft.businessForm, npwp: npwp ?? (same ? state.knownCompany?.npwp : nil))
    }

    /// The number `value` as the message writes it ("01.234.567.8-901.000" in "npwp kami 01.234.567.8-901.000"),
    /// from its first digit to its last when those are the value's digits; otherwise `value`.
    static func writtenNumber(_ value: String, in text: String) -> String {
        let written = Self.writtenDigits(in: text)
        return written.contains(where: \.isASCIIDigitCharacter)
            && written.filter(\.isASCIIDigitCharacter) == value.filter(\.isASCIIDigitCharacter) ? written : value
    }

    /// The message from its first digit (or the "+" before it) to its last: "021 555 1234" in "pakai nomor
    /// kantor aja 021 555 1234", "+62 812 3456 7890" in "no direktur +62 812 3456 7890".
    static func writtenDigits(in text: String) -> String {
        guard var first = text.firstIndex(where: \.isASCIIDigitCharacter),
            let last = text.lastIndex(where: \.isASCIIDigitCharacter)
        else { return text.trimmingWhitespace() }
        if first > text.startIndex, text[text.index(before: first)] == "+" { first = text.index(before: first) }
        return String(text[first...last])
    }

    /// An identifier written where a choice or the legal form is asked ("npwp kami 01.234.567.8-901.000" at "as
    /// what?"), kept for the later question that takes it, which is then not asked; the choice is asked again.
    /// False when the message has none a later unanswered question takes.
    mutating func identifierForLaterField(
        _ text: String, entities: Entities, draft: IntakeDraft, service: ServiceDefinition, after asked: Int
    ) -> Bool {
        for field in service.fields[(asked + 1)...] where draft.answers[field.id] == nil {
            guard let value = entities.identifier(for: field.validator) else { continue }
            keep(value, as: Self.writtenNumber(value, in: text), for: field, draft: draft)
            return true
        }
        return false
    }

    /// Keeps `value` (written `written`) as the answer of the later question `field`, which is then not asked,
    /// says so, and asks the current question again.
    private mutating func keep(_ value: String, as written: String, for field: FormField, draft: IntakeDraft) {
        var draft = draft
        draft.answers[field.id] = value
        state.step = .intake(draft)
        promptCurrentStep(
            prefix: t(.intakeIdentifierKept, ["field": field.label.text(in: language), "number": written]))
    }

    /// A number alone too short for an NPWP or a NIP ("10234567") where one is asked, and the form asks a kode
    /// tender later and has none: the kode tender, typed ahead. It is kept for its question, said so, and the
    /// NPWP or NIP asked again; the summary shows it to be checked.
    mutating func codeForLaterField(
        _ text: String, entities: Entities, draft: IntakeDraft, service: ServiceDefinition, after asked: Int
    ) -> Bool {
        let digits = text.filter { !$0.isWhitespace }
        guard digits.allSatisfy(\.isASCIIDigitCharacter),
            (Self.minimumCodeDigits...Self.maximumBareCodeDigits).contains(digits.count),
            let code = Self.soleCode(in: text, entities),
            let later = service.fields[(asked + 1)...].first(where: {
                $0.validator == .kodeTender && draft.answers[$0.id] == nil
            })
        else { return false }
        keep(code, as: code, for: later, draft: draft)
        return true
    }

    /// The most digits of a number alone taken as a kode tender typed ahead: an NPWP has 15.
    static let maximumBareCodeDigits = 12

    /// Words a message starting a form needs for its opening free-text field to be taken from it, when that
    /// field is the form's first question (fewer when the message is a question), and when others come before it.
    static let openingTextWords = 6
    static let openingQuestionWords = 3
    /// Words a message that says what is wrong needs to answer a form's first free-text question.
    static let openingProblemWords = 4
    static let laterOpeningTextWords = 10

    /// The most words of a bare yes ("ok", "iya setuju"), which answers no free-text question.
    static let bareAnswerWords = 2

    /// Whether `text` is a bare yes ("setuju", "ok", "ya min"): the `agree` keyword, or what the recognizer reads as
    /// a yes in at most `bareAnswerWords` words. Where an answer is asked, it answers nothing.
    func saysBareYes(_ text: String, classification: Classification) -> Bool {
        isKeyword(text, "agree") || classification.intent == .affirm && text.wordCount <= Self.bareAnswerWords
    }

    /// The provider's own WhatsApp number as the director's, nil when it is no Indonesian mobile number (a
    /// foreign company's): the call can reach only those, so it is then neither offered nor taken.
    var ownNumber: String? { FieldNormalizer.phone("+" + context.waID) }

    func intakeOptions(_ draft: IntakeDraft) -> [ChoiceOption] {
        guard let service = service(of: draft) else { return [] }
        switch draft.stage {
        case .field(let index, _):
            guard let field = service.fields[safe: index] else { return [] }
            switch field.validator {
            case .businessForm:
                return BusinessForm.allCases.map {
                    ChoiceOption(.form($0), title: t(.form($0)))
                }
            case .choice:
                return field.options.enumerated().map {
                    ChoiceOption(.option($0.offset), title: $0.element.text(in: language))
                }
            case .phone:
                return ownNumber == nil ? [] : [ChoiceOption(.ownNumber, title: t(.buttonMyNumber))]
            case .companyName:
                return offeredCompany(draft, field: field) == nil
                    ? [] : [ChoiceOption(.knownCompany, title: t(.buttonKnownCompany))]
            case .npwp, .nip, .npwpOrNip, .kodeTender, .freeText:
                return []
            }
        case .consent:
            return [
                ChoiceOption(.consentYes, title: t(.buttonAgree)),
                ChoiceOption(.consentNo, title: t(.buttonDisagree)),
                ChoiceOption(.askStaff, title: t(.buttonStaff)),
            ]
        case .summary:
            return [
                ChoiceOption(.summaryConfirm, title: t(.buttonSubmit)),
                ChoiceOption(.summaryChange, title: t(.buttonChange)),
                ChoiceOption(.summaryCancel, title: t(.buttonCancel)),
            ]
        case .choosingChange:
            var options = service.fields.map { ChoiceOption(.change(field: $0.id), title: $0.label.text(in: language)) }
            if showsDescription(draft, service: service) {
                options.append(ChoiceOption(.changeDescription, title: t(.labelDescription)))
            }
            if service.asksForDocuments {
                options.append(ChoiceOption(.changeDocuments, title: t(.labelDocuments)))
            }
            return options
        case .documents, .editingDescription, .submitting:
            return []
        }
    }

    mutating func promptIntake(_ draft: IntakeDraft, lead: String) {
        guard let service = service(of: draft) else { return }
        switch draft.stage {
        case .field(let index, _):
            guard let field = service.fields[safe: index] else { return }
            let values = [
                "service": service.title.text(in: language),
                "number": "+" + context.waID,
                "company": companyDisplay(draft) ?? "",
            ]
            // The name alone once the legal form is known without it ("perorangan" written before it); a
            // number typed when the provider's own cannot be offered (a foreign one).
            let question =
                if field.validator == .companyName, let known = offeredCompany(draft, field: field) {
                    t(.askCompanyKnown, ["company": KnownCompany.display(name: known.name, form: known.form)])
                } else if field.validator == .companyName && draft.businessForm != nil
                    && draft.answers[field.id] == nil
                {
                    t(.askCompanyName)
                } else if field.validator == .phone, ownNumber == nil {
                    t(.askPhoneTyped)
                } else {
                    catalogue.text(key: field.prompt, in: language, values)
                }
            let body = lead + question
            let options = intakeOptions(draft)
            if options.isEmpty {
                say(body)
            } else {
                ask(body, options: options, list: options.count > 3 ? t(.listChoose) : nil)
            }
        case .consent:
            let notice = consentJustAsked ? t(.consentAgain) : catalogue.privacy.text.text(in: language)
            ask(lead + notice, options: intakeOptions(draft))
        case .documents:
            say(lead + checklist(draft, service: service))
        case .summary:
            if draft.uploads.contains(where: { !$0.isForChecklist }) {
                // A file of the form is still being received: the summary follows with it, shown once.
                return say(lead + t(.summaryWaitingFiles))
            }
            ask(
                lead + summary(draft, service: service), options: intakeOptions(draft), shortBody: t(.summaryQuestion)
            )
        case .choosingChange:
            ask(lead + t(.changeWhich), options: intakeOptions(draft), list: t(.listChoose))
        case .editingDescription:
            say(lead + t(.descriptionAsk, ["description": description(for: draft, service: service, in: language)]))
        case .submitting:
            say(lead + t(.submittingWait))
        }
    }

    mutating func chooseInIntake(_ reply: ReplyID, draft: IntakeDraft) {
        var draft = draft
        guard let service = service(of: draft) else { return showMenu(prefix: nil) }
        switch draft.stage {
        case .field(let index, let editing):
            guard let field = service.fields[safe: index] else { return }
            if case .form(let form) = reply, field.validator == .businessForm {
                draft.businessForm = form
                draft.answers[field.id] = form.rawValue
            } else if case .option(let option) = reply, field.options.indices.contains(option) {
                draft.answers[field.id] = field.options[option].text(in: .indonesian)
            } else if reply == .ownNumber, field.validator == .phone {
                guard let phone = ownNumber else { return invalid(t(.invalidPhoneForeign)) }
                draft.answers[field.id] = phone
            } else if reply == .knownCompany, field.validator == .companyName,
                let known = offeredCompany(draft, field: field)
            {
                takeKnownCompany(known, into: &draft, service: service)
            } else {
                return invalid(t(.invalidChoice, ["count": String(intakeOptions(draft).count)]))
            }
            answered(draft, editing: editing)
        case .consent:
            switch reply {
            case .consentYes:
                let record = ConsentRecord(version: catalogue.privacy.version, at: context.now, language: language)
                state.consent = record
                emit(.recordConsent(record))
                advance(draft)
            case .consentNo:
                // A form without documents (a complaint, a question) was told its documents cannot be taken.
                let declined: Prompt = service.asksForDocuments ? .consentDeclined : .consentDeclinedNoDocuments
                ask(t(declined), options: intakeOptions(draft))
            default:
                invalid(t(.invalidChoice, ["count": "3"]))
            }
        case .summary:
            switch reply {
            case .summaryConfirm:
                guard missingDocuments(draft).isEmpty, !draft.uploads.contains(where: \.isForChecklist) else {
                    draft.stage = .documents
                    state.step = .intake(draft)
                    return promptCurrentStep(prefix: nil)
                }
                draft.stage = .submitting
                state.step = .intake(draft)
                rememberCompany(of: draft, service: service)
                emit(.openTicket(ticketRequest(for: draft)))
            case .summaryChange:
                draft.stage = .choosingChange
                state.step = .intake(draft)
                promptCurrentStep(prefix: nil)
            case .summaryCancel:
                cancelIntake(draft)
            default:
                invalid(t(.invalidChoice, ["count": "3"]))
            }
        case .choosingChange:
            if reply == .changeDescription {
                draft.stage = .editingDescription
            } else if reply == .changeDocuments {
                draft.stage = .documents
            } else if case .change(let fieldID) = reply,
                let index = service.fields.firstIndex(where: { $0.id == fieldID })
            {
                draft.stage = .field(index: index, editing: true)
            } else {
                return invalid(t(.invalidChoice, ["count": String(intakeOptions(draft).count)]))
            }
            state.invalidAnswers = 0
            state.step = .intake(draft)
            promptCurrentStep(prefix: nil)
        case .documents, .editingDescription, .submitting:
            say(t(.choiceExpired))
            promptCurrentStep(prefix: nil)
        }
    }

    /// The answer of a question before `index` that `text` repeats, and nothing else (a message sent twice, its
    /// copy arriving at the next question), as the provider is shown it; nil when `text` repeats none.
    func earlierAnswer(repeatedIn text: String, before index: Int, draft: IntakeDraft, service: ServiceDefinition)
        -> String?
    {
        for field in service.fields.prefix(index).reversed() {
            guard let answer = draft.answers[field.id] else { continue }
            let same: Bool
            switch field.validator {
            case .companyName:
                same = CompanyNameParser.answer(text).map { $0.name.lowercased() == answer.lowercased() } ?? false
            case .phone: same = FieldNormalizer.phone(text) == answer
            case .npwp: same = FieldNormalizer.npwp(text) == answer
            case .nip: same = FieldNormalizer.nip(text) == answer
            case .npwpOrNip: same = (FieldNormalizer.npwp(text) ?? FieldNormalizer.nip(text)) == answer
            case .kodeTender: same = FieldNormalizer.kodeTender(text) == answer
            case .freeText: same = FieldNormalizer.freeText(text) == answer && text.wordCount >= 2
            case .choice: same = optionNamedAlone(of: field, in: text) == answer
            case .businessForm: same = false
            }
            if same { return values(for: draft, service: service)[field.id] ?? answer }
        }
        return nil
    }

    /// A choice before `index` whose other option `text` names alone (`optionNamedAlone`), and that option.
    func earlierChoiceChanged(in text: String, before index: Int, draft: IntakeDraft, service: ServiceDefinition)
        -> (field: FormField, option: String)?
    {
        for field in service.fields.prefix(index).reversed() where field.validator == .choice {
            if let option = optionNamedAlone(of: field, in: text), draft.answers[field.id] != option {
                return (field, option)
            }
        }
        return nil
    }

    /// The option of the choice `field` that `text` names alone, with no digit and in at most `choiceWords` words
    /// ("penyedia", "saya ppk" where the NPWP or NIP is asked after the role): the choice said again, or changed.
    func optionNamedAlone(of field: FormField, in text: String) -> String? {
        guard !text.contains(where: \.isNumber), text.wordCount <= Self.choiceWords else { return nil }
        return Self.namedOption(of: field, in: text)
    }

    /// The most words of a message that names an earlier choice's option again ("saya penyedia min").
    static let choiceWords = 3

    /// A field was answered: on to the next question, or back to the summary after a change.
    mutating func answered(_ draft: IntakeDraft, editing: Bool) {
        var draft = draft
        if editing {
            draft.stage = missingDocuments(draft).isEmpty ? .summary : .documents
            state.invalidAnswers = 0
            state.step = .intake(draft)
            promptCurrentStep(prefix: nil)
        } else {
            advance(draft)
        }
    }

    mutating func answerInIntake(_ text: String, classification: Classification, draft: IntakeDraft) {
        var draft = draft
        guard let service = service(of: draft) else { return showMenu(prefix: nil) }
        if correctEarlierAnswer(text, entities: classification.entities, draft: draft, service: service) { return }
        if fillNotKnown(text, entities: classification.entities, draft: draft, service: service) { return }
        if let document = documentNamedForHeldFile(text, draft: draft) {
            // "itu surat kuasa ya min" after a file sent ahead of its checklist: what the file is.
            return nameHeldFile(document, text: text, draft: draft)
        }
        switch draft.stage {
        case .field(let index, let editing):
            guard let field = service.fields[safe: index] else { return }
            let entities = classification.entities
            if !editing, let repeated = earlierAnswer(repeatedIn: text, before: index, draft: draft, service: service) {
                // "CV Maju Jaya" sent twice, the second copy arriving at the next question: it got "Nomor itu bukan
                // nomor HP Indonesia yang valid", and an NPWP sent twice became the free-text answer after it.
                return promptCurrentStep(prefix: t(.intakeAlreadyNoted, ["value": repeated]))
            }
            if !expectsFreeText,
                let (chosen, option) = earlierChoiceChanged(in: text, before: index, draft: draft, service: service)
            {
                // "saya ppk" where the NPWP or NIP is asked after "Penyedia" was chosen: the choice changed, where
                // it got "Tulis NPWP (15/16 digit) atau NIP (18 digit)." with a wrong answer counted.
                draft.answers[chosen.id] = option
                state.step = .intake(draft)
                let shown = values(for: draft, service: service)[chosen.id] ?? option
                return promptCurrentStep(
                    prefix: t(.intakeCorrected, ["field": chosen.label.text(in: language), "value": shown]))
            }
            if acknowledgesTheWait(text, classification: classification, draft: draft, index: index, field: field) {
                return say(t(.intakeLaterAcknowledged, ["field": Self.inSentence(field.label.text(in: language))]))
            }
            if !expectsFreeText, isKeyword(text, "done") || saysThatsAll(text) {
                return invalid(t(.invalidNotDoneYet))
            }
            if !expectsFreeText, pointsToAFile(text) {
                // "npwp nya ada di file yg saya kirim": the answer is typed, for staff to check the files against.
                return invalid(t(.invalidTypeItHere))
            }
            let bareYes = saysBareYes(text, classification: classification)
            if field.validator == .freeText, restatesTheService(text, service: service) {
                // "saya mau komplain" where the complaint is asked, "mau konsultasi" where the question is: the
                // request chosen, said again, which became the ticket's complaint or question.
                return invalid(t(.invalidFreeTextBare, ["text": text]), example: t(field.validator.examplePrompt))
            }
            if field.validator == .freeText, bareYes || isKeyword(text, "done") || saysThatsAll(text) {
                // "setuju" typed ahead of the privacy notice, "ok" or "selesai" where a question, a complaint or a
                // problem is asked: none is said in it.
                return invalid(t(.invalidFreeTextBare, ["text": text]), example: t(field.validator.examplePrompt))
            }
            if [.npwp, .nip, .npwpOrNip, .kodeTender].contains(field.validator), bareYes,
                !text.contains(where: \.isNumber)
            {
                // "setuju", "ya", "ok siap" where a number is asked: a yes, not a number written wrongly (it got "Kode
                // tender berisi angka, tanpa spasi.").
                return invalid(t(.invalidBareAtNumber, ["text": text]), example: t(field.validator.examplePrompt))
            }
            if field.validator == .phone, meansOwnNumber(text, classification: classification) {
                return chooseInIntake(.ownNumber, draft: draft)
            }
            if field.validator == .phone, !text.contains(where: \.isNumber),
                catalogue.settings.mentions(text: text, keywordsNamed: "otherNumber")
            {
                // "pakai nomor lain", "nomor direktur beda": the answer to the button, the number to come next. It
                // got "Pesan itu belum berisi nomor HP." and counted as a wrong answer.
                return say(t(.intakeOtherNumber))
            }
            switch field.validator {
            case .companyName:
                if offeredCompany(draft, field: field) != nil, CompanyNameParser.parse(text) == nil,
                    text.trimming(".)") == "1" || catalogue.settings.mentions(text: text, keywordsNamed: "sameCompany")
                {
                    // "sama", "yang kemarin", or the option's number: the company offered, typed.
                    return chooseInIntake(.knownCompany, draft: draft)
                }
                // "PT" or "CV" alone is a legal form, kept below, though a keyword too: it got "\"PT\" bukan nama
                // badan usaha", and the name typed next was asked its form.
                if isAnyKeyword(text), CompanyNameParser.form(text.trimming(".,")) == nil {
                    return invalid(t(.invalidCompanyWord, ["text": text]), example: t(field.validator.examplePrompt))
                }
                if bareYes, CompanyNameParser.parse(text)?.form == nil, !text.contains(where: \.isNumber) {
                    // "ok min", "iya" where the company is asked: a yes, not a company named "ok min".
                    return invalid(t(.invalidBareAtNumber, ["text": text]), example: t(field.validator.examplePrompt))
                }
                if requestSaidAgain(text, classification: classification, draft: draft, service: service) { return }
                if CompanyNameParser.parse(text) == nil, questionOrWaitAtName(text, field: field, draft: draft) {
                    return
                }
                if CompanyNameParser.parse(text)?.name.isEmpty ?? true, !CompanyNameParser.startsWithFullForm(text),
                    let form = CompanyNameParser.form(text.trimming(".,")) ?? formSaidAlone(text),
                    let formField = service.fields.first(where: { $0.validator == .businessForm })
                {
                    // "perorangan", "CV", "saya perorangan": the form without the name. Kept, and the name asked
                    // for, where "saya perorangan" got "Nama badan usaha belum terbaca." and a wrong answer.
                    draft.businessForm = form
                    draft.answers[formField.id] = form.rawValue
                    state.step = .intake(draft)
                    return promptCurrentStep(prefix: t(.intakeFormKept, ["form": t(.form(form))]))
                }
                let numbers = entities.formNumbers
                let longerThanAName = CompanyNameParser.answer(text) == nil
                if let company = entities.company ?? CompanyNameParser.parse(text),
                    let name = Self.storedName(of: company), !numbers.isEmpty || longerThanAName
                {
                    // "my company is PT Global Tekno, NPWP 01.234.567.8-901.000", "kami dari cv maju jaya, mau
                    // daftar tapi bingung soal dokumen …, bagaimana ya min?": the company named in it, and each number
                    // for its own question, as in a message that opens the form (the name took the NPWP along; the
                    // longer message got "Nama badan usaha belum terbaca"). What else it says, or a number no question
                    // takes, keeps the message among the notes for staff.
                    prefill(&draft, service: service, from: text, classification: classification)
                    if draft.answers[field.id] == nil {
                        draft.answers[field.id] = name
                        draft.businessForm = company.form
                        for other in service.fields where other.validator == .businessForm {
                            draft.answers[other.id] = nil
                        }
                    }
                    // A question in it is kept, or answered with the form's documents, as in an opening message.
                    var said = longerThanAName ? keepOpeningQuestion(text, service: service, draft: &draft) : []
                    if said.isEmpty, let written = FieldNormalizer.freeText(text),
                        !draft.answers.values.contains(written),
                        longerThanAName || !numbers.allSatisfy(draft.answers.values.contains)
                    {
                        draft.addRemark(written)
                        if longerThanAName {
                            said = [typedFAQ(text)?.answer.text(in: language) ?? t(.intakeRemarkKept)]
                        }
                    }
                    guard !editing, !said.isEmpty else { break }
                    return advance(draft, prefix: said.joined(separator: "\n\n"))
                }
                // One word is a name only with its form, written now or before ("Budi" after "perorangan").
                guard let company = CompanyNameParser.answer(text),
                    company.form != nil || draft.businessForm != nil || company.name.wordCount >= 2
                else {
                    // An explanation longer than any name (120 characters) is kept for staff, as a sentence is below.
                    if keepExplanation(text, draft: draft, service: service) { return }
                    return invalid(t(field.validator.invalidPrompt), example: t(field.validator.examplePrompt))
                }
                // "perusahaan kami bergerak di bidang konstruksi jalan … sejak tahun 2010": a sentence, no name. It
                // is kept for staff, and the name asked again.
                if company.form == nil, company.name.wordCount > Self.longestNameWithoutForm,
                    keepExplanation(text, draft: draft, service: service)
                {
                    return
                }
                let (name, description) = Self.nameAndDescription(company.name)
                draft.answers[field.id] = name
                if let description { draft.addRemark(description) }
                if let form = company.form {
                    draft.businessForm = form
                    for other in service.fields where other.validator == .businessForm { draft.answers[other.id] = nil }
                }
            case .businessForm:
                if let company = CompanyNameParser.answer(text), let form = company.form,
                    let nameField = service.companyField
                {
                    // "PT Sumber Rejeki" where the form is asked: the name corrected, with its form.
                    draft.answers[nameField.id] = company.name
                    draft.businessForm = form
                    draft.answers[field.id] = nil
                    break
                }
                guard let form = CompanyNameParser.form(answering: text) else {
                    // "npwp 01.234.567.8-901.000" where the form is asked: kept for its own question.
                    if identifierForLaterField(text, entities: entities, draft: draft, service: service, after: index) {
                        return
                    }
                    if waitOrKeepAtChoice(text, field: field, draft: draft, service: service) { return }
                    return invalid(t(field.validator.invalidPrompt), example: t(field.validator.examplePrompt))
                }
                draft.businessForm = form
                draft.answers[field.id] = form.rawValue
            case .phone, .npwp, .nip, .npwpOrNip, .kodeTender, .freeText:
                // "wa.me/6281234567890", a chat link shared for the director: its number.
                let text = field.validator == .phone ? FieldNormalizer.whatsAppLinkNumber(in: text) ?? text : text
                if field.validator == .phone, Self.mixesLettersIntoDigits(text),
                    !catalogue.settings.mentions(text: text, keywordsNamed: "accountName")
                {
                    // "0812 3456 789O": never guess which digit a letter stood for; a user ID ("user id budi01") is
                    // noted below.
                    return invalid(t(.invalidPhoneLetters, ["number": text]), example: t(field.validator.examplePrompt))
                }
                let value: String?
                switch field.validator {
                case .phone: value = entities.phone ?? FieldNormalizer.phone(text)
                case .npwp: value = entities.npwp ?? FieldNormalizer.npwp(text)
                case .nip: value = entities.nip ?? FieldNormalizer.nip(text)
                case .npwpOrNip:
                    value = entities.npwp ?? entities.nip ?? FieldNormalizer.npwp(text) ?? FieldNormalizer.nip(text)
                case .kodeTender:
                    value = entities.kodeTender ?? FieldNormalizer.kodeTender(text) ?? Self.soleCode(in: text, entities)
                case .freeText, .companyName, .businessForm, .choice: value = FieldNormalizer.freeText(text)
                }
                if value == nil, field.validator != .phone, field.validator != .freeText,
                    let phone = entities.phone ?? FieldNormalizer.phone(text)
                {
                    return phoneWhereAnotherNumberIsAsked(phone, field: field, draft: draft, service: service)
                }
                if value == nil, field.validator == .phone,
                    identifierWherePhoneIsAsked(text, entities: entities, draft: draft)
                {
                    return
                }
                if value == nil, field.validator != .freeText,
                    noteCompany(text, entities: entities, draft: draft, service: service)
                {
                    return
                }
                if value == nil, field.validator != .freeText, noteAccount(text, draft: draft) {
                    return
                }
                if value == nil, field.optional, !editing, saysUnknown(text) {
                    return goOnWithout(field, text: text, draft: draft)
                }
                if value == nil, field.validator != .freeText, saysLater(DialogSettings.spacedWords(text)) {
                    // "npwp nya lagi dicari, nanti sy kirim", "nomor direktur besok ya": the form waits for it;
                    // nothing was wrong.
                    return sayLater(field, about: text)
                }
                if value == nil, field.validator == .phone, PhoneNumberExtractor.mismatch(text) == .landline {
                    // "pakai nomor kantor aja 021 555 1234": a landline, however many words come with it.
                    return invalid(phoneRefusal(text), example: t(field.validator.examplePrompt))
                }
                if value == nil, field.validator != .freeText, keepExplanation(text, draft: draft, service: service) {
                    return
                }
                if value == nil, [.npwp, .nip, .npwpOrNip].contains(field.validator),
                    codeForLaterField(text, entities: entities, draft: draft, service: service, after: index)
                {
                    return
                }
                guard let value else {
                    return invalid(identifierRefusal(text, field: field), example: t(field.validator.examplePrompt))
                }
                draft.answers[field.id] = value
                if field.validator != .freeText, saysMoreThanTheNumber(text, field: field),
                    let written = FieldNormalizer.freeText(text)
                {
                    // "direktur yg baru pak Budi Santoso, no hp nya 0813…": the number answers, and the name of the
                    // new director goes among the form's notes for staff instead of being dropped.
                    draft.addRemark(written)
                }
            case .choice:
                if let named = chosenOption(of: field, in: text) {
                    // "saya penyedia", "sebagai pokja": the one option the answer names. One that explains too
                    // ("saya penyedia, ga bisa upload penawaran dari pagi") answers the form's free text with it.
                    draft.answers[field.id] = named
                    if text.wordCount >= Self.explanationWords, let written = FieldNormalizer.freeText(text),
                        let free = service.fields.first(where: { $0.validator == .freeText }),
                        draft.answers[free.id] == nil
                    {
                        draft.answers[free.id] = written
                    }
                    break
                }
                if identifierForLaterField(text, entities: entities, draft: draft, service: service, after: index)
                    || codeForLaterField(text, entities: entities, draft: draft, service: service, after: index)
                {
                    // "01.234.567.8-901.000", "10234567" where the role is asked: kept for their questions.
                    return
                }
                if noteCompany(text, entities: entities, draft: draft, service: service) {
                    // "PT Jaya Konstruksi" where the role is asked: the ticket's company, and the role again.
                    return
                }
                if waitOrKeepAtChoice(text, field: field, draft: draft, service: service) { return }
                return invalid(
                    t(.invalidChoice, ["count": String(field.options.count)]),
                    example: t(field.validator.examplePrompt))
            }
            answered(draft, editing: editing)
        case .consent:
            // "selesai" is not "ya"; "sudah" read as a yes still is, but not "udah itu aja" (nothing more to send),
            // which the recognizer also reads as one: consent to the notice is given in so many words.
            if isKeyword(text, "done"), classification.intent != .affirm { return invalid(t(.invalidNotDoneYet)) }
            if saysThatsAll(text), !catalogue.settings.mentions(text: text, keywordsNamed: "agree") {
                return invalid(t(.invalidNotDoneYet))
            }
            if classification.intent == .affirm || isKeyword(text, "agree") {
                return chooseInIntake(.consentYes, draft: draft)
            }
            if classification.intent == .deny && text.wordCount <= Self.bareDenialWords
                || saysDisagree(text) && !isQuestion(text)
            {
                // "tidak", "ga mau min", "maaf saya tidak setuju data saya disimpan"; not a sentence with a no in it,
                // "petugasnya namanya pak andi kalau tidak salah", which declined the notice, nor "kalau saya tidak
                // setuju gimana?".
                return chooseInIntake(.consentNo, draft: draft)
            }
            if asksAboutData(text), let written = FieldNormalizer.freeText(text) {
                // Asked about, or not understood below, the notice is shown whole again, not in a line.
                consentJustAsked = false
                // "data saya aman kan? dipakai untuk apa aja?": what the notice says, in a sentence; staff
                // answer the rest on the ticket.
                return keepRemark(written, draft: draft, saying: t(.intakeDataQuestion))
            }
            if keepAside(text, entities: classification.entities, draft: draft, service: service) { return }
            consentJustAsked = false
            invalid(t(.invalidChoice, ["count": "3"]))
        case .documents:
            if asksAboutTheForm(text) { return answerAboutTheForm(draft) }
            answerInDocuments(text, classification: classification, draft: draft, service: service)
        case .summary:
            if let index = fieldToChange(text, service: service) {
                // "nomor direktur salah", "nama pt nya salah": that question again, back to the summary after it;
                // "direktur" also names the director's ID card, whose file was asked again instead.
                draft.stage = .field(index: index, editing: true)
                state.invalidAnswers = 0
                state.step = .intake(draft)
                return promptCurrentStep(prefix: nil)
            }
            if let requirement = documentToResend(text, draft: draft) { return resend(requirement, draft: draft) }
            if let (first, second) = swappedDocuments(text, draft: draft) {
                return swapFiles(first, second, draft: draft)
            }
            // "maaf salah kirim" right after the summary came: which file, where it got "Mohon pilih salah satu.".
            if takeBackWrongFile(text, draft: draft, service: service) { return }
            if let label = labelOfGuessedFile(text, draft: draft) {
                // "yang terakhir itu surat kuasa": the file last guessed, named in words.
                return relabelGuessedFile(as: label, text: text, draft: draft)
            }
            if putsOff(text), !isQuestion(text) {
                // "tunggu, saya cek dulu": the summary waits; nothing was wrong.
                return say(t(.intakeSummaryWaits))
            }
            if asksAboutTheForm(text) { return answerAboutTheForm(draft) }
            if classification.intent == .affirm || isKeyword(text, "agree") || isKeyword(text, "done") {
                return chooseInIntake(.summaryConfirm, draft: draft)
            }
            if classification.intent == .deny { return chooseInIntake(.summaryChange, draft: draft) }
            if keepAside(text, entities: classification.entities, draft: draft, service: service) { return }
            invalid(t(.invalidChoice, ["count": "3"]))
        case .choosingChange:
            invalid(t(.invalidChoice, ["count": String(intakeOptions(draft).count)]))
        case .editingDescription:
            guard let value = FieldNormalizer.freeText(text) else { return invalid(t(.invalidFreeText)) }
            draft.customDescription = value
            draft.stage = .summary
            state.invalidAnswers = 0
            state.step = .intake(draft)
            promptCurrentStep(prefix: nil)
        case .submitting:
            say(t(.submittingWait))
        }
    }

    /// Why `text` is not the number `field` asks, as precisely as its digits allow: an NPWP or a NIP with the
    /// right count of digits is not a valid one ("00.000.000.0-000.000"); one with another count is told
    /// how many it has; a landline or a foreign number is no Indonesian mobile number.
    func identifierRefusal(_ text: String, field: FormField) -> String {
        let lengths: [Int]
        switch field.validator {
        case .npwp: lengths = [15, 16]
        case .nip: lengths = [18]
        case .npwpOrNip: lengths = [15, 16, 18]
        case .phone: return phoneRefusal(text)
        case .companyName, .businessForm, .kodeTender, .freeText, .choice:
            return t(field.validator.invalidPrompt)
        }
        let digits = text.filter(\.isASCIIDigitCharacter).count
        if lengths.contains(digits) {
            return t(.invalidIdentifierNotValid, ["field": field.label.text(in: language), "number": text])
        }
        guard digits > 0 else { return t(field.validator.invalidPrompt) }
        return t(field.validator.invalidPrompt) + " " + t(.invalidDigitCount, ["count": String(digits)])
    }

    /// Why `text` is no Indonesian mobile number: a foreign number, a landline ("0251 832 1123"), or the count
    /// of digits it has.
    func phoneRefusal(_ text: String) -> String {
        switch PhoneNumberExtractor.mismatch(text) {
        case .foreign?: t(.invalidPhoneForeign)
        case .landline?: t(.invalidPhoneLandline, ["number": Self.writtenDigits(in: text)])
        case .digits(let count)?: t(.invalidPhone) + " " + t(.invalidDigitCount, ["count": String(count)])
        // "bukan, nomor direktur beda" has no number to be invalid: it is asked for.
        case nil: t(text.contains(where: \.isNumber) ? .invalidPhone : .invalidPhoneMissing)
        }
    }

    /// An explanation typed where a number is asked ("direktur lama Budi diganti Wati sejak Oktober" at the
    /// director's number): kept in the form's free-text field (added to what it holds, or its answer when it
    /// is still to come), or among the form's remarks for staff when it has none ("alamat kami Jl. Merdeka
    /// 10 Bogor" in a registration), and the number asked again. False when the message is too short to be
    /// one.
    mutating func keepExplanation(_ text: String, draft: IntakeDraft, service: ServiceDefinition) -> Bool {
        guard text.wordCount >= Self.explanationWords, let written = FieldNormalizer.freeText(text) else {
            return false
        }
        keepWithForm(written, typed: text, draft: draft, service: service)
        return true
    }

    /// `written` goes with the form: to its free-text question, added to what it says ("Keterangan Anda kami
    /// tambahkan ke …"), else among the remarks for staff; the question is asked again.
    mutating func keepWithForm(_ written: String, typed text: String, draft: IntakeDraft, service: ServiceDefinition) {
        guard let field = service.fields.first(where: { $0.validator == .freeText }) else {
            return keepRemark(written, draft: draft, saying: kept(text))
        }
        var draft = draft
        draft.answers[field.id] = draft.answers[field.id].map { $0 + "\n" + written } ?? written
        state.step = .intake(draft)
        promptCurrentStep(prefix: t(.intakeExplanationKept, ["field": field.label.text(in: language)]))
    }

    /// "saya lupa password akun spse", "akun kami terblokir min", "mau ganti email perusahaan" where the company is
    /// asked, once the service was chosen: the request said again, which was taken as a company named so ("Apa
    /// bentuk usaha lupa password akun spse?"). A name without a legal form with a word no name has
    /// (`requestWords`: "saya", "mau", "lupa", "akun"), in a message that names a service or that the recognizer
    /// is sure asks for one, and no question. It goes with the form, and the name is asked again.
    mutating func requestSaidAgain(
        _ text: String, classification: Classification, draft: IntakeDraft, service: ServiceDefinition
    ) -> Bool {
        // The words first, which most names lack: reading the name is the dearer part.
        guard catalogue.settings.mentions(text: text, keywordsNamed: "requestWords"),
            let answer = CompanyNameParser.answer(text), answer.form == nil, !isQuestion(text),
            catalogue.settings.mentions(text: answer.name, keywordsNamed: "requestWords"),
            servicesNamed(in: text) >= 1
                || classification.intent == .createTicket && classification.confidence >= Self.requestConfidence,
            let written = FieldNormalizer.freeText(text)
        else { return false }
        keepWithForm(written, typed: text, draft: draft, service: service)
        return true
    }

    /// Whether `text`, where the form asks for its free text, only names the form's own service ("saya mau
    /// komplain" in the complaint, "mau konsultasi" in the consultation): one word besides `filler` and
    /// `requestWords`, a word of the service's, and nothing that goes wrong (no word of `problemWords` or `not`)
    /// nor a question. "konsultasi soal sikap" names its subject and answers.
    func restatesTheService(_ text: String, service: ServiceDefinition) -> Bool {
        let words = DialogSettings.spacedWords(text)
        let settings = catalogue.settings
        return settings.words(of: text, besides: ["filler", "requestWords"]).count == 1 && !isQuestion(text)
            && settings.mentions(words, keywordsNamed: "service.\(service.id)")
            && !settings.mentions(words, keywordsNamed: "problemWords")
            && !settings.mentions(words, keywordsNamed: "not")
    }

    /// The other form `text` asks for where the consultation asks its question and nothing is answered yet: a
    /// statement, not a question, naming another service as a message outside a form would ("boleh tanya?", then
    /// "saya lupa password", became the question staff were to answer, where the reset's form was needed). A
    /// question ("kenapa akun saya terkunci?") or one said to come ("mau tanya soal daftar") stays the question. Only
    /// while the draft holds nothing the provider sent but files kept ahead, which the other form takes.
    func requestForAnotherForm(_ text: String, classification: Classification, draft: IntakeDraft) -> String? {
        guard case .field(0, false) = draft.stage, draft.answers.isEmpty, draft.documents.isEmpty,
            draft.uploads.isEmpty, draft.remarks?.isEmpty ?? true, questionsEntry?.id == draft.serviceID,
            let service = service(of: draft), service.fields.first?.validator == .freeText, !isQuestion(text),
            !saysAQuestionComes(text, words: DialogSettings.spacedWords(text)),
            !catalogue.settings.mentions(text: text, keywordsNamed: "asking.\(service.id)"),
            classification.entities.ticketNumber == nil,
            let other = serviceNamed(in: text, classification: classification), other != service.id,
            catalogue.service(id: other) != nil
        else { return nil }
        return other
    }

    /// Leaves `draft`, which holds nothing sent but files kept ahead, for the form of `service`, started from `message` as a message
    /// outside a form starts it; the files the draft held go to the new form, and so does the company the message
    /// that started the draft named ("siang min, kami dari PT Sinar Abadi mau konsultasi", then "saya lupa
    /// password"), unless this message names one: it was asked for again.
    mutating func switchForm(
        _ draft: IntakeDraft, to service: String, from message: ReporterMessage, classification: Classification
    ) {
        var classification = classification
        if classification.entities.company == nil, let named = draft.namedCompany {
            classification.entities.company = CompanyNameParser.parse(named)
        }
        state.filesBeforeRequest = draft.heldFiles
        state.step = .idle
        start(service, from: message, classification: classification)
    }

    /// How sure the recognizer must be that a message asks for a service for it to be the request said again.
    static let requestConfidence = 0.85

    /// Whether `text`, at the checklist or the summary, asks whether the form is complete or what comes next
    /// ("udah lengkap belum?", "ada lagi yang perlu dikirim min?", "terus habis ini gimana?"): a question with a
    /// word of `formQuestion`. Such a question is about the form, not a status check or the documents ahead.
    func asksAboutTheForm(_ text: String) -> Bool {
        isQuestion(text) && catalogue.settings.mentions(text: text, keywordsNamed: "formQuestion")
    }

    /// What is still missing and what follows: at the checklist the documents still to send (or that a file is
    /// still being checked), at the summary that nothing is and what sending it does; then the question again.
    mutating func answerAboutTheForm(_ draft: IntakeDraft) {
        let missing = missingDocuments(draft)
        if draft.stage == .summary || missing.isEmpty && draft.uploads.isEmpty {
            return promptCurrentStep(prefix: t(.intakeFormComplete))
        }
        if missing.isEmpty { return say(t(.documentsStillChecking)) }
        promptCurrentStep(
            prefix: t(.documentsMissing, ["list": missingDocumentNames(draft)]) + " " + t(.intakeSendForSummary))
    }

    /// Adds `written` to the form's remarks for staff, says `message` and asks the current question again.
    mutating func keepRemark(_ written: String, draft: IntakeDraft, saying message: String) {
        var draft = draft
        draft.addRemark(written)
        state.step = .intake(draft)
        promptCurrentStep(prefix: message)
    }

    /// The SPSE account's e-mail address or user ID written where the form asks something else
    /// ("budi@berkahjaya.co.id" where the director's number is asked, "user id nya karyamandiri01" at the NPWP or
    /// the checklist): staff need it to reset a password or an e-mail, and no form asks for it. Kept among the
    /// form's remarks, said to be, and the question asked again; false when the message names neither. The user
    /// ID got "NPWP harus 15 atau 16 digit" or "Kami menunggu file PDF" and was gone.
    mutating func noteAccount(_ text: String, draft: IntakeDraft) -> Bool {
        let noted: String
        if let email = FieldNormalizer.emailAddress(in: text) {
            noted = t(.intakeEmailNoted, ["email": email])
        } else if catalogue.settings.mentions(text: text, keywordsNamed: "accountName") {
            noted = t(.intakeAccountNoted)
        } else {
            return false
        }
        keepRemark(FieldNormalizer.freeText(text) ?? text, draft: draft, saying: noted)
        return true
    }

    /// An NPWP or a NIP where the director's number is asked ("npwp nya 01.234.567.8-901.000"): said to be
    /// one, kept among the form's remarks for staff, and the number asked again.
    mutating func identifierWherePhoneIsAsked(_ text: String, entities: Entities, draft: IntakeDraft) -> Bool {
        guard let (digits, kind) = Self.npwpOrNIP(in: text, entities: entities) else { return false }
        let number = Self.writtenNumber(digits, in: text)
        keepRemark(
            FieldNormalizer.freeText(text) ?? number, draft: draft,
            saying: t(.intakeIdentifierNoted, ["kind": kind, "number": number]))
        return true
    }

    /// An NPWP or a NIP in a message, as the recognizer found it or read from its text: the digits, and which.
    static func npwpOrNIP(in text: String, entities: Entities) -> (digits: String, kind: String)? {
        if let npwp = entities.npwp ?? FieldNormalizer.npwp(text) { return (npwp, "NPWP") }
        if let nip = entities.nip ?? FieldNormalizer.nip(text) { return (nip, "NIP") }
        return nil
    }

    /// Whether `text` asks about the provider's data where consent is asked: a question with a word of
    /// `dataQuestion` ("data saya aman kan?", "nanti datanya disimpan di mana?", "is my data safe?").
    func asksAboutData(_ text: String) -> Bool {
        isQuestion(text) && catalogue.settings.mentions(text: text, keywordsNamed: "dataQuestion")
    }

    /// The most words of a message that declines the privacy notice with a bare no ("nggak mau min").
    static let bareDenialWords = 4

    /// Whether `text` declines in so many words: a phrase of `disagree` ("tidak setuju", "keberatan", "I do not
    /// agree").
    func saysDisagree(_ text: String) -> Bool {
        catalogue.settings.mentions(text: text, keywordsNamed: "disagree")
    }

    /// What a provider adds where consent or the summary is asked, instead of answering it ("npwp kami
    /// 01.234.567.8-901.000", "alamat kantor kami sudah pindah ke Jl. Merdeka 10"): an NPWP, a NIP or another
    /// number ("nib kami 1234567890123"), or a message long enough to be an explanation, is kept like an
    /// explanation typed where a number is asked (`keepExplanation`), a company in a form that asks for none is
    /// the ticket's (`noteCompany`), an account's e-mail or user ID is noted (`noteAccount`), and the question
    /// asked again. False when there is nothing to keep.
    mutating func keepAside(_ text: String, entities: Entities, draft: IntakeDraft, service: ServiceDefinition)
        -> Bool
    {
        if noteCompany(text, entities: entities, draft: draft, service: service) { return true }
        if noteAccount(text, draft: draft) { return true }
        // An NPWP, a NIP, or another number the form does not ask for ("nib kami 1234567890123").
        let number = Self.npwpOrNIP(in: text, entities: entities) != nil || text.carriesANumber
        if text.wordCount < Self.explanationWords, number, let written = FieldNormalizer.freeText(text) {
            keepRemark(written, draft: draft, saying: t(.intakeRemarkKept))
            return true
        }
        return keepExplanation(text, draft: draft, service: service)
    }

    /// What the provider is told of `text` kept among the form's remarks: that a question is noted for staff and
    /// answered on the ticket, or that an explanation is noted.
    func kept(_ text: String) -> String {
        t(isQuestion(text) ? .intakeQuestionKept : .intakeRemarkKept)
    }

    /// A question or a "wait" typed where the company's name is asked, not a name: "apa itu bentuk usaha?" is
    /// answered from the FAQ when it has the answer, another question is kept for staff among the form's
    /// remarks, and "sebentar ya min" is told the form waits; the name is asked again. False for anything else.
    mutating func questionOrWaitAtName(_ text: String, field: FormField, draft: IntakeDraft) -> Bool {
        if saysLater(DialogSettings.spacedWords(text)) {
            sayLater(field, about: text)
            return true
        }
        guard isQuestion(text) else { return false }
        if let faq = typedFAQ(text) {
            promptCurrentStep(prefix: faq.answer.text(in: language))
        } else {
            keepRemark(FieldNormalizer.freeText(text) ?? text, draft: draft, saying: t(.intakeQuestionKept))
        }
        return true
    }

    /// A message where the legal form or another choice is asked that answers neither: "bentar ya min, saya
    /// tanya direktur dulu" (a word of `later`) is told the form waits, a question is answered from the FAQ or
    /// kept for staff, and an explanation (five words or more) is kept as one typed where a number is asked; it
    /// got "Bentuk usaha tidak dikenal." and was gone. False for anything else.
    mutating func waitOrKeepAtChoice(_ text: String, field: FormField, draft: IntakeDraft, service: ServiceDefinition)
        -> Bool
    {
        if saysLater(DialogSettings.spacedWords(text)), text.wordCount >= Self.explanationWords,
            let written = FieldNormalizer.freeText(text)
        {
            let later =
                namesDocumentsNotAsked(text, field: field)
                ? t(.intakeDocumentsMayFollow) : laterText(field.label.text(in: language))
            keepRemark(written, draft: draft, saying: t(.intakeRemarkKept) + " " + later)
            return true
        }
        if questionOrWaitAtName(text, field: field, draft: draft) { return true }
        return keepExplanation(text, draft: draft, service: service)
    }

    /// The form waits for `field`'s answer: "Kirim nama usaha di chat ini kapan saja…". The label is written
    /// inside the sentence: "nama usaha", but "NPWP" as it is. The question asked is marked put off. When `text`
    /// puts off the documents instead ("kalau syaratnya belum lengkap, nanti bisa nyusul?", "dokumennya nyusul
    /// ya"), which were told the company's name could come later, it is told they may, and asked the question.
    mutating func sayLater(_ field: FormField, about text: String) {
        if namesDocumentsNotAsked(text, field: field) { return promptCurrentStep(prefix: t(.intakeDocumentsMayFollow)) }
        if case .intake(var draft) = state.step, case .field(let index, _) = draft.stage {
            draft.putOff = index
            state.step = .intake(draft)
        }
        say(laterText(field.label.text(in: language)))
    }

    /// Whether `text`, at `field` of a form with a checklist still to come, speaks of its documents (a word of
    /// `requirementsWords`, `documentNouns` or `documentWords`) and not of the question asked (its
    /// `fieldNamed.<validator>`: "npwp nya nyusul" where the NPWP is asked is about the question), nor asks a
    /// moment for it (`waitAMoment`: "bentar ya min saya tanya direktur dulu, ada tambahan kata di akta").
    func namesDocumentsNotAsked(_ text: String, field: FormField) -> Bool {
        guard case .intake(let draft) = state.step, case .field = draft.stage,
            service(of: draft)?.asksForDocuments == true
        else { return false }
        let words = DialogSettings.spacedWords(text)
        let settings = catalogue.settings
        return ["requirementsWords", "documentNouns", "documentWords"].contains {
            settings.mentions(words, keywordsNamed: $0)
        }
            && !["fieldNamed.\(field.validator.rawValue)", "waitAMoment"].contains {
                settings.mentions(words, keywordsNamed: $0)
            }
    }

    /// Whether `text` says the answer is not known now: a word of `later` ("ga tau", "nanti") or of `unknownAnswer`
    /// ("lupa", "ga ingat", "tidak ada").
    func saysUnknown(_ text: String) -> Bool {
        let words = DialogSettings.spacedWords(text)
        return saysLater(words) || catalogue.settings.mentions(words, keywordsNamed: "unknownAnswer")
    }

    /// "kode tendernya 10234567" once found, after the form went on without it: the answer, noted, and the question
    /// asked now again. It became the problem's description. False when the message gives no answer marked not
    /// known.
    mutating func fillNotKnown(_ text: String, entities: Entities, draft: IntakeDraft, service: ServiceDefinition)
        -> Bool
    {
        // Only an optional answer can be marked not known: a form without one reads no answer here.
        guard draft.stage != .submitting,
            let field = service.fields.first(where: { field in
                field.optional && (draft.answers[field.id].map(marksNotKnown) ?? false)
            }),
            let value = entities.identifier(for: field.validator)
        else { return false }
        var draft = draft
        draft.answers[field.id] = value
        state.step = .intake(draft)
        promptCurrentStep(prefix: t(.intakeAlreadyNoted, ["value": field.label.text(in: language) + " " + value]))
        return true
    }

    /// Whether `answer` is the mark of an optional answer not known (`intake.notKnown`, in either language).
    func marksNotKnown(_ answer: String) -> Bool {
        Language.allCases.contains { catalogue.text(.intakeNotKnown, in: $0) == answer }
    }

    /// "lupa kodenya, paket pengadaan laptop dinas pendidikan", "ga tau min" where an optional answer is asked (a
    /// tender's code): the form goes on without it, marked not known for staff, and a message that says more is
    /// kept among the form's notes. A tender problem with its deadline today was kept waiting for a code the
    /// provider did not have, or took the message as its problem.
    mutating func goOnWithout(_ field: FormField, text: String, draft: IntakeDraft) {
        var draft = draft
        draft.answers[field.id] = t(.intakeNotKnown)
        var lead = t(.intakeGoesOnWithout, ["field": Self.inSentence(field.label.text(in: language))])
        if text.wordCount >= Self.explanationWords, let written = FieldNormalizer.freeText(text) {
            draft.addRemark(written)
            lead = t(.intakeRemarkKept) + " " + lead
        }
        advance(draft, prefix: lead)
    }

    /// "Tidak apa-apa, permohonan ini kami simpan. Kirim `what` di chat ini kapan saja…".
    func laterText(_ what: String) -> String {
        t(.intakeLater, ["field": Self.inSentence(what)])
    }

    /// `what` written inside a sentence: "nama usaha", "surat permohonan", but "NPWP" and "KTP/KITAS Direktur" as
    /// they are.
    static func inSentence(_ what: String) -> String {
        let firstWord = what.prefix { !$0.isWhitespace }
        // "Surat Permohonan" is "surat permohonan" inside the sentence; an acronym stays ("NPWP").
        return firstWord.allSatisfy { $0.isUppercase || !$0.isLetter }
            ? what
            : what.split(separator: " ", omittingEmptySubsequences: false).map { word in
                word.dropFirst().allSatisfy { !$0.isUppercase } ? word.lowercased() : String(word)
            }.joined(separator: " ")
    }

    /// Whether `text` only acknowledges that the form waits for `field` (question `index`), put off and still
    /// unanswered: "ok", "siap", "baik makasih" after "belum tau nomor direkturnya" took the provider's own number
    /// as the director's, the one-button question's yes. Not with a digit, nor with the catalogue's words for the
    /// own number ("nomor ini aja"), which answer it.
    func acknowledgesTheWait(
        _ text: String, classification: Classification, draft: IntakeDraft, index: Int, field: FormField
    ) -> Bool {
        guard draft.putOff == index, draft.answers[field.id] == nil,
            !catalogue.settings.mentions(text: text, keywordsNamed: "ownNumber")
        else { return false }
        return onlyAcknowledges(text, classification: classification)
    }

    /// Whether `text` only acknowledges what it answers ("ok", "siap min", "baik makasih"): a yes or a thanks, or
    /// words of `noOpinion` and `filler` alone, in at most `acknowledgementWords` words and with no digit.
    func onlyAcknowledges(_ text: String, classification: Classification) -> Bool {
        guard !text.contains(where: \.isNumber), text.wordCount <= Self.acknowledgementWords else { return false }
        return [.affirm, .thanks].contains(classification.intent) || addsNothing(text)
    }

    /// Whether `text` only says a question comes ("saya mau tanya soal akun", "boleh tanya soal sikap?"): besides
    /// words of `requestWords`, `filler` and `questionLeadIn`, of a greeting or an introduction (`introWords`:
    /// "halo selamat pagi", "saya dari"), and the `company` it names with its legal form, one word is left at
    /// most, its subject. "halo selamat pagi, saya dari CV Berkah Jaya mau tanya" became the question staff were to
    /// answer.
    func announcesAQuestion(_ text: String, naming company: Company? = nil) -> Bool {
        wordsBesidesAnnouncing(text, naming: company).count <= 1
    }

    /// Whether `text` says a question comes in `askingDeclared` words and nothing else, not even its subject
    /// (`announcesAQuestion`, and no word of `subjectLeadIn`, which "mau tanya soal akun" has): "min mau nanya
    /// dong", "boleh tanya?", "halo selamat pagi, saya dari CV Berkah Jaya mau tanya".
    func onlySaysAQuestionComes(_ text: String, naming company: Company?) -> Bool {
        let settings = catalogue.settings
        return settings.mentions(text: text, keywordsNamed: "askingDeclared")
            && !settings.mentions(text: text, keywordsNamed: "subjectLeadIn")
            && wordsBesidesAnnouncing(text, naming: company).isEmpty
    }

    /// The words of `text` besides those of `requestWords`, `filler`, `questionLeadIn` and `introWords`, the
    /// `company` it names and legal forms.
    private func wordsBesidesAnnouncing(_ text: String, naming company: Company?) -> [Substring] {
        let named = Set(DialogSettings.spacedWords(company?.name ?? "").wordsBetweenSpaces)
        let rest = catalogue.settings.words(
            of: text, besides: ["requestWords", "filler", "questionLeadIn", "introWords"])
        return rest.filter { !named.contains($0) && CompanyNameParser.form(String($0)) == nil }
    }

    /// The legal form `text` names with only words of `formLeadIn` and `filler` around it ("saya perorangan",
    /// "kami CV", "bentuk usaha kami koperasi"); nil otherwise.
    func formSaidAlone(_ text: String) -> BusinessForm? {
        let rest = catalogue.settings.words(of: text, besides: ["formLeadIn", "filler"])
        guard !rest.isEmpty, rest.count <= 2 else { return nil }
        return CompanyNameParser.form(rest.joined(separator: " "))
    }

    /// Whether `text` has no word but those of `noOpinion` and `filler` ("ok", "sip min"), or none at all ("👍",
    /// "-").
    func addsNothing(_ text: String) -> Bool {
        catalogue.settings.words(of: text, besides: ["noOpinion", "filler"]).isEmpty
    }

    /// The most words of a message that only acknowledges a wait ("ok siap min").
    static let acknowledgementWords = 4

    /// The index of the form's question whose answer a message at the summary says is wrong and names
    /// (`fieldNamed.<validator>`, with a word of `resend` or `correction`): "nomor direktur salah", "nama pt nya
    /// keliru", "nomor npwp salah" (the NPWP: "nomor" names the phone only when no other question is named). Nil
    /// when it names none, or more than one.
    func fieldToChange(_ text: String, service: ServiceDefinition) -> Int? {
        let words = DialogSettings.spacedWords(text)
        let settings = catalogue.settings
        guard settings.mentions(words, keywordsNamed: "resend") || settings.mentions(words, keywordsNamed: "correction")
        else { return nil }
        var named = service.fields.indices.filter {
            settings.mentions(words, keywordsNamed: "fieldNamed.\(service.fields[$0].validator.rawValue)")
        }
        if named.count > 1 { named.removeAll { service.fields[$0].validator == .phone } }
        return named.count == 1 ? named[0] : nil
    }

    /// Whether `text` puts something off ("nanti saja", "npwp nyusul ya", "sisanya besok ya") without taking it
    /// back ("batal, nanti aja", "ga jadi dulu, nanti saya kabari").
    func putsOff(_ text: String) -> Bool {
        let words = DialogSettings.spacedWords(text)
        return saysLater(words) && !catalogue.settings.mentions(words, keywordsNamed: "withdraw")
    }

    /// Whether `text`, at a form's question or at its checklist, says that the answer or the documents come later,
    /// or asks whether they may ("bisa dikirim besok?", "npwp nya boleh nyusul?", which got the office hours); a
    /// question about the call ("jadwal vc nya bisa besok?", a word of `callQuestion`) is not one.
    func putsOffAnAnswer(_ text: String) -> Bool {
        guard case .intake(let draft) = state.step, putsOff(text),
            !isQuestion(text) || !catalogue.settings.mentions(text: text, keywordsNamed: "callQuestion")
        else { return false }
        switch draft.stage {
        case .field, .documents: return true
        case .consent, .summary, .choosingChange, .editingDescription, .submitting: return false
        }
    }

    /// Whether `words` (spaced) say that what is asked comes later: a word of `later` ("nanti", "nyusul"), or a day
    /// ahead named as when it comes (`laterDay`: "besok ya min", "sisanya senin", "tomorrow"), which the
    /// recognizer reads as asking the schedule; a day alone ("senin") is no such answer.
    func saysLater(_ words: String) -> Bool {
        catalogue.settings.mentions(words, keywordsNamed: "later")
            || catalogue.settings.mentions(words, keywordsNamed: "laterDay")
    }

    /// Says the form waits for what `text` puts off (a question's answer, the documents still missing), and
    /// returns true; false where nothing is being waited for (the consent, the summary).
    mutating func sayIntakeLater(_ draft: IntakeDraft, text: String) -> Bool {
        guard let service = service(of: draft) else { return false }
        switch draft.stage {
        case .field(let index, _) where service.fields.indices.contains(index):
            sayLater(service.fields[index], about: text)
        case .documents where !missingDocuments(draft).isEmpty:
            var draft = draft
            waitForDocuments(&draft)
            say(laterText(missingDocumentNames(draft)))
        default:
            return false
        }
        return true
    }

    /// A name followed by what the company does ("Berkah Jaya Abadi, bergerak di bidang konstruksi"): the name
    /// before the comma, and the rest for staff when it says something (three words or more).
    static func nameAndDescription(_ name: String) -> (name: String, description: String?) {
        guard let comma = name.firstIndex(of: ",") else { return (name, nil) }
        let head = name[..<comma].trimmingWhitespace()
        let tail = name[name.index(after: comma)...].trimmingWhitespace()
        guard !head.isEmpty, tail.wordCount >= 3 else { return (name, nil) }
        return (head, tail)
    }

    /// A company typed where a number, consent or the summary is asked, in a form that asks for none ("PT Global
    /// Makmur" at the tender form's NPWP or NIP, "CV Maju Terus" at a complaint's consent): kept as the ticket's
    /// company, said, and the question asked again. False when the message names no company with its legal form,
    /// or the form asks for the company itself.
    mutating func noteCompany(
        _ text: String, entities: Entities, draft: IntakeDraft, service: ServiceDefinition
    ) -> Bool {
        guard service.companyField == nil,
            let company = entities.company ?? CompanyNameParser.parse(text), Self.storedName(of: company) != nil
        else { return false }
        var draft = draft
        draft.namedCompany = company.name
        state.step = .intake(draft)
        promptCurrentStep(prefix: t(.intakeCompanyNoted, ["company": company.name]))
        return true
    }

    /// Whether a number is asked (the director's WhatsApp, an NPWP, a NIP, a kode tender) and `entities` name a
    /// company with its legal form, which none of them takes.
    func namesCompanyWhereNumberIsAsked(_ entities: Entities, draft: IntakeDraft, service: ServiceDefinition) -> Bool {
        guard case .field(let index, _) = draft.stage, let asked = service.fields[safe: index] else { return false }
        switch asked.validator {
        case .phone, .npwp, .nip, .npwpOrNip, .kodeTender: return entities.company != nil
        case .companyName, .businessForm, .freeText, .choice: return false
        }
    }

    /// Words a message needs to be taken as an explanation where a number is asked.
    static let explanationWords = 5

    /// The most words of a company's name written without its legal form; more is a sentence about the company.
    static let longestNameWithoutForm = 6

    /// Whether a message that gives a number says more than the number: a second number ("0812… / 0813…"), or at
    /// least `wordsBesideANumber` words with a letter that are not `filler` or `numberWords` ("nomor", "hp",
    /// "direktur", "kami") nor a word of the field's label, a "-nya" ending read off ("nomornya"). "direktur yg baru
    /// pak Budi Santoso, no hp nya 0813…" does; "no hp direktur saya 0813…" and "npwp nya 01.234.567.8-901.000
    /// min" do not. So does a person named after a form of address (`addressForms`): "0812 3456 7890 (pak budi)".
    func saysMoreThanTheNumber(_ text: String, field: FormField) -> Bool {
        if Self.longNumbers(in: text) > 1 { return true }
        let known = wordsAroundAnswers(labelledBy: [field])
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }
        let said = words.filter { word in word.contains(where: \.isLetter) && !Self.isOne(of: known, word) }
        if said.count >= Self.wordsBesideANumber { return true }
        let address = catalogue.settings.keywordSet("addressForms")
        return zip(words, words.dropFirst()).contains { form, name in
            address.contains(String(form)) && said.contains(name)
        }
    }

    /// Words that say nothing beside an answer: `filler` and `numberWords`, and the words of `fields`' labels.
    func wordsAroundAnswers(labelledBy fields: [FormField]) -> Set<String> {
        let keywords = catalogue.settings.keywords
        var known = Set((keywords["filler"] ?? []) + (keywords["numberWords"] ?? []))
        for field in fields {
            for label in [field.label.indonesian, field.label.english] {
                known.formUnion(label.lowercased().split { !$0.isLetter }.map(String.init))
            }
        }
        return known
    }

    /// Whether `word` (lowercased) is one of `words`, a "-nya" ending read off ("nomornya").
    static func isOne(of words: Set<String>, _ word: Substring) -> Bool {
        let stem = word.hasSuffix("nya") && word.count > 3 ? word.dropLast(3) : word
        return words.contains(String(word)) || words.contains(String(stem))
    }

    /// Whether a message kept while the menu was asked says nothing the answers it gave `draft` do not: each of
    /// its words is a word of an answer, a legal form, a `filler` or `numberWords` word or a word of an answered
    /// question's label, and each of its numbers is in an answer ("PT Sinar Abadi Jaya", "nip saya 1980…"); such
    /// a message is not kept among the notes too.
    func saysOnlyItsAnswers(_ text: String, draft: IntakeDraft, service: ServiceDefinition) -> Bool {
        let answers = draft.answers.values.map { $0.lowercased() }
        guard !answers.isEmpty else { return false }
        var known = wordsAroundAnswers(labelledBy: service.fields.filter { draft.answers[$0.id] != nil })
        known.formUnion(BusinessForm.allCases.map { $0.rawValue.lowercased() })
        for answer in answers { known.formUnion(answer.split { !$0.isLetter && !$0.isNumber }.map(String.init)) }
        let digits = answers.map { $0.filter(\.isASCIIDigitCharacter) }
        return text.lowercased().split { !$0.isLetter && !$0.isNumber }.allSatisfy { word in
            guard word.allSatisfy(\.isASCIIDigitCharacter) else { return Self.isOne(of: known, word) }
            // A mobile number is kept as +62…: "0812" is in it as "812".
            let group = word.hasPrefix("0") && word.count > 1 ? word.dropFirst() : word
            return digits.contains { $0.contains(group) }
        }
    }

    /// Words beside a number that say more than it (see `saysMoreThanTheNumber`).
    static let wordsBesideANumber = 2

    /// How many numbers of eight digits or more `text` holds, a number's groups written apart ("0812 3456 7890",
    /// "01.234.567.8-901.000") counted once: any word or other mark between two runs of digits parts them.
    static func longNumbers(in text: String) -> Int {
        var (count, digits) = (0, 0)
        let parted = text.map { ",;/|".contains($0) ? " / " : String($0) }.joined()
        for token in parted.split(whereSeparator: \.isWhitespace) {
            let joined = token.allSatisfy { $0.isASCIIDigitCharacter || "+-.()".contains($0) }
            if !joined || !token.contains(where: \.isASCIIDigitCharacter) {
                count += digits >= 8 ? 1 : 0
                digits = 0
            }
            if joined { digits += token.filter(\.isASCIIDigitCharacter).count }
        }
        return count + (digits >= 8 ? 1 : 0)
    }

    /// "0812…" where the NPWP, a NIP or a kode tender is asked: a mobile number, not that. When the form asks
    /// the director's number later and it is not answered yet, the number is kept for it; either way the
    /// question is asked again.
    mutating func phoneWhereAnotherNumberIsAsked(
        _ phone: String, field: FormField, draft: IntakeDraft, service: ServiceDefinition
    ) {
        var draft = draft
        let asked = service.fields.firstIndex { $0.id == field.id } ?? 0
        guard
            let later = service.fields.indices.first(where: {
                $0 > asked && service.fields[$0].validator == .phone && draft.answers[service.fields[$0].id] == nil
            })
        else {
            return invalid(
                t(.invalidPhoneNotField, ["number": phone, "field": field.label.text(in: language)]),
                example: t(field.validator.examplePrompt))
        }
        draft.answers[service.fields[later].id] = phone
        state.step = .intake(draft)
        promptCurrentStep(prefix: t(.intakePhoneKept, ["number": phone]))
    }

    /// The company name as written on the ticket ("PT Maju Jaya").
    func companyDisplay(_ draft: IntakeDraft) -> String? {
        guard let service = service(of: draft),
            let field = service.companyField
        else { return draft.namedCompany }
        return draft.answers[field.id].map { KnownCompany.display(name: $0, form: draft.businessForm) }
    }

    func values(for draft: IntakeDraft, service: ServiceDefinition) -> [String: String] {
        var values = draft.answers
        for field in service.fields {
            switch field.validator {
            case .companyName: values[field.id] = companyDisplay(draft)
            case .businessForm: values[field.id] = draft.businessForm.map { t(.form($0)) }
            // As printed on the card, for staff who compare it with the PDF.
            case .npwp, .npwpOrNip: values[field.id] = draft.answers[field.id].map(NPWPValidator.formatted)
            case .phone, .nip, .kodeTender, .freeText, .choice: break
            }
            if values[field.id] == nil { values[field.id] = "-" }
        }
        return values
    }

    /// The ticket's description: the contact's own, or the catalogue's template filled in; then the remarks
    /// no field holds. In Indonesian for staff; in the provider's `language` where they read it.
    func description(
        for draft: IntakeDraft, service: ServiceDefinition, in language: Language = .indonesian
    ) -> String {
        let described =
            draft.customDescription
            ?? service.descriptionTemplate.text(in: language, values: values(for: draft, service: service))
        return [described, remarksList(draft, in: language)].compactMap { $0 }.joined(separator: "\n")
    }

    /// The provider's notes for staff under their label, nil when there are none.
    func remarksList(_ draft: IntakeDraft, in language: Language) -> String? {
        guard let remarks = draft.remarks, !remarks.isEmpty else { return nil }
        return catalogue.text(.labelRemarks, in: language) + ":\n" + remarks.map { "• " + $0 }.joined(separator: "\n")
    }

    /// Whether the summary shows `draft`'s description: not when it only repeats an answer shown above it
    /// (`ServiceDefinition.describesOneAnswer`), unless the provider wrote it.
    func showsDescription(_ draft: IntakeDraft, service: ServiceDefinition) -> Bool {
        draft.customDescription != nil || !service.describesOneAnswer
    }

    func summary(_ draft: IntakeDraft, service: ServiceDefinition) -> String {
        let values = values(for: draft, service: service)
        var lines = [t(.summaryHeader), t(.summaryService, ["service": service.title.text(in: language)])]
        if service.companyField == nil, let company = draft.namedCompany {
            lines.append(t(.summaryCompany, ["company": company]))
        }
        for field in service.fields where !isSkipped(field, draft: draft) || field.validator == .businessForm {
            // A choice is stored in Indonesian, for staff; the provider reads it in their language.
            let chosen = field.options.first { $0.indonesian == draft.answers[field.id] }?.text(in: language)
            lines.append("\(field.label.text(in: language)): \(Self.excerpt(chosen ?? values[field.id] ?? "-"))")
        }
        let documents =
            service.requiredDocuments(for: draft.businessForm).compactMap { requirement in
                draft.documents[requirement.id].map { "• \(requirement.title.text(in: language)) (\($0.filename))" }
            }
            + draft.storedAttachments.map { "• \(t(.labelAttachment)) (\($0.filename))" }
        if !documents.isEmpty { lines.append(t(.labelDocuments) + ":\n" + documents.joined(separator: "\n")) }
        if showsDescription(draft, service: service) {
            lines.append(
                t(.labelDescription) + ":\n" + Self.excerpt(description(for: draft, service: service, in: language)))
        } else if let remarks = remarksList(draft, in: language) {
            // "Pengaduan: …" was shown twice, as the answer and as the description.
            lines.append(Self.excerpt(remarks))
        }
        lines.append(t(.summaryQuestion))
        return lines.joined(separator: "\n")
    }

    /// A long answer as the summary shows it: its beginning, cut at a word, and "…"; the ticket keeps it whole.
    static func excerpt(_ text: String) -> String {
        guard text.count > Self.summaryExcerptLength else { return text }
        let start = text.prefix(Self.summaryExcerptLength)
        let cut = start.lastIndex(where: \.isWhitespace).map { start[..<$0] } ?? start
        return cut.trimmingWhitespace() + " …"
    }

    /// The most characters of one answer the summary shows.
    static let summaryExcerptLength = 600

    func ticketRequest(for draft: IntakeDraft) -> TicketRequest {
        let service = service(of: draft)
        // An optional answer not known is no value of the ticket's own (its tender code): the description says it.
        func answer(_ validator: FieldValidator) -> String? {
            service?.fields.first { $0.validator == validator }.flatMap { draft.answers[$0.id] }
                .flatMap { marksNotKnown($0) ? nil : $0 }
        }
        let either = answer(.npwpOrNip)
        let attachments =
            (service?.requiredDocuments(for: draft.businessForm) ?? []).compactMap { requirement in
                draft.documents[requirement.id].map {
                    TicketAttachment(
                        requirementID: requirement.id, requirementTitle: requirement.title.indonesian, document: $0)
                }
            }
            + draft.storedAttachments.map { TicketAttachment(requirementID: nil, requirementTitle: nil, document: $0) }
        return TicketRequest(
            serviceID: draft.serviceID, title: service?.title.indonesian ?? draft.serviceID,
            type: service?.type ?? "", description: service.map { description(for: draft, service: $0) } ?? "",
            companyName: companyDisplay(draft), businessForm: draft.businessForm, directorPhone: answer(.phone),
            npwp: answer(.npwp) ?? either.flatMap { $0.count < 18 ? $0 : nil },
            nip: answer(.nip) ?? either.flatMap { $0.count == 18 ? $0 : nil }, kodeTender: answer(.kodeTender),
            answers: draft.answers, reporterWaID: context.waID, reporterName: context.profileName,
            consent: state.consent, attachments: attachments, language: language)
    }

    /// Whether `text`, at the director's-number question, means the number the provider writes from: a short
    /// yes ("ok", "iya") or the catalogue's words for it ("nomor ini aja", "sama"), with no digits, no
    /// negation ("bukan nomor ini") and no request for staff ("mau ngomong sama admin aja").
    func meansOwnNumber(_ text: String, classification: Classification) -> Bool {
        guard !text.contains(where: \.isNumber), !isKeyword(text, "done"),
            classification.intent != .human || classification.confidence < GlobalCommand.minimumConfidence
        else { return false }
        let words = DialogSettings.spacedWords(text)
        guard !catalogue.settings.mentions(words, keywordsNamed: "not"),
            !catalogue.settings.mentions(words, keywordsNamed: "human")
        else { return false }
        return catalogue.settings.mentions(words, keywordsNamed: "ownNumber")
            || classification.intent == .affirm && text.count <= 20
    }

    /// Whether `text` is one of the catalogue's command or answer words ("selesai", "batal", "menu"…).
    func isAnyKeyword(_ text: String) -> Bool {
        let word = text.lowercased().trimming { $0.isPunctuation || $0.isSpaceOrTab }
        return catalogue.settings.isKeyword(word)
    }

    /// Whether `text`, with no digit in it, says a question's answer is in a file sent: a phrase of `inTheFile`
    /// ("ada di file", "cek di pdf nya", "it's in the attachment").
    func pointsToAFile(_ text: String) -> Bool {
        !text.contains(where: \.isASCIIDigitCharacter)
            && catalogue.settings.mentions(text: text, keywordsNamed: "inTheFile")
    }

    /// Whether a letter sits next to a digit inside one word, as in "789O" or "0l2".
    static func mixesLettersIntoDigits(_ text: String) -> Bool {
        text.split(whereSeparator: { $0.isWhitespace || $0 == "-" || $0 == "." }).contains { word in
            word.contains(where: \.isASCIIDigitCharacter) && word.contains(where: \.isLetter)
                && !word.hasPrefix("+")
        }
    }

    /// One question back in the form; from the first question, the menu.
    /// "batal" or "Batal" at the summary: the request is cancelled and nothing sent; a form not being sent is
    /// kept, and the provider told how to take it back ("lanjut").
    mutating func cancelIntake(_ draft: IntakeDraft) {
        var prefix = t(.cancelled)
        if draft.stage != .submitting {
            state.cancelledDraft = draft
            prefix += " " + t(.cancelledUndo)
        }
        leaveCurrentStep()
        showMenu(prefix: prefix)
    }

    mutating func backInIntake(_ draft: IntakeDraft) {
        var draft = draft
        guard let service = service(of: draft) else { return showMenu(prefix: nil) }
        switch draft.stage {
        case .field(let index, let editing):
            if editing {
                draft.stage = .summary
            } else if let previous = previousField(before: index, in: service, draft: draft) {
                draft.stage = .field(index: previous, editing: false)
            } else {
                return showMenu(prefix: nil)
            }
        case .consent, .documents:
            guard let previous = previousField(before: service.fields.count, in: service, draft: draft) else {
                return showMenu(prefix: nil)
            }
            draft.stage = .field(index: previous, editing: false)
        case .summary:
            if service.asksForDocuments {
                draft.stage = .documents
            } else if let previous = previousField(before: service.fields.count, in: service, draft: draft) {
                draft.stage = .field(index: previous, editing: false)
            } else {
                return showMenu(prefix: nil)
            }
        case .choosingChange, .editingDescription:
            draft.stage = .summary
        case .submitting:
            return say(t(.submittingWait))
        }
        state.invalidAnswers = 0
        state.step = .intake(draft)
        promptCurrentStep(prefix: nil)
    }

    /// The index of the field asked before `index`, skipping a business form the company name gave.
    func previousField(before index: Int, in service: ServiceDefinition, draft: IntakeDraft) -> Int? {
        var candidate = index - 1
        while candidate >= 0 {
            if !isSkipped(service.fields[candidate], draft: draft) { return candidate }
            candidate -= 1
        }
        return nil
    }

    /// A business-form question is skipped when the company name already carried the form.
    func isSkipped(_ field: FormField, draft: IntakeDraft) -> Bool {
        field.validator == .businessForm && draft.answers[field.id] == nil && draft.businessForm != nil
    }

    func service(of draft: IntakeDraft) -> ServiceDefinition? {
        catalogue.service(id: draft.serviceID)
    }

    /// The title of the service a form is for, in the provider's language (its id, should the dialogs have lost it).
    func title(of draft: IntakeDraft) -> String {
        service(of: draft)?.title.text(in: language) ?? draft.serviceID
    }
}

extension Entities {
    /// The number a question of `validator` takes from what the recognizer found in a message: a mobile number
    /// (normalised), an NPWP, a NIP (either for `npwpOrNip`) or a kode tender; nil for the other questions.
    func identifier(for validator: FieldValidator) -> String? {
        switch validator {
        case .phone: self.phone.flatMap(FieldNormalizer.phone)
        case .npwp: self.npwp
        case .nip: self.nip
        case .npwpOrNip: self.npwp ?? self.nip
        case .kodeTender: self.kodeTender
        case .companyName, .businessForm, .freeText, .choice: nil
        }
    }

    /// The numbers the form's questions take (a mobile number, an NPWP, a NIP, a kode tender) that the recognizer
    /// found, as those questions store them.
    var formNumbers: [String] {
        [FieldValidator.phone, .npwp, .nip, .kodeTender].compactMap(self.identifier(for:))
    }
}
