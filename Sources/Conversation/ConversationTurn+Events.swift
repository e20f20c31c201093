import Foundation
import Intents
import Support

extension ConversationTurn {
    mutating func handle(_ event: ConversationEvent) {
        switch event {
        case .messageReceived(let message):
            let start = effects.count
            received(message)
            if case .text(let text, _) = message.kind { answerSalam(in: text, since: start) }
        case .documentStored(let mediaID, let document):
            documentStored(mediaID: mediaID, document: document)
        case .documentRejected(let mediaID, let reason):
            documentRejected(mediaID: mediaID, reason: reason)
        case .staffReplied(let ticket, let text):
            say(t(.staffReply, ["ticket": String(ticket), "text": text]))
            // Staff wrote: what the provider writes back is for them, as after a hand-off.
            staffWrote(on: ticket)
        case .staffSentFile(let ticket, let document, let caption):
            sendStaffFile(document, caption: caption, ticket: ticket)
            staffWrote(on: ticket)
        case .staffRequestedFeedback(let ticket, let text):
            staffWroteAfterHours()
            interrupt(with: .feedback(ticket: ticket, request: text))
            promptCurrentStep(prefix: nil)
        case .ticketResolved(let ticket, let note):
            interrupt(with: .confirmingResolution(ticket: ticket))
            promptCurrentStep(prefix: t(.resolutionNote, ["ticket": String(ticket), "note": note]))
        case .ticketClosed(let ticket):
            ticketClosed(ticket)
        case .ticketOpened(let number):
            state.step.behaviour.ticketOpened(number, in: &self)
        case .inactivityTimeout:
            if inProgress { state.inactive = true }
        case .surveyReminderDue(let ticket):
            surveyReminderDue(ticket)
        case .verificationReady(let ticket):
            verificationReady(ticket)
        case .verificationReminderDue(let ticket, let reminder):
            verificationReminderDue(ticket, reminder: reminder)
        case .verificationSlotTaken(let ticket, let start):
            verificationSlotTaken(ticket, start: start)
        case .verificationChanged(let ticket, let start, let previous, let reason):
            verificationChanged(ticket, start: start, previous: previous, reason: reason)
        case .verificationMissed(let ticket, let offerAgain):
            verificationMissed(ticket, offerAgain: offerAgain)
        case .erasureRequested(let ticket, let deadline):
            say(
                t(
                    .privacyEraseRequested,
                    ["ticket": String(ticket), "deadline": CalendarWords.dateAndTime(deadline, in: language)]))
        }
    }

    /// Reads one chat message: inactivity first, then what cannot be answered, then commands, then the step.
    mutating func received(_ message: InboundChatMessage) {
        let last = state.lastMessageAt
        state.lastMessageAt = context.now
        let reminded = state.remindedCall
        state.remindedCall = nil
        let away = last.map { context.now.timeIntervalSince($0) > Double(catalogue.settings.inactivityMinutes) * 60 }
        opensConversation = last == nil || away == true
        correctsAnswers = message.isEdit
        quotedTicket = message.quotedTicket.flatMap { quoted in
            context.openTickets.contains { $0.number == quoted } ? quoted : nil
        }
        if case .text(_, let classification) = message.kind, classification.entities.ticketNumber != nil {
            quotedTicket = nil
        }
        let recent = last.map { context.now.timeIntervalSince($0) < Self.burstSeconds } == true
        menuJustShown = state.step == .menu && recent
        if case .intake(let draft) = state.step, draft.stage == .consent { consentJustAsked = recent }
        if case .text(let text, let classification) = message.kind, inProgress, state.inactive || away == true {
            state.inactive = false
            return welcomeBack(text.trimmingWhitespace(), classification: classification, messageID: message.id)
        }
        state.inactive = false
        switch message.kind {
        case .text(let text, let reading):
            let trimmed = text.trimmingWhitespace()
            let classification = reading.doubtingAnUnsureYes(in: trimmed)
            if state.language == nil,
                inProgress ? LanguageGuess.isPlainlyEnglish(trimmed) : LanguageGuess.isEnglish(trimmed)
            {
                // A provider writing English is answered in English from the first message; "bahasa
                // indonesia" switches back. In a journey begun with buttons, from a plainly English message ("can
                // we move it to friday?" while the call's times are offered was answered in Indonesian); a name
                // ("The Best Company") is no such message.
                state.language = .english
            }
            let reporterMessage = ReporterMessage(messageID: message.id, text: trimmed)
            if asksForStaff(trimmed) {
                // "mau bicara sama admin aja", "bisa sambungkan ke petugas? saya lupa password": staff, wherever it
                // is written, rather than the answer to the question asked or the service its words name.
                return run(.human, classification: classification, message: reporterMessage)
            }
            let claimed = state.step.behaviour.claims(trimmed, classification: classification, in: self)
            if let reminded, !claimed, confirmsAttendance(trimmed, classification: classification, of: reminded) {
                // "siap min", "insyaallah hadir" to the call's reminder: the *Hadir* button, typed.
                return route(.callAttend(ticket: reminded), messageID: message.id)
            }
            if !inProgress, let offer, let start = offer.booking, !claimed,
                catalogue.settings.mentions(text: trimmed, keywordsNamed: "attendStated"),
                confirmsAttendance(trimmed, classification: classification, of: offer.ticket)
            {
                // "the director will join, thanks", "direktur insyaallah hadir" with the call booked and no reminder
                // yet: thanked as the reminder's *Hadir* is, where it was relayed to staff or answered "Sama-sama".
                // Not in a form, whose question the message may answer.
                return say(t(.verificationAttending, ["when": when(start)]))
            }
            if !claimed, let offer, let phone = newDirectorNumber(in: trimmed, classification: classification) {
                // "nomor direktur ganti ke 0812…" while a call is offered or booked: the call goes there.
                return changeDirectorNumber(to: phone, message: reporterMessage, offer: offer)
            }
            if !claimed, asksAboutBookedCall(trimmed, classification: classification) {
                // "jam berapa ya vc nya?", "vc nya pakai zoom?", "dokumen asli apa aja?": the booking, again.
                return answerAboutBookedCall(reporterMessage)
            }
            if offer == nil, !claimed, let (ticket, stage) = callNotBookable,
                typedOption(trimmed, classification: classification) == nil,
                GlobalCommand(keyword: trimmed, keywords: catalogue.settings.keywords) == nil,
                isAboutCall(trimmed, classification: classification)
            {
                // "kapan vc nya?", "besok jam 10 bisa vc?" while staff still check the documents: when the call
                // can be booked, not the office hours.
                return answerCallNotBookable(
                    reporterMessage, ticket: ticket, stage: stage, classification: classification)
            }
            if offer != nil, !claimed, typedOption(trimmed, classification: classification) == nil,
                GlobalCommand(keyword: trimmed, keywords: catalogue.settings.keywords) == nil,
                isAboutCall(trimmed, classification: classification)
            {
                // "ganti jadwal", "mundurin ke lusa", "batalkan jadwal", "kapan bisa diverifikasi?": the call.
                return talkAboutCall(reporterMessage, classification: classification)
            }
            if restoreCancelledForm(trimmed) { return }
            if resumesSurvey(trimmed) { return route(.surveyResume, messageID: message.id) }
            if asksToStopMessages(trimmed) { return stopMessages(reporterMessage) }
            if !inProgress, allowsMessagesAgain(trimmed) { return allowMessagesAgain() }
            if !inProgress, let request = privacyRequest(in: trimmed) {
                // UU 27/2022: "data saya apa saja?" is answered; "hapus data saya" is confirmed, then becomes a
                // request for staff of its own, even while another ticket is open.
                return answerPrivacy(request)
            }
            if inProgress, !claimed, !asksForDescription, state.step != .confirmingErasure,
                privacyRequest(in: trimmed) == .erase
            {
                // "tolong hapus semua data saya" in a form, which kept it as a remark: the erasure is asked, and the
                // form waits for the answer (confirmed, the form goes with the rest of the provider's data).
                return answerPrivacy(.erase)
            }
            if !claimed, state.step == .idle || state.step == .menu, !context.openTickets.isEmpty,
                withdrawTicket(reporterMessage, classification: classification)
                    || relayDoneToTicket(reporterMessage) || answerFilesForTicket(reporterMessage)
                    || relayPleaToTicket(reporterMessage)
                    || answerProgressQuestion(reporterMessage, classification: classification)
            {
                // About an open ticket, outside a form: "tiket saya batalkan saja", "selesai", "mau tambah dokumen
                // akta", "tolong dipercepat", "kok lama ya", "pendaftaran kami sudah sampai mana?".
                return
            }
            if state.filesBeforeRequest?.isEmpty == false, state.step == .idle || state.step == .menu,
                context.openTickets.isEmpty, saysFilesAreSent(trimmed), tellFilesAwaitTheirRequest()
            {
                // "selesai", "sudah min", "sudah saya kirim semua" after the papers, with no service chosen yet.
                return
            }
            if relayToStaffTicket(reporterMessage, classification: classification) { return }
            if let option = typedOption(trimmed, classification: classification) {
                route(option, messageID: message.id)
            } else if awaitsFirstRequest, isQuestion(trimmed), !asksDecisively(trimmed), let faq = typedFAQ(trimmed) {
                // "apakah ada biaya pendaftaran?", "gimana cara daftar?": a question that names a service asks
                // about it; the FAQ answers, and the menu offers the service.
                showMenu(prefix: faq.answer.text(in: language))
            } else if !inProgress, state.step.awaitsRequest, isQuestion(trimmed), servicesNamed(in: trimmed) >= 2,
                catalogue.settings.mentions(text: trimmed, keywordsNamed: "compareWords")
            {
                // "apa bedanya registrasi sama perubahan data?": a question about the services, not a request
                // for the first one named; the menu describes each. A problem that names two ("paket saya sudah
                // tayang tapi tidak ada penyedia yang daftar, kenapa ya?") is no comparison. A situation before
                // the choice ("ganti direktur, masuk perubahan data atau registrasi?") is answered with its
                // service, which starts.
                if let service = serviceOfTheSituation(in: trimmed),
                    let title = catalogue.service(id: service)?.menuTitle
                {
                    let first = effects.count
                    start(service, from: reporterMessage, classification: classification)
                    return lead(t(.menuServiceOfSituation, ["service": title.text(in: language)]), since: first)
                }
                showMenu(prefix: t(.menuServicesCompared))
            } else if awaitsFirstRequest, onlySaysAQuestionComes(trimmed, naming: classification.entities.company) {
                inviteTheQuestion(answering: reporterMessage, classification: classification)
            } else if let service = mentionedService(trimmed, classification: classification) {
                if !asksDecisively(trimmed), let faq = typedFAQ(trimmed),
                    let ticket = relayToOpenTicket(
                        reporterMessage, about: classification.entities.ticketNumber, quietly: true)
                {
                    // "biaya pendaftaran berapa min?", "saya sudah transfer biaya pendaftaran" with a ticket open:
                    // the FAQ answers (no fee is charged), staff read it, and no second request starts.
                    return say(faq.answer.text(in: language) + "\n\n" + t(.ticketRelayed, ["ticket": String(ticket)]))
                }
                if awaitsFirstRequest, !asksDecisively(trimmed), let faq = typedFAQ(trimmed) {
                    // The same without a ticket: the FAQ answers, and the menu offers the service.
                    return showMenu(prefix: faq.answer.text(in: language))
                }
                // "mau daftar akun spse", "lupa password": outside a journey, the service asked for starts,
                // with what the message already says.
                start(service, from: reporterMessage, classification: classification)
            } else if state.step.behaviour.claims(trimmed, classification: classification, in: self) {
                // The pending question's own words ("selesai" at the checklist, "ya" to a yes/no question)
                // answer it, whatever a global command would make of them.
                answer(trimmed, classification: classification, messageID: message.id)
            } else if inProgress, !expectsFreeText, trimmed.containsASCII("?"), let faq = typedFAQ(trimmed) {
                // "gratis kan?", "ok thanks, how long will the check take?" during the survey or a form's
                // question: answered, before a thanks or another command the words may also read as, and the
                // question asked again.
                say(faq.answer.text(in: language))
                promptCurrentStep(prefix: nil)
            } else if let command = command(in: trimmed, classification: classification) {
                run(command, classification: classification, message: reporterMessage)
            } else if awaitsFirstRequest, let faq = typedFAQ(trimmed) {
                // "apakah ada biaya?" typed instead of picked from the FAQ list: answered, then the menu.
                showMenu(prefix: faq.answer.text(in: language))
            } else if !inProgress, isQuestion(trimmed), let faq = typedFAQ(trimmed),
                let ticket = relayToOpenTicket(
                    reporterMessage, about: classification.entities.ticketNumber, quietly: true)
            {
                // "direktur di luar kota, bisa diwakilkan?" with a ticket open: the FAQ answers, and staff read it.
                say(faq.answer.text(in: language) + "\n\n" + t(.ticketRelayed, ["ticket": String(ticket)]))
            } else if keepForStaff(reporterMessage, classification: classification) {
                return
            } else {
                answer(trimmed, classification: classification, messageID: message.id)
            }
        case .buttonReply(let id, _), .listReply(let id, _):
            route(id, messageID: message.id)
        case .document(let mediaID, let filename, let mimeType, let size, let sha256, let caption):
            documentReceived(
                mediaID: mediaID, filename: filename, mimeType: mimeType, size: size, sha256: sha256, caption: caption)
        case .image(let mediaID, let caption):
            state.step.behaviour.pictureReceived(
                .photo(mediaID: mediaID, caption: caption), mimeType: "image/jpeg", in: &self)
        case .audio(let mediaID, let mimeType, let sha256):
            voiceNoteReceived(mediaID: mediaID, mimeType: mimeType, sha256: sha256)
        case .video(let mediaID, let mimeType, let sha256, let caption):
            // WhatsApp delivers MP4 and 3GP; a video of another format is not taken.
            guard FileKind.accepts(mimeType, in: [.video]) else { return cannotRead(.unsupportedVideo) }
            state.step.behaviour.pictureReceived(
                .video(mediaID: mediaID, mimeType: mimeType, sha256: sha256, caption: caption), mimeType: mimeType,
                in: &self)
        case .sticker:
            cannotRead(.unsupportedSticker)
        case .location(let place):
            locationReceived(place, messageID: message.id)
        case .contacts(let cards):
            contactCardsReceived(cards, messageID: message.id)
        case .reaction(let emoji):
            reactionReceived(emoji, messageID: message.id)
        case .unsupported:
            cannotRead(.unsupportedOther)
        }
    }

    /// A tapped id: a command offered as a button, or a choice; an id Loket never offered is an expired choice.
    mutating func route(_ id: String, messageID: String) {
        guard let reply = ReplyID(rawValue: id) else {
            say(t(.choiceExpired))
            return inProgress ? promptCurrentStep(prefix: nil) : showMenu(prefix: nil)
        }
        route(reply, messageID: messageID)
    }

    mutating func route(_ reply: ReplyID, messageID: String) {
        if let command = GlobalCommand(reply: reply) {
            run(command, classification: .unread)
        } else {
            choose(reply, messageID: messageID)
        }
    }

    /// After a hand-off, what the provider writes is for staff: it goes to the hand-off's ticket even when
    /// it reads like a menu request or a question the bot could answer (which is answered too). "menu",
    /// "batal" or a menu tap end this; so does the ticket closing. Returns whether the message was taken.
    mutating func relayToStaffTicket(_ message: ReporterMessage, classification: Classification) -> Bool {
        // A reply quoting Loket's message about another open ticket is about that one.
        guard let ticket = state.staffTicket.map({ quotedTicket ?? $0 }) else { return false }
        guard !inProgress, context.openTickets.contains(where: { $0.number == ticket }) else {
            state.staffTicket = nil
            return false
        }
        if let keyword = GlobalCommand(keyword: message.text, keywords: catalogue.settings.keywords),
            keyword == .menu || keyword == .cancel
        {
            state.staffTicket = nil
            return false
        }
        emit(.appendToTicket(number: ticket, message: message))
        // A question for staff that reads like a status check ("akun saya belum terverifikasi sejak seminggu")
        // is theirs to answer, as is an answer to them that does ("sudah aktif min"): only a bare check
        // ("status?", "status") gets the ticket's status. An answer that reads like the office hours or the
        // requirements ("bisa min, jam 2 siang" to "can the director be reached today?") is theirs too: only a
        // question gets them.
        if let command = GlobalCommand(classification: classification),
            command.isStatus ? asksStatusBarely(message.text) : isQuestion(message.text)
        {
            answerItself(command, classification: classification)
        }
        say(t(.ticketAppended, ["ticket": String(ticket)]) + afterHoursNote())
        return true
    }

    /// Whether `text` only asks where the ticket stands: the `status` keyword, or a short question ("status?",
    /// "gimana statusnya?").
    func asksStatusBarely(_ text: String) -> Bool {
        if GlobalCommand(keyword: text, keywords: catalogue.settings.keywords)?.isStatus == true { return true }
        return text.wordCount < Self.questionWords && isQuestion(text)
    }

    /// "selesai", "udah beres min", "sudah bisa, makasih" outside a form with a ticket open: the provider says
    /// the request is done. Staff read it on the ticket (the one they talk on, else the only or newest one) to
    /// resolve it, and the provider is told what comes next, not the ticket's status ("selesai" reads as a
    /// status check). Not a question, not with a word of `not` ("belum selesai"). With only tickets open that
    /// staff have not taken yet, or whose verification call is still ahead, it reaches the ticket quietly and the
    /// provider is told the request is still handled.
    mutating func relayDoneToTicket(_ message: ReporterMessage) -> Bool {
        guard saysDone(message.text) else { return false }
        let words = DialogSettings.spacedWords(message.text)
        let settings = catalogue.settings
        // "selesai" when staff have not taken any ticket yet, or after the documents of a registration whose call
        // is still to be held, ends what the provider had to send, not the request: staff are not asked to resolve
        // it, unless the message says it works now ("sudah bisa login").
        let unfinished = context.openTickets.allSatisfy { $0.isNew || awaitsCall($0) }
        let stillHandled = unfinished && !settings.mentions(words, keywordsNamed: "worksNow")
        return relayOutsideAForm(message, answering: stillHandled ? .ticketStillHandled : .ticketDoneRelayed)
    }

    /// Whether `text` says the request is done: a short message (`doneStatementWords`) with a phrase of
    /// `doneStatement` ("selesai", "udah beres min"), no question and no word of `not` or `notSolved`.
    func saysDone(_ text: String) -> Bool {
        guard text.wordCount <= Self.doneStatementWords, !text.containsASCII("?") else { return false }
        let words = DialogSettings.spacedWords(text)
        let settings = catalogue.settings
        return settings.mentions(words, keywordsNamed: "doneStatement")
            && !settings.mentions(words, keywordsNamed: "not") && !settings.mentions(words, keywordsNamed: "notSolved")
            && !settings.mentions(words, keywordsNamed: "questionWords")
    }

    /// Whether `text` says the provider has sent what they had to: as `saysDone` reads it, the `done` word with only
    /// `filler` words ("sudah min"), or a phrase of `filesSent` ("sudah saya kirim semua") with no question.
    func saysFilesAreSent(_ text: String) -> Bool {
        let settings = catalogue.settings
        if saysDone(text) || settings.saysOnly(text, keywordsNamed: "done", besides: ["filler"]) { return true }
        return !text.containsASCII("?") && settings.mentions(text: text, keywordsNamed: "filesSent")
            && !settings.mentions(text: text, keywordsNamed: "not")
    }

    /// The words after the first word of `contrast` ("tapi", "namun", "but") in `text`, nil when it has none or
    /// nothing follows it.
    func afterContrast(in text: String) -> String? {
        let contrast = catalogue.settings.keywordSet("contrast")
        let words = text.split(separator: " ")
        guard let index = words.firstIndex(where: { contrast.contains(String($0.lowercased().filter(\.isLetter))) }),
            index + 1 < words.count
        else { return nil }
        return words[(index + 1)...].joined(separator: " ")
    }

    /// Whether `ticket`'s verification call is still ahead: its documents in review, its call offered or booked
    /// in the chat, or arranged by staff. The request is not done before the director is verified.
    private func awaitsCall(_ ticket: TicketSummary) -> Bool {
        switch ticket.call {
        case .documentsInReview, .arrangedByStaff: return true
        case .verified: return false
        case nil: return context.verification?.ticket == ticket.number
        }
    }

    /// "saya mau tambah dokumen akta", "mau kirim dokumen susulan" (`addFiles` in `settings.json`) outside a form
    /// with a ticket open: the message reaches the ticket, and the provider is told to send the files here, where
    /// each is attached to it, rather than shown the menu to start a request.
    mutating func answerFilesForTicket(_ message: ReporterMessage) -> Bool {
        guard catalogue.settings.mentions(text: message.text, keywordsNamed: "addFiles") else { return false }
        return relayOutsideAForm(message, answering: .ticketSendFilesHere)
    }

    /// A plea about an open ticket, outside a form: "tolong dipercepat ya min, tender tutup besok" (`hurry` in
    /// `settings.json`), not a request for the service its words name (a tender problem); "kok lama ya", "udah
    /// sehari blm ada kabar" (`waiting`), which the recognizer mostly reads as a status check. It reaches the
    /// ticket, and the provider is told so (with an apology for the wait) and where the ticket stands. Not with a
    /// request in so many words ("mau komplain, tolong segera ditanggapi", "mau komplain, kok lama banget").
    mutating func relayPleaToTicket(_ message: ReporterMessage) -> Bool {
        guard
            let plea = Self.pleas.first(where: {
                catalogue.settings.mentions(text: message.text, keywordsNamed: $0.keywords)
            }), !asksDecisively(message.text)
        else { return false }
        return relayOutsideAForm(message, answering: plea.answer, withStatus: true)
    }

    /// "pendaftaran CV Uji Coba Jaya sudah sampai mana ya min?", "reset password saya gimana perkembangannya?"
    /// (`progress` in `settings.json`) outside a form, with a ticket open, asks where it stands, not for the
    /// service its words name: the status of the open ticket the message names by its service or a word of its
    /// title, or of every open ticket when it names none, and the question is logged on that ticket as a status
    /// check is. Not with a request in so many words (`decisive.<id>`). Called outside a form only.
    mutating func answerProgressQuestion(_ message: ReporterMessage, classification: Classification) -> Bool {
        let text = message.text
        let settings = catalogue.settings
        // "yang reset password gimana?" with a reset open: a short question about the ticket it points at (a word
        // of `ticketRef`), which started a new reset; not one about the documents ("yang registrasi syaratnya
        // apa?"). The ticket is looked for only once the words are there: it runs on every message outside a form.
        let pointsAtATicket =
            isQuestion(text) && text.wordCount <= Self.ticketQuestionWords
            && settings.mentions(text: text, keywordsNamed: "ticketRef")
            && !settings.mentions(text: text, keywordsNamed: "requirementsWords")
        let progress = settings.mentions(text: text, keywordsNamed: "progress")
        guard progress || pointsAtATicket, !asksDecisively(text) else { return false }
        let named = openTicket(namedIn: text, classification: classification)
        guard progress || named != nil else { return false }
        state.step = .idle
        answerItself(.status(ticket: named), classification: classification)
        logQuestion(message, about: named ?? classification.entities.ticketNumber, isStatus: true)
        return true
    }

    /// The most words of a question that points at an open ticket without a word of `progress`.
    static let ticketQuestionWords = 6

    /// "tiket saya batalkan saja min, sudah diurus langsung ke kantor", "batalkan permohonan reset password"
    /// (`withdrawTicket` in `settings.json`) outside a form, with a ticket open: a ticket staff have not taken yet
    /// is cancelled with the message as its reason; one they work on gets the request, and the provider is told
    /// staff will close it. The ticket is the one the message names, or the only one open; with several open and
    /// none named, the provider is asked which. Asked how (`withdrawHow`: "gimana cara batalin tiket?"), the words
    /// that do it are told. Not with a word of `not` ("jangan dibatalkan") or as another question ("kalau tiket
    /// dibatalkan, dokumen saya dihapus?"), which reach the ticket as any other message. Called outside a form
    /// only, with a ticket open.
    mutating func withdrawTicket(_ message: ReporterMessage, classification: Classification) -> Bool {
        let words = DialogSettings.spacedWords(message.text)
        let settings = catalogue.settings
        guard settings.mentions(words, keywordsNamed: "withdrawTicket") || withdrawsARequest(words),
            !settings.mentions(words, keywordsNamed: "not")
        else { return false }
        let tickets = context.openTickets
        let newest = tickets.map(\.number).max() ?? 1
        if isQuestion(message.text) {
            // "gimana cara batalin tiket?": how, with the words that do it; another question ("kalau tiket
            // dibatalkan, dokumen saya dihapus?") reaches the ticket as any message.
            guard settings.mentions(words, keywordsNamed: "withdrawHow") else { return false }
            state.step = .idle
            let number = openTicket(namedIn: message.text, classification: classification) ?? newest
            say(t(.ticketCancelHow, ["ticket": String(number)]))
            return true
        }
        state.step = .idle
        if let named = classification.entities.ticketNumber, !tickets.contains(where: { $0.number == named }) {
            // "batalkan tiket #3" with #3 closed: that it is not open, and the open ones; none is cancelled.
            say(statusText(ticket: named))
            return true
        }
        guard
            let number = openTicket(namedIn: message.text, classification: classification)
                ?? (tickets.count == 1 ? tickets[0].number : nil),
            let ticket = tickets.first(where: { $0.number == number })
        else {
            // Which one, from the list: "yang registrasi" typed after "Tiket mana?" started a new registration.
            state.step = .choosingTicket(pending: .withdrawal(message))
            promptCurrentStep(prefix: nil)
            return true
        }
        withdraw(ticket, message: message)
        return true
    }

    /// Whether `words` (from `spacedWords`) name a request (`requestNouns`: "tiket", "permohonan") with a word of
    /// `withdraw` within the next few words: "tiket registrasi saya batalkan saja", with the ticket's service
    /// between, which no `withdrawTicket` phrase has and which started a new registration.
    func withdrawsARequest(_ words: String) -> Bool {
        catalogue.settings.firstMention(
            in: words, keywordsNamed: "requestNouns", followedWithin: Self.wordsBeforeWithdrawal, by: "withdraw") != nil
    }

    /// Words from the request's noun to the word withdrawing it, at most ("tiket reset password saya").
    static let wordsBeforeWithdrawal = 4

    /// Withdraws `ticket` as `message` asks: one staff have not taken yet is cancelled with the message as its
    /// reason; one they work on gets the message, and the provider is told staff will close it.
    mutating func withdraw(_ ticket: TicketSummary, message: ReporterMessage) {
        if ticket.isNew {
            emit(.cancelTicket(ticket: ticket.number, message: message))
            say(t(.ticketCancelled, ["ticket": String(ticket.number)]))
        } else {
            relayToOpenTicket(message, about: ticket.number, quietly: true)
            say(t(.ticketCancelRelayed, ["ticket": String(ticket.number)]) + afterHoursNote())
        }
    }

    /// The open ticket `text` names: by its number, by the service whose words it uses ("pendaftaran", "reset
    /// password") when one open ticket is of that service, or by a word of its title. Nil when it names none.
    func openTicket(namedIn text: String, classification: Classification) -> Int? {
        let tickets = context.openTickets
        let service = onlyServiceNamed(in: text).flatMap(catalogue.service(id:))
        let ofService = tickets.filter { ticket in
            service.map { [$0.title.indonesian, $0.title.english].contains(ticket.title) } ?? false
        }
        if classification.entities.ticketNumber == nil, ofService.count == 1 { return ofService[0].number }
        return ChoosingTicketStep.ticket(namedIn: text, classification: classification, among: tickets)
    }

    /// The pleas about an open ticket, by their keyword list, and what the provider is told when one reaches it.
    static let pleas: [(keywords: String, answer: Prompt)] = [
        ("hurry", .ticketHurryRelayed), ("waiting", .ticketWaitingRelayed),
    ]

    /// Outside a form, with a ticket open: `message` reaches the ticket staff talk on (else the only or newest
    /// one) quietly, and the provider is told `prompt` about it, after it the ticket's status when `withStatus`.
    /// False inside a form or with no ticket open.
    private mutating func relayOutsideAForm(
        _ message: ReporterMessage, answering prompt: Prompt, withStatus: Bool = false
    )
        -> Bool
    {
        guard state.step == .idle || state.step == .menu,
            let number = relayToOpenTicket(message, about: state.staffTicket, quietly: true)
        else { return false }
        state.step = .idle
        var answer = t(prompt, ["ticket": String(number)]) + afterHoursNote()
        if withStatus, let ticket = context.openTickets.first(where: { $0.number == number }) {
            answer += "\n\n" + describe(ticket)
        }
        say(answer)
        return true
    }

    /// The most words a message saying the request is done has ("ok sudah bisa min, makasih banyak ya").
    static let doneStatementWords = 8

    /// A message that says something ("akun saya masih belum bisa login lagi") while only the menu is asked, and
    /// nothing took it: with no ticket open, kept, and the menu shown with how to hand it to staff; with tickets
    /// open ("ini ada akta pendirian juga min"), it goes to one of them, as it would with no menu shown. False
    /// for a short message (a greeting, a wrong choice), which the step answers as before, unless the recognizer
    /// is sure it asks for help ("tdk bs login spse", "email verifikasi ga masuk2"), or it carries what a form
    /// asks for ("nip saya 198001012005011001", "PT Maju Jaya"), which the form chosen next takes.
    mutating func keepForStaff(_ message: ReporterMessage, classification: Classification) -> Bool {
        let words = message.text.wordCount
        // "mo tanya2 soal e-katalog": asked in a service's `asking.<id>` words, however unsure the recognizer is.
        let asksForHelp =
            words >= Self.keptRequestWords
            && (classification.intent == .createTicket && classification.confidence >= GlobalCommand.minimumConfidence
                || asksInAServicesWords(DialogSettings.spacedWords(message.text)))
        let carriesData = !classification.entities.formNumbers.isEmpty || classification.entities.company != nil
        guard words >= Self.keptMessageWords || asksForHelp || carriesData, classification.intent != .greeting else {
            return false
        }
        if state.step == .menu, !context.openTickets.isEmpty {
            state.step = .idle
            IdleStep().answer(message.text, classification: classification, messageID: message.messageID, in: &self)
            return true
        }
        guard awaitsFirstRequest else { return false }
        // Welcomed when it opens the conversation; right after the menu ("halo", then "akun saya belum aktif min")
        // the welcome came a second time.
        let welcome = opensConversation ? greeting(answering: message.text) + "\n\n" : ""
        guard keepBeforeRequest(message) else { return false }
        showMenu(prefix: welcome + t(.menuMessageKept))
        return true
    }

    /// Keeps `message` for the form the provider chooses next, unless `maxMessagesBeforeRequest` are kept already.
    mutating func keepBeforeRequest(_ message: ReporterMessage) -> Bool {
        let kept = state.messagesBeforeRequest ?? []
        guard kept.count < Self.maxMessagesBeforeRequest else { return false }
        state.messagesBeforeRequest = kept + [message]
        return true
    }

    /// Whether `words` (from `spacedWords`) ask in the words of a service's `asking.<id>` list.
    func asksInAServicesWords(_ words: String) -> Bool {
        catalogue.services.contains { catalogue.settings.mentions(words, keywordsNamed: "asking.\($0.id)") }
    }

    /// Words a message needs to be kept for staff while the menu is asked.
    static let keptMessageWords = 5

    /// The service that takes questions (the first with `asking.<id>` phrases), when `text` says its writer is an
    /// official (`officialSelf`: "saya ppk", "saya pns", "sebagai pejabat pengadaan") and `service` is a form
    /// for a company (it asks one); nil otherwise.
    func consultationForAnOfficial(instead service: String, text: String) -> String? {
        guard catalogue.service(id: service)?.companyField != nil,
            catalogue.settings.mentions(text: text, keywordsNamed: "officialSelf")
        else { return nil }
        return questionsEntry?.id
    }

    /// Whether a message where staff asked for more, where the provider says why a ticket is not solved, or the
    /// survey's comment, is said to staff whatever else the recognizer reads it as: a sentence ("nib nya blm ada
    /// min, masih proses di oss. gpp kah?", read as a status check, got the ticket's status and never reached
    /// staff). Not a command typed as its keyword ("status", "batal aja min"), a cancellation the recognizer is
    /// sure of, nor a message about the verification call, which its own answers take.
    func isForStaff(_ text: String, classification: Classification) -> Bool {
        text.wordCount >= Self.wordsForStaff
            && GlobalCommand(typed: text, keywords: catalogue.settings.keywords) == nil
            && !(classification.intent == .cancel && classification.confidence >= Self.freeTextCancelConfidence)
            && !((offer != nil || callNotBookable != nil) && isAboutCall(text, classification: classification))
    }

    /// Words a message needs to be said to staff where they wait for an answer, whatever it reads as.
    static let wordsForStaff = 4

    /// "min mau nanya dong", "boleh tanya?" (`onlySaysAQuestionComes`) while nothing is asked and no ticket is open:
    /// the question is invited, with the menu for a request, where the message was kept for staff as if it said
    /// something ("Pesan Anda kami catat") or, asked as a question, started the consultation; right after the menu
    /// came, the invitation alone. The company it names ("saya dari CV Berkah Jaya mau tanya") is kept for the form
    /// chosen next, as a message kept before the request is.
    mutating func inviteTheQuestion(answering message: ReporterMessage, classification: Classification) {
        if classification.entities.company != nil || !classification.entities.formNumbers.isEmpty {
            _ = keepBeforeRequest(message)
        }
        if menuJustShown { return say(t(.menuAbove)) }
        showMenu(prefix: opensConversation ? greeting(answering: message.text) : nil, asking: .menuAskAway)
    }

    /// Words a message the recognizer reads as a request for help needs to be kept for staff.
    static let keptRequestWords = 3

    /// Messages kept for staff while the menu is asked, at most.
    static let maxMessagesBeforeRequest = 5

    /// Starts the form of the menu entry `service` that `message` asked for, taking what it already says. A form
    /// for a company asked for by an official ("saya ppk, minta user id untuk spse"), who has no company, NPWP or
    /// director to give, is said to be the providers', and the consultation starts with the message instead.
    mutating func start(_ service: String, from message: ReporterMessage, classification: Classification) {
        var service = service
        if let consultation = consultationForAnOfficial(instead: service, text: message.text) {
            say(t(.intakeForProviders, ["service": catalogue.service(id: service)?.title.text(in: language) ?? ""]))
            service = consultation
        }
        openingMessage = (message.text, classification)
        route(.menu(service), messageID: message.messageID)
        openingMessage = nil
    }

    /// A reaction ("👍" on staff's reply) with a ticket open reaches staff, who see the reply was read, and
    /// gets no answer in the chat: a reaction is no message to reply to. Without a ticket, or inside a form,
    /// Loket says what it takes; a reaction taken back says nothing.
    mutating func reactionReceived(_ emoji: String?, messageID: String) {
        guard let emoji else { return }
        if appendShared(ReporterMessage(messageID: messageID, text: "Reaksi: " + emoji)) == nil {
            cannotRead(.unsupportedReaction)
        }
    }

    /// A voice note about an open ticket ("min ini saya jelaskan lewat suara ya") is kept on the ticket for
    /// staff to listen to, outside a form or where staff asked a question; elsewhere, and for other audio,
    /// Loket says it cannot listen and asks for text.
    mutating func voiceNoteReceived(mediaID: String, mimeType: String, sha256: String?) {
        let asked: Bool
        if case .feedback = state.step { asked = true } else { asked = false }
        guard FileKind.accepts(mimeType, in: [.voice]), !context.openTickets.isEmpty, asked || !inProgress else {
            return cannotRead(.unsupportedAudio)
        }
        fileForTicket(.voiceNote(mediaID: mediaID, sha256: sha256))
    }

    /// Says politely what Loket can take, then asks the current question again.
    mutating func cannotRead(_ key: Prompt) {
        say(t(key) + " " + t(.unsupportedWhat))
        if inProgress { promptCurrentStep(prefix: nil) }
    }

    /// The first text after a long pause in a journey. "lanjut" continues it; anything else is asked whether to
    /// continue or start over, and held, unless it only greets: continuing answers it at the step it was written
    /// for. It was dropped, so "PT Maju Jaya" typed after lunch had to be typed again after *Lanjutkan*.
    mutating func welcomeBack(_ text: String, classification: Classification, messageID: String) {
        if text.wordCount <= Self.resumeWords, !isQuestion(text),
            catalogue.settings.mentions(text: text, keywordsNamed: "resume")
        {
            return promptCurrentStep(prefix: nil)
        }
        // A greeting, or a command word ("menu", "batal"), is what the choice answers: nothing to hold.
        let greets =
            classification.intent == .greeting && classification.confidence >= GlobalCommand.minimumConfidence
            || catalogue.settings.mentions(text: text, keywordsNamed: "salam") && text.wordCount <= Self.resumeWords
            || GlobalCommand(keyword: text, keywords: catalogue.settings.keywords) != nil
        state.heldAfterPause =
            greets ? nil : HeldMessage(messageID: messageID, text: text, classification: classification)
        offerResume()
    }

    /// The most words of a message that only says to go on ("lanjut aja min") or greets after a pause.
    static let resumeWords = 4

    mutating func offerResume() {
        let previous = state.step
        state.step = .resumeOffer(previous: previous)
        promptCurrentStep(prefix: nil)
    }

    /// Continues the journey a long pause interrupted, answering there what the provider wrote on coming back.
    mutating func continueAfterPause(_ previous: ConversationStep) {
        state.step = previous
        guard let held = state.heldAfterPause else { return promptCurrentStep(prefix: nil) }
        state.heldAfterPause = nil
        received(held.message)
    }

    /// The option a typed text picks in the current step: a number ("2"), a recognised choice, or an option's title.
    func typedOption(_ text: String, classification: Classification) -> ReplyID? {
        let options = currentOptions()
        let typed = text.lowercased().trimming(".!")
        // A button's own title picks it, also where free text is asked ("Lewati" at the survey's comment).
        if let match = options.first(where: { $0.title.lowercased() == typed }) {
            return match.reply
        }
        guard !options.isEmpty, !expectsFreeText else { return nil }
        if let number = Int(text.trimming(".)")), (1...options.count).contains(number) {
            return options[number - 1].reply
        }
        // A word of one option's title ("reset password", "pengaduan") picks it when no other option has it.
        let partial = options.filter { $0.title.lowercased().contains(typed) }
        if typed.count >= 4, partial.count == 1 {
            return partial[0].reply
        }
        if let choice = classification.entities.choice, (1...options.count).contains(choice),
            classification.intent == .unknown || classification.intent == .affirm
        {
            if text.count <= 20 { return options[choice - 1].reply }
        }
        return nil
    }

    /// Whether `text` asks something: a question mark, or a question word first ("gimana cara daftar").
    func isQuestion(_ text: String) -> Bool {
        guard text.containsLetter else { return false }
        if text.containsASCII("?") { return true }
        // "berapa biayanya", and as often in chat, "biaya pendaftaran berapa", "caranya gimana", also with a
        // particle or a form of address around it: "min, kapan ya", "cara upload dokumen gimana ya".
        let fillers = catalogue.settings.keywordSet("filler")
        let words = MessageWords.of(DialogSettings.spacedWords(text)).tokens.filter { !$0.isEmpty }
        let said = words.drop { fillers.contains(String($0)) }.reversed().drop { fillers.contains(String($0)) }
        let questionWords = catalogue.settings.keywordSet("questionWords")
        return [said.first, said.last].contains { $0.map { questionWords.contains(String($0)) } ?? false }
    }

    /// Whether nothing is asked but which request, and no ticket is open: what the provider sends now (a file, a
    /// message no service takes, a question from the FAQ) is about a request still to be chosen.
    var awaitsFirstRequest: Bool {
        !inProgress && state.step.awaitsRequest && context.openTickets.isEmpty
    }

    /// Whether the step takes free text, where only exact keywords act as commands.
    var expectsFreeText: Bool { state.step.behaviour.expectsFreeText(in: self) }
}
