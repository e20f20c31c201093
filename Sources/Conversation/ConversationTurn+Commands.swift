import Foundation
import Intents
import Support

extension ConversationTurn {
    func command(in text: String, classification: Classification) -> GlobalCommand? {
        if let command = GlobalCommand(typed: text, keywords: catalogue.settings.keywords) { return command }
        if !inProgress, classification.intent == .hours, asksTheHours(text) {
            // "is it open today?", which the recognizer reads as the hours but is unsure of (0.40).
            return .hours
        }
        if !inProgress, asksForTheOffice(text) {
            // "boleh minta nomor telepon kantor lpse?": the hours' answer says how to reach the office.
            return .hours
        }
        let command = GlobalCommand(classification: classification)
        if case .intake(let draft) = state.step, draft.stage == .documents, command == .requirements,
            saysAllInOne(text), !isQuestion(text)
        {
            // "semua dokumen jadi satu file min" says what the file sent is, which the checklist takes; read as
            // asking the requirements, it got the checklist again and the file stayed one document.
            return nil
        }
        if case .intake = state.step, classification.intent == .createTicket {
            // A request is what the form is filling in: "nama perusahaannya salah, harusnya CV Sinar Abadi Jaya"
            // (read as a new request at 0.9) is for the form, which dropped it for the menu.
            return nil
        }
        if command == .hours || command == .requirements, putsOffAnAnswer(text) {
            // "sisanya besok ya", "npwp nya senin ya min", "bisa dikirim besok?": when the rest comes, which the
            // recognizer reads as asking the schedule (it got the office hours) or, "npwp nya boleh nyusul?", the
            // requirements; the form waits for it.
            return nil
        }
        if inProgress, command == .menu || command == .cancel, classification.confidence < Self.leavingConfidence {
            // Leaving a journey drops its answers: a guess ("yg ini aja" read as "menu") is no reason to; the
            // step answers it, and asks again if it cannot.
            return nil
        }
        guard expectsFreeText else { return command }
        // Where free text is expected, only a short greeting or thanks is read as such ("halo", "makasih"), and a
        // question the bot answers itself when it is asked as one ("status tiket saya gimana ya?"): no name or
        // number ends with a question mark.
        let words = text.wordCount
        let short = words <= 3
        if short && (command == .greeting || command == .thanks) { return command }
        // "ptugas", "petugs": one word the recognizer is sure asks for staff is no name or description.
        if words == 1, command == .human, classification.confidence >= Self.freeTextCancelConfidence {
            return command
        }
        // "gak jadi deh", "cukup segini dulu": a clear way of quitting a form is no name or description, unless it
        // has a legal form ("CV Gak Jadi Jaya"). Elsewhere (the survey's comment) the step reads it.
        if case .intake = state.step, command == .cancel, classification.confidence >= Self.freeTextCancelConfidence,
            words <= 4, CompanyNameParser.answer(text)?.form == nil
        {
            return command
        }
        if text.hasSuffix("?"), let command, command.isStatus || command == .hours || command == .requirements {
            // Where a question, a problem or a complaint is asked, a question of five words or more is the answer:
            // "kenapa status paket saya masih draft padahal sudah diumumkan?" at the consultation's question got
            // "Anda tidak memiliki tiket yang sedang terbuka." and the question again.
            return asksForDescription && words >= Self.keptMessageWords ? nil : command
        }
        return nil
    }

    /// Whether `text` asks to reach staff in so many words: a way of reaching someone (`askStaff`: "bicara
    /// dengan", "bisa sambungkan ke", "mau telpon", "talk to") with one of `staffNoun` at most
    /// `staffRequestWords` words after its start ("mau bicara sama admin", "i want to talk to a person"), whatever
    /// else it says or the recognizer reads it as: "mau bicara sama admin aja" where the company was asked became
    /// its name, and "mau bicara sama admin, akun saya diblokir" started the password reset. Not after a word of
    /// `not` or `already` ("tidak mau bicara dengan admin", "sudah bicara dengan petugas") nor with its verb (a
    /// word of `reachStaff`) straight after a word of `firstPerson`, which tells rather than asks ("saya bicara
    /// dengan manusia atau bot?"). Where a description or a sentence for staff is asked, only with nothing else
    /// but `filler` and `requestWords` words ("mau bicara sama petugas aja"): a message saying more there tells
    /// its story ("susah bicara dengan petugas").
    func asksForStaff(_ text: String) -> Bool {
        let settings = catalogue.settings
        let words = DialogSettings.spacedWords(text)
        guard
            let offset = settings.firstMention(
                in: words, keywordsNamed: "askStaff", followedWithin: Self.staffRequestWords, by: "staffNoun")
        else { return false }
        let before = words.prefix(offset).wordsBetweenSpaces.suffix(2)
        let denied = Set((settings.keywords["not"] ?? []) + (settings.keywords["already"] ?? []))
        guard !before.contains(where: { denied.contains(String($0)) }) else { return false }
        if let speaker = before.last, settings.keywords["firstPerson"]?.contains(String(speaker)) ?? false,
            let verb = words.dropFirst(offset).wordsBetweenSpaces.first,
            settings.keywords["reachStaff"]?.contains(String(verb)) ?? false
        {
            // "saya bicara dengan …" tells; "saya mau bicara dengan …" asks.
            return false
        }
        guard asksForDescription || expectsFreeText && !isIntake else { return true }
        let phrases = ["askStaff", "staffNoun"].flatMap { settings.keywords[$0] ?? [] }
        let said = Set(phrases.flatMap { $0.split(separator: " ").map(String.init) })
        return settings.words(of: text, besides: ["filler", "requestWords"]).allSatisfy { said.contains(String($0)) }
    }

    /// Words from the start of a way of reaching someone to the staff it names, at most ("bicara langsung dengan",
    /// "talk to a real").
    static let staffRequestWords = 4

    /// Whether the conversation is in a form.
    private var isIntake: Bool {
        if case .intake = state.step { return true }
        return false
    }

    /// Whether the pending question asks for the provider's own words: a form's free-text field (a question, a
    /// problem, a complaint) or the description being edited.
    var asksForDescription: Bool {
        guard case .intake(let draft) = state.step, let service = service(of: draft) else { return false }
        switch draft.stage {
        case .field(let index, _): return service.fields[safe: index]?.validator == .freeText
        case .editingDescription: return true
        case .consent, .documents, .summary, .choosingChange, .submitting: return false
        }
    }

    /// Whether `text` is a short question with a word of `hoursWords` ("buka", "tutup", "open", "closed"): one
    /// about the office hours, whatever the recognizer's confidence.
    func asksTheHours(_ text: String) -> Bool {
        text.wordCount <= Self.hoursQuestionWords && isQuestion(text)
            && catalogue.settings.mentions(text: text, keywordsNamed: "hoursWords")
    }

    /// Whether a message asks how to reach the office (`officeContact`: "alamat lpse", "nomor telepon kantor
    /// lpse", "office address"), in at most `officeQuestionWords` words: the hours' answer says that everything can
    /// be done in the chat, and how to get the address or the phone number.
    func asksForTheOffice(_ text: String) -> Bool {
        text.wordCount <= Self.officeQuestionWords
            && catalogue.settings.mentions(text: text, keywordsNamed: "officeContact")
    }

    /// The most words of a message taken as asking how to reach the office by its words alone.
    static let officeQuestionWords = 12

    /// The most words of a question taken as about the office hours by its words alone.
    static let hoursQuestionWords = 8

    /// The FAQ entry a typed question asks, by its keywords: the one whose phrase comes first in the message; a
    /// word's "-nya" does not hide it ("biayanya berapa?").
    func typedFAQ(_ text: String) -> FAQEntry? {
        let words = DialogSettings.spacedWords(text)
        if let entry = catalogue.faqEntry(mentionedIn: words) { return entry }
        let withoutNya = words.replacingASCII("nya ", with: " ")
        guard withoutNya != words else { return nil }
        return catalogue.faqEntry(mentionedIn: withoutNya)
    }

    /// Words a status check needs to be a question about a request made outside the chat.
    static let questionWords = 6

    /// How sure the classifier must be that a short message quits for it to do so where free text is asked.
    static let freeTextCancelConfidence = 0.9

    /// How sure the classifier must be that a message asks for the menu or to cancel for it to leave a journey.
    static let leavingConfidence = 0.9

    /// Runs `command`; `message` is the provider's text that asked for it, when typed.
    mutating func run(_ command: GlobalCommand, classification: Classification, message: ReporterMessage? = nil) {
        switch command {
        case .menu:
            let outsideAForm = !inProgress
            leaveCurrentStep()
            // "mau daftar lagi untuk CV Sari Dua" during a survey names its choice of the menu: it starts.
            if let message, let service = mentionedService(message.text, classification: classification) {
                return start(service, from: message, classification: classification)
            }
            if let message, keepForStaff(message, classification: classification) { return }
            let typedKeyword = message.map {
                GlobalCommand(keyword: $0.text, keywords: catalogue.settings.keywords) != nil
            }
            // What the recognizer reads as asking for the menu ("ini filenya", "min tolong dibantu ya") with a
            // ticket open is still kept on it, and the provider told so before the menu: nothing written about a
            // ticket is lost to staff, and none is left thinking it was.
            var relayed: String?
            if typedKeyword == false, outsideAForm,
                let ticket = relayToOpenTicket(message, about: nil, quietly: true)
            {
                relayed = t(.ticketRelayed, ["ticket": String(ticket)]) + afterHoursNote()
            }
            if menuJustShown, typedKeyword == false {
                // "mau tanya" right after the menu came: the list is there; "menu" typed asks for it again.
                return say([relayed, t(.menuAbove)].compactMap { $0 }.joined(separator: " "))
            }
            // "halo min mau tanya" opening the chat is greeted like "halo".
            let greeting = opensConversation && message != nil ? greeting(answering: message?.text) : nil
            let lead = [greeting, relayed].compactMap { $0 }
            showMenu(prefix: lead.isEmpty ? nil : lead.joined(separator: "\n\n"))
        case .cancel:
            if !inProgress, let message, message.text.wordCount >= Self.cancelRequestWords,
                let ticket = relayToOpenTicket(message, about: classification.entities.ticketNumber, quietly: true)
            {
                // "saya mau batalkan permohonan tadi" with a ticket open: a request for staff, not the menu.
                return say(t(.ticketCancelRelayed, ["ticket": String(ticket)]) + afterHoursNote())
            }
            state.step.behaviour.cancel(message?.text, in: &self)
        case .back:
            // "yg tadi salah, 0813-1122-3344": going back with the answer that replaces an earlier one is that
            // correction, not the earlier question again with the new answer dropped.
            if let message, correctGoingBack(message.text, entities: classification.entities) { return }
            goBack()
        case .human:
            handOff(reason: handOffReason, asking: message)
        case .language(let chosen):
            let next = chosen ?? (language == .indonesian ? .english : .indonesian)
            state.language = next
            say(t(.languageChanged))
            if inProgress { promptCurrentStep(prefix: nil) } else { showMenu(prefix: nil) }
        case .greeting:
            if inProgress {
                say(t(.greetingShort, ["name": greetingName ?? ""]).replacingOccurrences(of: " ,", with: ","))
                promptCurrentStep(prefix: nil)
            } else {
                // "min", "halo?" in a conversation under way (right after the menu, or after the ticket's status): no
                // second welcome.
                let again = !opensConversation
                if menuJustShown { return say(greeting(answering: message?.text, again: true) + " " + t(.menuAbove)) }
                // "halo min" with a ticket open may be for staff: the ticket is named before the menu.
                let open = context.openTickets.max { $0.number < $1.number }.map {
                    "\n\n" + t(.menuOpenTicket, ["ticket": String($0.number)])
                }
                showMenu(prefix: greeting(answering: message?.text, again: again) + (open ?? ""))
            }
        case .thanks:
            say(t(.thanks))
            if case .booking(let booking) = state.step, booking.moving, booking.chosen == nil {
                // "ok makasih min" to the new times: the booked call stays, rather than its times asked again.
                return keepBookedCall()
            }
            if inProgress { promptCurrentStep(prefix: nil) }
        case .requirements where answerRequirementsInForm(message) || answerRequirementsOfNamedService(message):
            break
        case .status, .hours, .requirements:
            answerItself(command, classification: classification, text: message?.text)
            logQuestion(message, about: classification.entities.ticketNumber, isStatus: command.isStatus)
            if inProgress { promptCurrentStep(prefix: nil) }
        }
    }

    /// Keeps `text` among the notes of the form being filled in, for staff; false outside a form.
    mutating func keepWithForm(_ text: String) -> Bool {
        guard case .intake(var draft) = state.step, let written = FieldNormalizer.freeText(text) else { return false }
        draft.addRemark(written)
        state.step = .intake(draft)
        return true
    }

    /// Logs a question the bot answered itself on the open ticket it is about: a bare status check ("status?",
    /// "sudah sampai mana?") quietly; a question ("ktp yang saya kirim kemarin sudah benar belum?", read as a
    /// status check too) with the provider told so, as a short one that asks what a status cannot say, with a
    /// word of `statusWhy` ("kenapa ditolak?", "ditolak?"), which only staff answer.
    mutating func logQuestion(_ message: ReporterMessage?, about ticket: Int?, isStatus: Bool) {
        let bare =
            isStatus && (message?.text.wordCount ?? 0) < Self.questionWords
            && !(message.map { catalogue.settings.mentions(text: $0.text, keywordsNamed: "statusWhy") } ?? false)
        relayToOpenTicket(message, about: ticket, quietly: bare)
    }

    /// A question about the documents in a form that asks for some ("dokumennya apa aja?", "surat permohonan
    /// itu formatnya gimana min? ada contohnya?"): answered with that form's own list, not the registration's
    /// requirements; a question about one of them by name, which the list does not answer, is also kept for
    /// staff among the form's remarks. Then the current question. False outside such a form, and for a question
    /// the FAQ answers.
    mutating func answerRequirementsInForm(_ message: ReporterMessage?) -> Bool {
        // "kenapa harus video call?" reads as asking the requirements too: the FAQ answers it.
        guard case .intake(var draft) = state.step, let service = service(of: draft), service.asksForDocuments,
            draft.stage != .submitting, message.flatMap({ typedFAQ($0.text) }) == nil
        else { return false }
        if let message, answerWithoutADocument(message.text, draft: draft) { return true }
        let required = service.requiredDocuments(for: draft.businessForm)
        var lead: [String] = []
        // At the checklist the question that follows lists them.
        if draft.stage != .documents, let ahead = documentsAhead(of: service, for: draft.businessForm) {
            lead.append(ahead)
        }
        let help = message.flatMap { documentHelp(in: $0.text) }
        if let help {
            // "boleh foto?", "kirim lewat email bisa?": how the files are sent, which the list does not say.
            lead.append(documentHelpText(help))
        }
        if let message, isQuestion(message.text), let written = FieldNormalizer.freeText(message.text) {
            let text = message.text
            let namesDocument = service.allDocuments.contains { $0.isNamed(in: text.lowercased()) }
            let combines = !namesDocument && help == nil && saysAllInOne(text)
            if namesDocument {
                // What a document named is and how to make it, where the catalogue says; staff still see the
                // question.
                lead += explainedDocuments(in: text, among: required).compactMap {
                    $0.help.map { $0.text(in: language) + "\n" }
                }
            } else if combines {
                // "pdf nya boleh digabung?": how a combined file is taken, which the list's "one per message"
                // seemed to forbid.
                lead.append(t(.documentsAllInOneAsked))
            }
            // "harus pakai kop surat?", "apakah perlu materai?": a question the list does not answer got the list
            // alone, the question gone; staff answer it on the ticket.
            if namesDocument || help == nil && !combines && !asksForTheList(text) {
                draft.addRemark(written)
                state.step = .intake(draft)
                lead.append(t(.intakeQuestionKept))
            }
        }
        if lead.isEmpty, required.isEmpty { return false }
        promptCurrentStep(prefix: lead.isEmpty ? nil : lead.joined(separator: "\n"))
        return true
    }

    /// Whether a question read as asking the requirements asks for the list itself, which the form's list answers:
    /// with a phrase of `requirementsWords` ("dokumennya apa aja?", "apa saja yang harus dikirim?") or `formQuestion`
    /// ("masih kurang apa?"), or with no word besides question words, fillers, words of files and requests, and
    /// words pointing at something (`thatFile`: "apa aja min?", "apa ini?").
    func asksForTheList(_ text: String) -> Bool {
        let settings = catalogue.settings
        return ["requirementsWords", "formQuestion"].contains { settings.mentions(text: text, keywordsNamed: $0) }
            || settings.words(of: text, besides: ["filler", "questionWords", "requestWords", "fileWords", "thatFile"])
                .isEmpty
    }

    /// A question about the documents of a service it names, outside a form ("apa syarat perubahan data?", "kalau
    /// ganti direktur harus verifikasi ulang ga?"): that service's own list, not the registration's, then the menu,
    /// which offers it; with a ticket open, staff read the question there too. False for a question the FAQ
    /// answers, and when the service named asks for no documents.
    mutating func answerRequirementsOfNamedService(_ message: ReporterMessage?) -> Bool {
        guard !inProgress, let message, typedFAQ(message.text) == nil,
            let named = onlyServiceNamed(in: message.text), let service = catalogue.service(id: named),
            service.asksForDocuments, let ahead = documentsAhead(of: service, for: nil)
        else { return false }
        if let ticket = relayToOpenTicket(message, about: nil, quietly: true) {
            say(ahead + "\n\n" + t(.ticketRelayed, ["ticket": String(ticket)]))
        } else {
            showMenu(prefix: ahead)
        }
        return true
    }

    /// "Untuk Reset Password, dokumen yang nanti diminta (PDF, maks. 4 MB):" and the documents `service` asks
    /// an applicant of `form` for (all forms' while it is unknown); nil when it asks for none.
    func documentsAhead(of service: ServiceDefinition, for form: BusinessForm?) -> String? {
        let names = documentNames(of: service, for: form)
        guard !names.isEmpty else { return nil }
        let megabytes = String(catalogue.settings.maxDocumentBytes / (1024 * 1024))
        return t(.intakeDocumentsAhead, ["service": service.title.text(in: language), "list": names, "mb": megabytes])
    }

    /// The documents `service` asks an applicant of `form` for, by name; while the form is unknown, those for
    /// all, then each group's on a line of its own ("• Perorangan: KTP Pemilik, NPWP Pemilik").
    func documentNames(of service: ServiceDefinition, for form: BusinessForm?) -> String {
        let names = { (documents: [DocumentRequirement]) in
            documents.map { $0.title.text(in: language) }.joined(separator: ", ")
        }
        let required = service.requiredDocuments(for: form)
        guard form == nil, !service.documentsByGroup.isEmpty else { return names(required) }
        let groups = DocumentGroup.allCases.compactMap { group -> String? in
            guard let documents = service.documentsByGroup[group], !documents.isEmpty else { return nil }
            let label: Prompt =
                switch group {
                case .badanUsaha: .documentsGroupBusiness
                case .perorangan: .formPerorangan
                case .asing: .formAsing
                }
            return "• \(t(label)): \(names(documents))"
        }
        return ([required.isEmpty ? nil : names(required)].compactMap { $0 } + groups).joined(separator: "\n")
    }

    /// Says what the bot knows itself: a ticket's status, the office hours, the requirements. A question about
    /// a request Loket has no ticket for ("akun saya sudah terdaftar tapi belum terverifikasi sejak seminggu")
    /// is told how to reach staff, who see what was done outside the chat.
    mutating func answerItself(_ command: GlobalCommand, classification: Classification, text: String? = nil) {
        if command == .hours || command == .requirements || command.isStatus && context.openTickets.isEmpty,
            let faq = text.flatMap(typedFAQ)
        {
            // "berapa lama proses verifikasi?" reads like a status check or the office hours, "kenapa harus video
            // call?" like the requirements; the FAQ answers them.
            return say(faq.answer.text(in: language))
        }
        switch command {
        case .status(let ticket):
            // "status?" after sending the papers before choosing a service: they are kept for the request.
            if context.openTickets.isEmpty, !inProgress, tellFilesAwaitTheirRequest() { return }
            var answer = statusText(ticket: ticket ?? classification.entities.ticketNumber ?? quotedTicket)
            let words = text?.wordCount ?? 0
            if context.openTickets.isEmpty, words >= Self.questionWords {
                // In a form, the message goes with it to staff, who see what was done outside the chat ("nomor
                // tiket saya yang lama 1234" at the privacy notice was answered and dropped); elsewhere the
                // provider is told how to reach them.
                var kept = false
                if let text { kept = keepWithForm(text) }
                answer += "\n" + t(kept ? .intakeMessageKept : .statusNoneAskStaff)
            }
            // With no ticket there is no status to follow: the menu comes with the answer, to start the request
            // ("komplain, verifikasi lama banget" was left at "Anda tidak memiliki tiket yang sedang terbuka.").
            if context.openTickets.isEmpty, !inProgress { return showMenu(prefix: answer) }
            say(answer)
        case .hours:
            var answer = hoursAnswer()
            if classification.intent == .schedule, offer == nil, callNotBookable == nil {
                // "link zoom nya mana?", "jadwal verifikasi saya kapan ya" with no call to book or booked: the
                // hours, and that there is none, and how one comes. With tickets open that need no call ("kira2
                // kapan diproses? besok udah jadwal pembukaan" on a tender problem, which was told to type *menu*
                // to start a request), where they stand.
                // In a form with a call of its own ahead, that it is booked once this request is in, where "type
                // *menu* to start a request" was said to one being made.
                let none = formWithACall ? t(.verificationAfterThisRequest) : t(.verificationNotPending)
                answer += "\n\n" + (context.openTickets.isEmpty ? none : statusText(ticket: nil))
            }
            say(answer)
        case .requirements:
            say(catalogue.answers["requirements"]?.text(in: language) ?? "")
        case .menu, .cancel, .back, .human, .language, .greeting, .thanks:
            break
        }
    }

    /// Whether a form under way is for a service whose request is followed by a verification call.
    var formWithACall: Bool {
        guard case .intake(let draft) = state.step else { return false }
        return service(of: draft)?.verificationCall ?? false
    }

    /// The office hours, and whether staff work now or when they are back: "hari ini buka ga?" at 05.00 on a
    /// Saturday is answered.
    func hoursAnswer() -> String {
        let now =
            context.staffAvailableFrom.map { t(.hoursClosedNow, ["time": CalendarWords.dateAndTime($0, in: language)]) }
            ?? t(.hoursOpenNow)
        return (catalogue.answers["hours"]?.text(in: language) ?? "") + "\n\n" + now
    }

    /// A question the bot answered itself may still be meant for staff ("jam 10.30 direktur rapat, bisa
    /// diundur?", "akta perlu dikirim juga?", "kok lama banget"): outside a journey, a provider with an open
    /// ticket has it logged there too, and is told so unless `quietly` (a status check). Nothing a provider
    /// writes while a ticket is open is lost to staff.
    /// - Returns: the ticket the message went to, nil when none.
    @discardableResult
    mutating func relayToOpenTicket(_ message: ReporterMessage?, about number: Int?, quietly: Bool) -> Int? {
        guard let message, !inProgress, !context.openTickets.isEmpty else { return nil }
        let tickets = context.openTickets
        // A ticket the message quotes Loket's message about comes before the one staff talk on.
        let mentioned = (quotedTicket ?? number).flatMap { number in tickets.first { $0.number == number } }
        guard let ticket = mentioned ?? (tickets.count == 1 ? tickets.first : tickets.max { $0.number < $1.number })
        else { return nil }
        emit(.appendToTicket(number: ticket.number, message: message))
        if !quietly { say(t(.ticketRelayed, ["ticket": String(ticket.number)]) + afterHoursNote()) }
        return ticket.number
    }

    /// Words a cancellation needs, outside a form, to be a request about an open ticket ("batalkan permohonan
    /// tadi") rather than a bare "batal".
    static let cancelRequestWords = 3

    /// " Petugas akan membalas mulai Senin 08.00 WIB." outside office hours; empty while staff work, and once
    /// said, until that time changes: not on every relayed message.
    mutating func afterHoursNote() -> String {
        guard let from = context.staffAvailableFrom, from > context.now, state.afterHoursNoted != from else {
            return ""
        }
        state.afterHoursNoted = from
        return " " + t(.staffAfterHours, ["time": CalendarWords.dateAndTime(from, in: language)])
    }

    /// Staff wrote on `ticket`: what the provider writes back is for them, as after a hand-off.
    mutating func staffWrote(on ticket: Int) {
        state.staffTicket = ticket
        staffWroteAfterHours()
    }

    /// Staff who write outside office hours are there: the provider's answer is not told that staff answer only
    /// from the next working morning, as if that note had been said, until that time changes.
    mutating func staffWroteAfterHours() {
        if let from = context.staffAvailableFrom { state.afterHoursNoted = from }
    }

    /// The provider's WhatsApp name to greet them by, without the marks WhatsApp would read as formatting
    /// ("~Andi~" would be struck through, "*Andi*" bold); nil when it has no letter left ("", "🌸🌸").
    var greetingName: String? {
        guard let profileName = context.profileName else { return nil }
        let marks: Set<Character> = ["*", "_", "~", "`"]
        let name = String(profileName.filter { !marks.contains($0) }).trimmingWhitespace()
        return name.contains(where: \.isLetter) ? name : nil
    }

    /// The welcome, after the salam's answer when `text` greets with one ("assalamualaikum" → "Waalaikumsalam").
    /// After the menu was just shown, the welcome is not said again: "Halo Ani, ada yang bisa kami bantu?".
    func greeting(answering text: String? = nil, again: Bool = false) -> String {
        let salam =
            text.map { catalogue.settings.mentions(text: $0, keywordsNamed: "salam") } ?? false
        let welcome: String
        if again {
            welcome = t(.greetingAgain, ["name": greetingName ?? ""]).replacingOccurrences(of: " ,", with: ",")
        } else if let name = greetingName {
            welcome = t(.greetingNamed, ["name": name])
        } else {
            welcome = t(.greeting)
        }
        return salam ? t(.greetingSalam) + " " + welcome : welcome
    }

    /// Abandons the current step (a survey is parked to resume later) and anything interrupted.
    mutating func leaveCurrentStep() {
        if case .survey(let progress) = state.step { state.parkedSurvey = progress }
        for case .survey(let progress) in state.suspended { state.parkedSurvey = progress }
        state.suspended = []
        state.invalidAnswers = 0
        state.heldAfterPause = nil
        state.step = .idle
    }

    /// "lanjut", "eh jangan dibatalin" after a form was cancelled, while only the menu is asked: the form is back
    /// where it was left. False for anything else, or when no form was cancelled.
    mutating func restoreCancelledForm(_ text: String) -> Bool {
        guard let draft = state.cancelledDraft, state.step.awaitsRequest,
            catalogue.settings.mentions(text: text, keywordsNamed: "undoCancel")
        else { return false }
        state.cancelledDraft = nil
        state.invalidAnswers = 0
        state.step = .intake(draft)
        promptCurrentStep(prefix: t(.cancelUndone, ["service": title(of: draft)]))
        return true
    }

    mutating func showMenu(prefix: String?, asking body: Prompt = .menuBody) {
        state.step = .menu
        state.invalidAnswers = 0
        MenuStep.ask(body, prefix: prefix, in: &self)
    }

    /// Why the provider is asking for staff now.
    var handOffReason: HandOffReason {
        if state.invalidAnswers >= catalogue.settings.maxInvalidAnswers { return .invalidAnswers }
        if case .intake(let draft) = state.step, draft.stage == .consent { return .noConsent }
        return .asked
    }

    /// Hands the conversation to staff with everything collected so far; `message` is the provider's text that
    /// asked for staff, when typed. After `closed`, a ticket already closed whose request the provider says is not
    /// done, staff get a new ticket that names it, and the provider is told so.
    mutating func handOff(reason: HandOffReason, asking message: ReporterMessage? = nil, after closed: Int? = nil) {
        var collected: TicketRequest?
        if case .intake(let draft) = state.step { collected = ticketRequest(for: draft) }
        if case .resumeOffer(.intake(let draft)) = state.step { collected = ticketRequest(for: draft) }
        let ticket =
            closed ?? state.step.behaviour.ticket
            ?? (context.openTickets.count == 1 ? context.openTickets[0].number : nil)
        leaveCurrentStep()
        emit(
            .handOff(
                HandOffRequest(
                    reason: reason, collected: collected, ticket: ticket, reporterWaID: context.waID,
                    reporterName: context.profileName)))
        // What was written before, while only the menu was asked, goes to the ticket staff open, and so does the
        // message asking for staff when it says more than the keyword: "bisa telpon saya? nomor saya 0812…",
        // "petugasnya kurang ramah" were answered "write your question here" and never reached staff.
        let said = message.flatMap {
            GlobalCommand(typed: $0.text, keywords: catalogue.settings.keywords) == nil ? $0 : nil
        }
        state.step = .handingOff(pending: (state.messagesBeforeRequest ?? []) + (said.map { [$0] } ?? []))
        state.messagesBeforeRequest = nil
        if let closed {
            return say(t(.handoffNotSolved, ["ticket": String(closed)]) + afterHoursNote())
        }
        let prompt: Prompt =
            collected != nil ? .handoffStarted : said != nil ? .handoffStartedWithMessage : .handoffStartedEmpty
        say(t(prompt) + afterHoursNote())
    }

    mutating func goBack() {
        state.step.behaviour.back(in: &self)
    }

    func statusText(ticket: Int?) -> String {
        let tickets = context.openTickets
        if let ticket {
            guard let summary = tickets.first(where: { $0.number == ticket }) else {
                // A number mistyped, or a ticket closed: the open ones follow ("status tiket #5" with #1 open got
                // only that #5 was not found).
                let notFound = t(.statusNotFound, ["ticket": String(ticket)])
                return tickets.isEmpty ? notFound : notFound + "\n\n" + statusText(ticket: nil)
            }
            return describe(summary)
        }
        if tickets.isEmpty { return t(.statusNone) }
        return t(.statusHeader) + "\n\n" + tickets.map(describe).joined(separator: "\n\n")
    }

    func describe(_ summary: TicketSummary) -> String {
        let due = summary.due.map { t(.statusDue, ["due": CalendarWords.dateAndTime($0, in: language)]) } ?? ""
        return t(
            .statusTicket,
            [
                "ticket": String(summary.number), "title": summary.title, "state": summary.stateText,
                "waiting": summary.waitingOn,
            ]) + due + callStatus(of: summary.number)
    }

    /// The verification call of `ticket` as its status tells it: when it is booked, or that it is waiting for
    /// the provider to choose a time; empty for a ticket without a call to book.
    private func callStatus(of ticket: Int) -> String {
        guard let offer, offer.ticket == ticket else { return "" }
        guard let booking = offer.booking else { return t(.statusCallToChoose) }
        return t(.statusCall, ["when": when(booking)])
    }
}
