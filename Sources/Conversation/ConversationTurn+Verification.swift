import Foundation
import Intents
import Support

/// Booking, moving and cancelling the verification video call in the chat, and its reminders.
extension ConversationTurn {
    var offer: VerificationOffer? { context.verification }

    /// Whether a message is about the verification call: the `schedule` or `cancel_booking` intent, or one
    /// of the catalogue's booking words ("jadwal", "vc", "mundurin") with a time or a change in it. A booked
    /// call needs the intent with the confidence that leaves a journey: "10/10 mantap" (a rating, whose
    /// "10/10" also reads as a date) is no wish to move it; a time with a word of `bookingChange` is ("senin
    /// direktur ada rapat, bisa diganti rabu jam 13?").
    func isAboutCall(_ text: String, classification: Classification) -> Bool {
        if classification.intent == .schedule || classification.intent == .cancelBooking {
            let needed = offer?.booking != nil ? Self.leavingConfidence : 0.5
            if classification.confidence >= needed { return true }
        }
        if offer?.booking != nil, classification.entities.datetime != nil,
            catalogue.settings.mentions(text: text, keywordsNamed: "bookingChange")
        {
            return true
        }
        // "direktur tidak bisa hadir": the director cannot make the call booked, as "berhalangan" says.
        if offer?.booking != nil, catalogue.settings.mentions(text: text, keywordsNamed: "cannotAttend") {
            return true
        }
        let words = Set(text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init))
        return !(catalogue.settings.keywords["booking"] ?? []).allSatisfy { !words.contains($0) }
    }

    /// Words a message about the call needs to carry a reason for staff.
    static let callReasonWords = 5

    /// Whether a message about the call asks to cancel it; a change withdrawn ("ga jadi ganti jadwal") does not.
    func asksToCancelCall(_ text: String, classification: Classification) -> Bool {
        let words = DialogSettings.spacedWords(text)
        if catalogue.settings.mentions(words, keywordsNamed: "changeWithdrawn") { return false }
        if classification.intent == .cancelBooking { return true }
        return catalogue.settings.mentions(words, keywordsNamed: "withdraw") && classification.entities.datetime == nil
    }

    /// Whether a message says the booked call stays as it is: a change withdrawn (`changeWithdrawn`: "ga jadi ganti
    /// jadwal", "tidak usah diganti"), or a word of `keepBooking` ("tetap", "yang lama aja", "ga usah") in one that
    /// does not ask to cancel the call. A day or a time in it must be the booked call's own ("tetap yg senin aja");
    /// another ("ga jadi senin, rabu aja") is a wish to move it.
    func keepsBookedCall(_ text: String, classification: Classification) -> Bool {
        guard let booked = offer?.booking else { return false }
        let words = DialogSettings.spacedWords(text)
        let settings = catalogue.settings
        guard
            settings.mentions(words, keywordsNamed: "changeWithdrawn")
                || settings.mentions(words, keywordsNamed: "keepBooking")
                    && !asksToCancelCall(text, classification: classification)
        else { return false }
        let (bookedDay, bookedSecond) = JakartaTime.local(booked)
        let entities = classification.entities
        if let wished = entities.datetime {
            let (day, second) = JakartaTime.local(wished)
            if entities.datetimeIncludesDay && day != bookedDay
                || entities.datetimeIncludesTime && second != bookedSecond
            {
                return false
            }
        }
        return otherDays(in: text).allSatisfy { $0 == bookedDay }
    }

    /// The booked call stays: said so, a slot held for its move let go, and a form the move interrupted asked again.
    mutating func keepBookedCall() {
        guard let offer, let start = offer.booking else { return }
        if case .booking(let booking) = state.step, booking.ticket == offer.ticket {
            return leaveCallChoice(of: offer.ticket)
        }
        say(t(.verificationKept, ["when": when(start)]))
        if inProgress { promptCurrentStep(prefix: nil) }
    }

    /// A message about the call: cancel, or choose (with the wish it carries, if any). One that says more than
    /// that ("ga jadi vc, direktur lagi di luar kota") also reaches the ticket, for staff to read.
    mutating func talkAboutCall(_ message: ReporterMessage, classification: Classification) {
        guard let offer else { return }
        let text = message.text
        if let start = offer.booking, confirmsAttendance(text, classification: classification, of: offer.ticket) {
            // "ok siap vc nya" with the call booked, which offered new times to move it to.
            say(t(.verificationAttending, ["when": when(start)]))
            if inProgress { promptCurrentStep(prefix: nil) }
            return
        }
        let relayed = text.wordCount >= Self.callReasonWords
        if relayed {
            emit(.appendToTicket(number: offer.ticket, message: message))
        }
        if keepsBookedCall(text, classification: classification) {
            return keepBookedCall()
        }
        if asksToCancelCall(text, classification: classification) {
            return startCancellingCall(offer)
        }
        if classification.entities.datetime == nil, isQuestion(text), wishInWords(text) == nil,
            let faq = typedFAQ(text)
        {
            // "kalau direktur berhalangan bisa diwakilkan?": the FAQ answers, staff read it on the ticket, and
            // the call stays as it is (the slots, when they were asked, are asked again). A wish in words is no
            // such question: "jadwal vc nya mundur bisa?" got the hours of the calls.
            if !relayed { emit(.appendToTicket(number: offer.ticket, message: message)) }
            say(faq.answer.text(in: language) + "\n\n" + t(.ticketRelayed, ["ticket": String(offer.ticket)]))
            if case .booking = state.step { promptCurrentStep(prefix: nil) }
            return
        }
        if offer.booking == nil, postponesChoice(text, classification: classification) {
            return postponeChoice(of: offer.ticket)
        }
        if let start = offer.booking, !wishesNewTime(text, classification: classification, booked: start) {
            // "vc nya nanti diwakili manajer ya min", "direktur ganti orang, jadi yang ikut vc nanti direktur baru",
            // "siap min, vc kamis jam 10 ya": nothing asks to move the call, which was offered new times.
            return answerAboutBookedCall(message, relay: false)
        }
        // "direktur bisanya via zoom, bisa?": said to have reached staff before the slots come again; "vc nya pakai
        // apa?", "siapa yang nelpon?": how the call goes, then the slots.
        var lead = [relayed ? callMessageRelayed(offer.ticket) : nil]
        if offer.booking == nil, asksHowTheCallGoes(text, classification: classification) {
            lead.insert(callHowItGoes(offer), at: 0)
        }
        let prefix = lead.compactMap { $0 }.joined(separator: "\n\n")
        startBooking(offer, prefix: prefix.isEmpty ? nil : prefix, wish: classification, text: text)
    }

    /// The director's new number for the call, in a message written while a call is offered or booked that says
    /// whose number it is or what it is for (a word of `directorWords` or `booking`): "nanti yg vc direktur
    /// pakai hp sendiri ya, nomornya 0812 9876 5432", "nomor direktur ganti ke 081298765432". It got the call's
    /// details again, naming the old number, as if nothing had been said. Not in a question ("yang vc nanti ke
    /// 0812… kan?", answered with the number the call goes to), nor in a form, whose question it may answer, nor
    /// without those words ("kalau ada apa2 hubungi saya di 0812…"); nil for the number the call already goes to.
    func newDirectorNumber(in text: String, classification: Classification) -> String? {
        guard let offer, let phone = classification.entities.phone, phone != offer.directorNumber, !isQuestion(text)
        else { return nil }
        if case .intake = state.step { return nil }
        let words = DialogSettings.spacedWords(text)
        let settings = catalogue.settings
        guard ["directorWords", "booking"].contains(where: { settings.mentions(words, keywordsNamed: $0) }) else {
            return nil
        }
        return phone
    }

    /// Keeps `phone` as the number the call of `offer` goes to, with the message on the ticket for staff, and says
    /// so; the slots, when they were being chosen, are asked again.
    mutating func changeDirectorNumber(to phone: String, message: ReporterMessage, offer: VerificationOffer) {
        emit(.appendToTicket(number: offer.ticket, message: message))
        emit(.changeDirectorNumber(ticket: offer.ticket, number: phone))
        var answer = t(.verificationDirectorNumberChanged, ["ticket": String(offer.ticket), "phone": phone])
        if let start = offer.booking {
            answer += "\n\n" + t(.verificationBookedAnswer, ["ticket": String(offer.ticket), "when": when(start)])
        }
        say(answer)
        if inProgress { promptCurrentStep(prefix: nil) }
    }

    /// Whether a message about the call booked at `booked` asks for a new time: a time or a part of the day
    /// other than the booked call's own, or one named as a time the director cannot make ("kamis direktur ada
    /// rapat"); a wish in words ("minggu depan"); a word of `bookingChange` ("bisa dimajukan?", "direktur
    /// berhalangan"), unless the message is about who takes the call or the number it reaches (`callAttendee`:
    /// "direktur ganti orang", "nomor direktur untuk vc nanti ganti"; one with the new number changes it, see
    /// `newDirectorNumber(in:classification:)`) and names nothing of its time
    /// (`callTime`: "ganti jadwal"); or the schedule asked for with certainty in a few words ("jadwal",
    /// "reschedule").
    func wishesNewTime(_ text: String, classification: Classification, booked: Date) -> Bool {
        let words = DialogSettings.spacedWords(text)
        let settings = catalogue.settings
        let change = settings.mentions(words, keywordsNamed: "bookingChange")
        let entities = classification.entities
        if entities.datetime != nil {
            return !names(booked, in: text, classification) || change || settings.mentions(words, keywordsNamed: "busy")
        }
        if Self.partOfDay(in: text) != nil || wishInWords(text) != nil { return true }
        if change {
            let aboutWho = settings.mentions(words, keywordsNamed: "callAttendee") || entities.phone != nil
            return !aboutWho || settings.mentions(words, keywordsNamed: "callTime")
        }
        return (classification.intent == .schedule || classification.intent == .cancelBooking)
            && classification.confidence >= Self.leavingConfidence && text.wordCount <= Self.bookingCommandWords
    }

    /// Whether the time `text` names, as `classification` reads it, is `booked`'s: its day, and its time or its
    /// part of the day when one is named ("rabu siang" is not a Wednesday morning's call).
    func names(_ booked: Date, in text: String, _ classification: Classification) -> Bool {
        guard let wished = classification.entities.datetime else { return false }
        let (day, second) = JakartaTime.local(wished)
        let (bookedDay, bookedSecond) = JakartaTime.local(booked)
        guard day == bookedDay else { return false }
        if classification.entities.datetimeIncludesTime { return second == bookedSecond }
        guard let morning = Self.partOfDay(in: text) else { return true }
        return Self.fits(booked, morning: morning, afternoon: !morning)
    }

    /// The most words of a message that asks to move the booked call by the schedule's intent alone ("jadwal vc
    /// saya").
    static let bookingCommandWords = 3

    /// Whether `text` asks how the call goes, before it is booked ("vc nya pakai apa?", "nanti yang telpon
    /// siapa?"): a question with a word of `callQuestion`, no time and no word of `bookingChange`.
    func asksHowTheCallGoes(_ text: String, classification: Classification) -> Bool {
        guard classification.entities.datetime == nil, isQuestion(text) else { return false }
        let words = DialogSettings.spacedWords(text)
        let settings = catalogue.settings
        return settings.mentions(words, keywordsNamed: "callQuestion")
            && !settings.mentions(words, keywordsNamed: "bookingChange")
    }

    /// That a message about the call of `ticket` reached its staff, and the slots are still to choose from.
    func callMessageRelayed(_ ticket: Int) -> String {
        t(.verificationRelayed, ["ticket": String(ticket)])
    }

    /// The provider will choose the call later: the slots are not asked again (a held one is let go), and
    /// "jadwal" brings them back.
    mutating func postponeChoice(of ticket: Int) {
        say(t(.verificationLater, ["ticket": String(ticket)]))
        if case .booking(let booking) = state.step {
            if booking.chosen != nil { emit(.releaseVerificationHold(ticket: ticket)) }
            // A form the slots interrupted is asked again after it.
            finishStep()
        }
    }

    /// Whether a message asks about the booked call without asking to move or cancel it: a question (a question
    /// mark or a question word) with one of the `callQuestion` words ("jam berapa vc nya?", "pakai zoom atau
    /// wa?", "yang telpon nomor berapa?", "dokumen asli apa aja?"), no time and none of the `bookingChange` words.
    func asksAboutBookedCall(_ text: String, classification: Classification) -> Bool {
        guard offer?.booking != nil, classification.entities.datetime == nil else { return false }
        let words = DialogSettings.spacedWords(text)
        let settings = catalogue.settings
        // "tolong kirim link zoom ke email saya" asks for the link without a question: it was taken as moving the
        // call, which is a WhatsApp video call with no link.
        guard
            text.contains("?") || settings.mentions(words, keywordsNamed: "questionWords")
                || settings.mentions(words, keywordsNamed: "callLink")
        else { return false }
        return settings.mentions(words, keywordsNamed: "callQuestion")
            && !settings.mentions(words, keywordsNamed: "bookingChange")
            && !asksToCancelCall(text, classification: classification)
    }

    /// Whether a short message answering the call's reminder says the director will be there: a yes, or one of
    /// the `attend` words ("siap", "hadir", "insyaallah"), with no time but the call's own ("siap min, vc kamis
    /// jam 10 ya"), no change or cancellation, no word of `not` ("tidak bisa hadir"), and no question.
    func confirmsAttendance(_ text: String, classification: Classification, of ticket: Int) -> Bool {
        guard let offer, offer.ticket == ticket, let booked = offer.booking,
            classification.entities.datetime == nil || names(booked, in: text, classification),
            text.wordCount <= Self.attendanceWords, !text.contains("?")
        else { return false }
        let words = DialogSettings.spacedWords(text)
        let settings = catalogue.settings
        guard !settings.mentions(words, keywordsNamed: "bookingChange"),
            !settings.mentions(words, keywordsNamed: "not"),
            !settings.mentions(words, keywordsNamed: "notSolved"),
            !asksToCancelCall(text, classification: classification)
        else { return false }
        let thumbs = text.unicodeScalars.contains { $0.value == 0x1F44D }
        return thumbs || settings.mentions(words, keywordsNamed: "attend")
            || classification.intent == .affirm && classification.confidence >= GlobalCommand.minimumConfidence
    }

    /// The most words a typed answer to the reminder has ("oke siap min, direktur standby").
    static let attendanceWords = 6

    /// The booked call told again, with who calls from where and the originals to have at hand; a question of
    /// five words or more also reaches the ticket (`relay` false when the caller already passed it on). A form the
    /// question came in is asked again after it.
    mutating func answerAboutBookedCall(_ message: ReporterMessage, relay: Bool = true) {
        guard let offer, let start = offer.booking else { return }
        let relayed = message.text.wordCount >= Self.callReasonWords
        if relayed, relay { emit(.appendToTicket(number: offer.ticket, message: message)) }
        say(bookedCallText(offer, start: start, relayed: relayed))
        if inProgress { promptCurrentStep(prefix: nil) }
    }

    /// The booked call told again with its details, and that the provider's message reached its ticket when
    /// `relayed`.
    func bookedCallText(_ offer: VerificationOffer, start: Date, relayed: Bool) -> String {
        var answer = t(.verificationBookedAnswer, ["ticket": String(offer.ticket), "when": when(start)])
        answer += "\n\n" + callDetails(offer, start: start)
        if relayed { answer += "\n\n" + t(.ticketRelayed, ["ticket": String(offer.ticket)]) }
        return answer
    }

    /// The newest open ticket whose call the chat cannot book now, with where it stands (see
    /// `TicketSummary.CallStage`).
    var callNotBookable: (ticket: Int, stage: TicketSummary.CallStage)? {
        context.openTickets.filter { $0.call != nil }.max { $0.number < $1.number }.flatMap { ticket in
            ticket.call.map { (ticket.number, $0) }
        }
    }

    /// A message about a call that cannot be booked yet, or at all, in the chat: when it can be (once staff
    /// found the documents complete), that it is held, or that staff arrange it. One with a wished time or of
    /// five words or more also reaches the ticket, for staff to read. A form the question came in is asked
    /// again after it.
    mutating func answerCallNotBookable(
        _ message: ReporterMessage, ticket: Int, stage: TicketSummary.CallStage, classification: Classification
    ) {
        let prompt: Prompt =
            switch stage {
            case .documentsInReview: .verificationAfterDocuments
            case .verified: .verificationAlreadyDone
            case .arrangedByStaff: .verificationByStaff
            }
        var answer = t(prompt, ["ticket": String(ticket)])
        if message.text.wordCount >= Self.callReasonWords || classification.entities.datetime != nil {
            emit(.appendToTicket(number: ticket, message: message))
            answer += "\n\n" + t(.ticketRelayed, ["ticket": String(ticket)]) + afterHoursNote()
        }
        say(answer)
        if inProgress { promptCurrentStep(prefix: nil) }
    }

    /// "batal" while choosing the call's time: no request is cancelled. A booked call being moved stays as it is,
    /// and is said so, or `answer` is said instead (a held slot let go); a first choice is left for later, as
    /// "nanti saya kabari" leaves it. A form the slots interrupted is asked again.
    mutating func leaveCallChoice(of ticket: Int, saying answer: String? = nil) {
        guard let start = offer?.booking, offer?.ticket == ticket else { return postponeChoice(of: ticket) }
        if case .booking(let booking) = state.step, booking.chosen != nil {
            emit(.releaseVerificationHold(ticket: ticket))
        }
        say(answer ?? t(.verificationKept, ["when": when(start)]))
        finishStep()
    }

    /// "nanti saya kabari jadwalnya": the provider will choose later; a time in the message is a choice, and
    /// a question ("nanti yang telpon siapa?") asks something.
    func postponesChoice(_ text: String, classification: Classification) -> Bool {
        classification.entities.datetime == nil && !isQuestion(text)
            && catalogue.settings.mentions(text: text, keywordsNamed: "later")
    }

    // MARK: Offering and choosing

    /// Whether the booked call can no longer be moved or cancelled in the chat; if so, the provider is told so.
    mutating func sayTooLateToChange(_ offer: VerificationOffer) -> Bool {
        guard let booking = offer.booking, let deadline = offer.changeDeadline, context.now >= deadline else {
            return false
        }
        say(
            t(
                .verificationTooLateToChange,
                ["when": when(booking), "hours": String(Int(booking.timeIntervalSince(deadline) / 3600))]))
        return true
    }

    /// Opens the booking dialog (a move when a call is booked) and offers slots, or reads the wish given.
    mutating func startBooking(
        _ offer: VerificationOffer, prefix: String?, wish: Classification? = nil, text: String? = nil
    ) {
        if sayTooLateToChange(offer) { return }
        openBookingDialog(offer)
        if let wish, wish.entities.datetime != nil || Self.partOfDay(in: text ?? "") != nil {
            return readWish(wish, text: text)
        }
        if let text, readWishInWords(text, prefix: prefix) { return }
        offerSlots(prefix: prefix, slots: offer.freeSlots)
    }

    /// The booking dialog for `offer`'s ticket, in place of one under way, or interrupting what else is asked.
    private mutating func openBookingDialog(_ offer: VerificationOffer) {
        let booking = VerificationBooking(ticket: offer.ticket, moving: offer.booking != nil)
        switch state.step {
        case .booking, .cancellingBooking:
            // A time chosen while the cancellation is asked answers it: the call is moved instead.
            state.step = .booking(booking)
        default:
            interrupt(with: .booking(booking))
        }
    }

    /// A slot tapped in a list the chat has since moved on from (the choice left with "batal" or "tetap", a form
    /// asked in between): still the provider's choice while the call can be booked or moved, held for them to
    /// confirm, or the nearest free times when it is gone; the booked time itself is said to stay.
    mutating func chooseEarlierSlot(_ start: Date) {
        guard let offer else { return }
        if offer.booking == start { return keepBookedCall() }
        if sayTooLateToChange(offer) { return }
        openBookingDialog(offer)
        chooseSlot(start)
    }

    /// Shows `slots` as a list grouped by day: up to three a day over the first days, nine rows at most,
    /// then "Tanggal lain" when later days have more.
    mutating func offerSlots(prefix: String?, slots: [Date], lead: String? = nil) {
        guard let offer, case .booking(var booking) = state.step else { return }
        if let hold = offer.hold, hold != booking.chosen { emit(.releaseVerificationHold(ticket: offer.ticket)) }
        booking.chosen = nil
        guard !slots.isEmpty else {
            state.step = .booking(booking)
            say([prefix, t(.verificationNone)].compactMap { $0 }.joined(separator: "\n\n"))
            return finishStep()
        }
        var shown: [Date] = []
        var perDay: [Int: Int] = [:]
        var days: [Int] = []
        for slot in slots {
            let day = JakartaTime.local(slot).day
            if perDay[day] == nil {
                guard days.count < 3 else { break }
                days.append(day)
            }
            guard perDay[day, default: 0] < 3, shown.count < 9 else { continue }
            perDay[day, default: 0] += 1
            shown.append(slot)
        }
        let lastDay = days.last ?? JakartaTime.local(context.now).day
        let later = offer.freeSlots.contains { JakartaTime.local($0).day > lastDay }
        booking.offered = shown
        booking.offersLater = later
        booking.laterFrom = later ? lastDay + 1 : nil
        state.step = .booking(booking)
        sendSlotList(prefix: [prefix, lead].compactMap { $0 }.joined(separator: "\n\n"), booking: booking)
    }

    private mutating func sendSlotList(prefix: String, booking: VerificationBooking) {
        guard let offer else { return }
        let question =
            booking.moving
            ? t(.verificationChooseMove, ["ticket": String(offer.ticket), "current": offer.booking.map(when) ?? ""])
            : t(.verificationChoose, ["ticket": String(offer.ticket)])
        let body =
            (prefix.isEmpty ? "" : prefix + "\n\n") + question + "\n\n"
            + t(.fallbackNumbers, ["count": String(booking.offered.count + (booking.offersLater ? 1 : 0))])
        var sections: [ReplySection] = []
        for slot in booking.offered {
            let day = JakartaTime.local(slot).day
            let row = ReplyRow(id: ReplyID.slot(Int(slot.timeIntervalSince1970)).rawValue, title: slotTitle(slot))
            if let last = sections.last, last.title == CalendarWords.shortDate(day, in: language) {
                sections[sections.count - 1].rows.append(row)
            } else {
                sections.append(ReplySection(title: CalendarWords.shortDate(day, in: language), rows: [row]))
            }
        }
        if booking.offersLater {
            sections.append(
                ReplySection(
                    title: t(.verificationLaterSection),
                    rows: [
                        ReplyRow(
                            id: ReplyID.slotLater.rawValue, title: t(.verificationLaterRow),
                            description: t(.verificationLaterDescription))
                    ]))
        }
        if body.count > 1024 { say(String(body.prefix(body.count - 200))) }
        emit(.send(.list(body: String(body.suffix(1024)), buttonLabel: t(.verificationListButton), sections: sections)))
    }

    /// "10.00–10.30 WIB" (≤ 24 characters).
    func slotTitle(_ start: Date) -> String {
        let minute = JakartaTime.local(start).second / 60
        let length = offer?.slotMinutes ?? 30
        return CalendarWords.clock(minute: minute, in: language) + "–"
            + CalendarWords.clock(minute: minute + length, in: language) + " WIB"
    }

    /// "Senin, 7 Desember 2026 pukul 10.00 WIB".
    func when(_ start: Date) -> String { CalendarWords.dateAndTime(start, in: language) }

    /// A slot tapped or typed: held while the provider confirms, unless it is gone.
    mutating func chooseSlot(_ start: Date) {
        guard let offer, case .booking(var booking) = state.step else { return }
        guard offer.freeSlots.contains(start) || offer.hold == start else {
            return offerSlots(
                prefix: whyNotFree(start, in: offer), slots: nearest(to: start, in: offer.freeSlots),
                lead: t(.verificationNearest))
        }
        emit(.holdVerificationSlot(ticket: offer.ticket, start: start))
        booking.chosen = start
        state.step = .booking(booking)
        promptCurrentStep(prefix: nil)
    }

    /// Why `start`, chosen from a list or held, cannot be booked: a time already gone (a row of a list sent
    /// days ago, tapped now) or too soon to prepare the call for is not "taken by another provider".
    func whyNotFree(_ start: Date, in offer: VerificationOffer) -> String {
        if start <= context.now { return t(.verificationPassed, ["when": when(start)]) }
        if start < offer.earliest { return tooSoon(offer) }
        return t(.verificationTaken, ["when": when(start)])
    }

    /// "Waktu itu terlalu dekat. Jadwal paling cepat: …", with the first free slot, or the earliest time a call
    /// can be prepared for when none is free.
    func tooSoon(_ offer: VerificationOffer) -> String {
        t(.verificationTooSoon, ["earliest": offer.freeSlots.first.map(when) ?? when(offer.earliest)])
    }

    /// The held slot confirmed: booked (or the booking moved), with everything the director needs to know.
    mutating func confirmSlot() {
        guard let offer, case .booking(let booking) = state.step, let start = booking.chosen else {
            return promptCurrentStep(prefix: nil)
        }
        guard offer.hold == start || offer.freeSlots.contains(start) else {
            return offerSlots(
                prefix: whyNotFree(start, in: offer), slots: nearest(to: start, in: offer.freeSlots),
                lead: t(.verificationNearest))
        }
        emit(.bookVerification(ticket: offer.ticket, start: start))
        let head = t(
            booking.moving ? .verificationMoved : .verificationBooked,
            ["ticket": String(offer.ticket), "when": when(start)])
        say(head + "\n\n" + callDetails(offer, start: start))
        state.step = .idle
        finishStep()
    }

    /// Who calls from where, the original documents to have at hand, and how to move or cancel.
    func callDetails(_ offer: VerificationOffer, start: Date) -> String {
        t(.verificationDetails, callValues(offer).merging(["deadline": when(offer.changeDeadline(for: start))]) { $1 })
    }

    /// Who calls from where and the original documents to have at hand, for a call not booked yet: "vc nya pakai
    /// apa?" while the slots are offered.
    func callHowItGoes(_ offer: VerificationOffer) -> String {
        t(.verificationHowItGoes, callValues(offer))
    }

    /// The caller, the number called from and the original documents of `offer`'s call, by placeholder.
    private func callValues(_ offer: VerificationOffer) -> [String: String] {
        let documents =
            offer.serviceID.flatMap { catalogue.service(id: $0) }?.requiredDocuments(for: offer.businessForm)
            .map { "• " + $0.title.text(in: language) } ?? []
        return [
            "caller": offer.callerName.text(in: language),
            "number": offer.callerNumber ?? t(.verificationThisNumber),
            "director": calledDirector(offer),
            "documents": documents.isEmpty ? t(.verificationDocumentsDefault) : documents.joined(separator: "\n"),
        ]
    }

    /// Whom `offer`'s call reaches: the director's number from the request as the form stored it (E.164, "nomor
    /// direksi +6281234567890"), for the provider to check, or the director.
    private func calledDirector(_ offer: VerificationOffer) -> String {
        guard let number = offer.directorNumber, !number.isEmpty else { return t(.verificationDirector) }
        return t(.verificationDirectorNumber, ["phone": number])
    }

    /// The call's hours of `offer` as said in a sentence: "10.00–14.00".
    func callWindow(_ offer: VerificationOffer) -> String {
        CalendarWords.clock(minute: offer.windowStartMinute, in: language) + "–"
            + CalendarWords.clock(minute: offer.windowEndMinute, in: language)
    }

    // MARK: Wishes in words

    /// The part of the day a message names: `true` for the morning ("pagi", "morning"), `false` for the
    /// afternoon ("siang", "sore", "afternoon"), nil for neither or both.
    static func partOfDay(in text: String) -> Bool? {
        let named = Self.partsOfDay(in: text)
        return named.morning == named.afternoon ? nil : named.morning
    }

    /// The parts of the day a message names, from one reading of its words: the morning ("pagi"), the afternoon
    /// ("siang", "sore"), and the late afternoon or evening, after the calls' window ends ("sore", "malam").
    static func partsOfDay(in text: String) -> (morning: Bool, afternoon: Bool, late: Bool) {
        let words = Set(text.lowercased().split { !$0.isLetter }.map(String.init))
        return (
            !words.isDisjoint(with: ["pagi", "morning"]),
            !words.isDisjoint(with: ["siang", "sore", "afternoon", "noon"]),
            !words.isDisjoint(with: ["sore", "malam", "evening"])
        )
    }

    /// Reads a wished time ("besok jam 11", "senin depan siang", "tomorrow 1pm") against the calendar: the
    /// slot itself when free, else why not and the nearest free slots.
    mutating func readWish(_ classification: Classification, text: String?) {
        guard let offer else { return }
        if let text, let later = wishAfterRefusal(in: text) {
            // "ga jadi selasa, rabu aja": the day turned down is not the wish.
            var corrected = classification
            corrected.entities.datetime = later.date
            corrected.entities.datetimeIncludesTime = later.includesTime
            corrected.entities.datetimeIncludesDay = later.includesDay
            return readWish(corrected, text: String(text.dropFirst(later.offset)))
        }
        if let text, let refused = refusedTime(in: text) {
            // "besok direktur ada rapat jam 10", "direktur dinas luar kota sampai jumat": a time the director
            // cannot make, which was held or offered as the wish.
            return offerAvoiding(refused, relayed: text.wordCount >= Self.callReasonWords)
        }
        if let booked = offer.booking, classification.entities.datetimeIncludesTime,
            names(booked, in: text ?? "", classification)
        {
            // The booked call's own time, "kamis jam 10 aja": it stays, where it was said to be full.
            return keepBookedCall()
        }
        let named = Self.partsOfDay(in: text ?? "")
        let morning = named.morning && !named.afternoon
        let afternoon = named.afternoon && !named.morning
        let late = named.late && !classification.entities.datetimeIncludesTime
        if classification.entities.datetime == nil, let text, wishInWords(text) == .anytime, readWishInWords(text) {
            // "yang paling pagi aja" is the earliest slot, not the mornings.
            return
        }
        guard var wished = classification.entities.datetime else {
            // "yang pagi" / "siang aja": the offered days' slots in that part of the day.
            let filtered = offer.freeSlots.filter { Self.fits($0, morning: morning, afternoon: afternoon) }
            if late, !filtered.isEmpty { return offerLatest(of: filtered) }
            return offerSlots(prefix: nil, slots: filtered.isEmpty ? offer.freeSlots : filtered)
        }
        if classification.entities.datetimeIncludesTime, !classification.entities.datetimeIncludesDay,
            dayOfShownSlots == nil, bookableSlot(at: wished, in: offer) == nil, let rows = shownSlots(at: wished)
        {
            // "yang jam 11" under a list of several days: its rows at eleven (or, when it shows none, the free slots
            // at eleven on the days offered), where today's eleven, which the list does not show, was said to be
            // full.
            return rows.count == 1 ? chooseSlot(rows[0]) : offerSlots(prefix: nil, slots: rows)
        }
        if classification.entities.datetimeIncludesTime, !classification.entities.datetimeIncludesDay,
            let shownDay = dayOfShownSlots
        {
            // "jam 10 aja" under Monday's slots is Monday at ten, not today or tomorrow.
            wished = JakartaTime.instant(day: shownDay, second: JakartaTime.local(wished).second)
        } else if classification.entities.datetimeIncludesTime, !classification.entities.datetimeIncludesDay {
            // "jam 11" on a Friday evening is the next working day at eleven, not Saturday's eleven (which a
            // day named, "besok jam 11", still is).
            let (day, second) = JakartaTime.local(wished)
            if (offer.closedDays[day] ?? closureIfUnknown(day)) != nil,
                let next = offer.freeSlots.lazy.map({ JakartaTime.local($0).day }).filter({ $0 > day }).min()
            {
                wished = JakartaTime.instant(day: next, second: second)
            }
        }
        let (day, second) = JakartaTime.local(wished)
        let dayText = CalendarWords.date(day, in: language)
        if let closure = offer.closedDays[day] ?? closureIfUnknown(day) {
            let reason: String
            switch closure {
            case .weekend: reason = t(.verificationClosedWeekend, ["day": CalendarWords.weekday(day, in: language)])
            case .holiday(let name): reason = t(.verificationClosedHoliday, ["date": dayText, "name": name])
            case .noVerifier: reason = t(.verificationClosedDay, ["date": dayText])
            }
            let after = offer.freeSlots.filter { JakartaTime.local($0).day > day }
            if after.isEmpty, JakartaTime.instant(day: day, second: 0) >= offer.horizonEnd {
                // "tanggal 24 desember bisa?", a holiday past the days offered: both are said, with the latest
                // free slots, the ones closest to it.
                return offerSlots(
                    prefix: reason + " " + tooLate(offer),
                    slots: nearest(to: wished, in: offer.freeSlots), lead: t(.verificationNearest))
            }
            return offerSlots(
                prefix: reason, slots: after.isEmpty ? nearest(to: wished, in: offer.freeSlots) : after,
                lead: t(.verificationNearest))
        }
        let includesTime = classification.entities.datetimeIncludesTime
        let minute = second / 60
        if includesTime, minute < offer.windowStartMinute || minute >= offer.windowEndMinute {
            // "jam 14.00" is not inside "10.00–14.00" for the reader: the first or last call's start is said.
            let early = minute < offer.windowStartMinute
            let reason = t(
                early ? .verificationBeforeWindow : .verificationAfterWindow,
                [
                    "time": CalendarWords.clock(minute: minute, in: language),
                    "window": callWindow(offer),
                    "first": CalendarWords.clock(minute: offer.windowStartMinute, in: language),
                    "last": CalendarWords.clock(minute: offer.windowEndMinute - offer.slotMinutes, in: language),
                ])
            // "jam 2": the day's slots closest to 14.00, its last ones, not its first.
            let sameDay = offer.freeSlots.filter { JakartaTime.local($0).day == day }
            return offerSlots(
                prefix: reason,
                slots: sameDay.isEmpty
                    ? nearest(to: wished, in: offer.freeSlots) : nearest(to: wished, in: sameDay, count: 3),
                lead: t(.verificationNearest))
        }
        let dayEnd = JakartaTime.instant(day: day + 1, second: 0)
        if includesTime ? wished < offer.earliest : dayEnd <= offer.earliest {
            return offerSlots(
                prefix: tooSoon(offer),
                slots: offer.freeSlots)
        }
        if JakartaTime.instant(day: day, second: 0) >= offer.horizonEnd {
            return offerSlots(
                prefix: tooLate(offer), slots: nearest(to: wished, in: offer.freeSlots),
                lead: t(.verificationNearest))
        }
        if includesTime {
            if let slot = bookableSlot(at: wished, in: offer) { return chooseSlot(slot) }
            return offerSlots(
                prefix: t(.verificationFull, ["when": CalendarWords.dateAndTime(wished, in: language)]),
                slots: nearest(to: wished, in: offer.freeSlots), lead: t(.verificationNearest))
        }
        let days = [day] + otherDays(in: text ?? "")
        let sameDay = offer.freeSlots.filter {
            days.contains(JakartaTime.local($0).day) && Self.fits($0, morning: morning, afternoon: afternoon)
        }
        if late, !sameDay.isEmpty { return offerLatest(of: sameDay) }
        guard sameDay.isEmpty else { return offerSlots(prefix: nil, slots: sameDay) }
        return offerSlots(
            prefix: t(.verificationDayFull, ["date": dayText]), slots: nearest(to: wished, in: offer.freeSlots),
            lead: t(.verificationNearest))
    }

    /// That calls can be booked until the last day `offer` has a free slot on, and staff asked for a later one.
    func tooLate(_ offer: VerificationOffer) -> String {
        let last = offer.freeSlots.last.map { CalendarWords.date(JakartaTime.local($0).day, in: language) }
        return t(.verificationTooLate, ["last": last ?? ""])
    }

    /// The latest free slots of each day among `slots`, said to be the latest: what comes closest to a wish for
    /// the late afternoon, which no call reaches.
    mutating func offerLatest(of slots: [Date]) {
        guard let offer else { return }
        let byDay = Dictionary(grouping: slots) { JakartaTime.local($0).day }
        let latest = byDay.values.flatMap { $0.sorted().suffix(Self.latestPerDay) }.sorted()
        offerSlots(prefix: t(.verificationLatest, ["window": callWindow(offer)]), slots: latest)
    }

    /// Slots a day offered for a late wish, at most.
    static let latestPerDay = 3

    /// The slot `time` falls in, when it is free or held for the provider; nil otherwise.
    private func bookableSlot(at time: Date, in offer: VerificationOffer) -> Date? {
        let length = TimeInterval(offer.slotMinutes * 60)
        let within = { (slot: Date) in slot <= time && time < slot.addingTimeInterval(length) }
        return offer.freeSlots.first(where: within) ?? offer.hold.flatMap { within($0) ? $0 : nil }
    }

    /// The free slots of the list on screen at `start`'s time of day, on whatever day, or when it shows none the
    /// first free slots at that time on the days offered; nil when there are none.
    private func shownSlots(at start: Date) -> [Date]? {
        guard let offer, case .booking(let booking) = state.step else { return nil }
        let second = JakartaTime.local(start).second
        let length = offer.slotMinutes * 60
        let atThatTime = { (slot: Date) in
            let from = JakartaTime.local(slot).second
            return from <= second && second < from + length
        }
        let bookable = { (slot: Date) in slot > context.now && slot >= offer.earliest && atThatTime(slot) }
        let rows = booking.offered.filter { bookable($0) && bookableSlot(at: $0, in: offer) != nil }
        let free = rows.isEmpty ? Array(offer.freeSlots.filter(bookable).prefix(Self.slotsAtATime)) : rows
        return free.isEmpty ? nil : free
    }

    /// Slots offered for a time of day named without a day, at most.
    static let slotsAtATime = 5

    /// The day of the slots the list on screen offers, when they are all on one day.
    private var dayOfShownSlots: Int? {
        guard case .booking(let booking) = state.step else { return nil }
        let days = Set(booking.offered.map { JakartaTime.local($0).day })
        return days.count == 1 ? days.first : nil
    }

    /// A time the director cannot make, named in a message with no other time: a day, or a day and a time or a
    /// part of the day, in the same part of the message (between commas, "tapi", "soalnya") as a word of `busy`
    /// ("rapat", "dinas", "ga bisa") that no word of `not` comes just before ("ga sibuk"), and with a word of
    /// `busyThrough` ("sampai") every day up to it.
    struct RefusedTime {
        /// The day, as a day number.
        var day: Int
        /// The second of the day named, if a time of day is.
        var second: Int?
        /// The part of the day named without a time: true for the morning, false for the afternoon.
        var morning: Bool?
        /// Whether every day up to `day` is meant ("sampai jumat").
        var through: Bool

        /// Whether only part of `day` is refused.
        var isPartOfADay: Bool { !self.through && (self.second != nil || self.morning != nil) }

        /// Whether `slot` falls on the refused day (or before it, `through`), within an hour of a time named or in
        /// the part of the day named.
        func covers(_ slot: Date) -> Bool {
            let (slotDay, slotSecond) = JakartaTime.local(slot)
            if self.through { return slotDay <= self.day }
            guard slotDay == self.day else { return false }
            if let second = self.second { return abs(slotSecond - second) < 3600 }
            guard let morning = self.morning else { return true }
            return ConversationTurn.fits(slot, morning: morning, afternoon: !morning)
        }
    }

    /// The time `text` says the director cannot make, if it names one and no other.
    func refusedTime(in text: String) -> RefusedTime? {
        let parser = TimeExpressionParser(now: context.now)
        var lowered = " " + text.lowercased() + " "
        for separator in [",", ";", ".", "?", "!", " tapi ", " tp ", " soalnya ", " karena ", " krn ", " but "] {
            lowered = lowered.replacingOccurrences(of: separator, with: "|")
        }
        let timed = lowered.split(separator: "|").compactMap { part in parser.parse(String(part)).map { (part, $0) } }
        guard timed.count == 1, let (part, time) = timed.first else { return nil }
        let words = DialogSettings.spacedWords(String(part))
        let settings = catalogue.settings
        guard let busy = settings.firstMention(in: words, keywordsNamed: "busy") else { return nil }
        // "jumat direktur ga sibuk", "tidak ada rapat": the two words before the busy one say it is not.
        let before = words.prefix(busy).wordsBetweenSpaces.suffix(2).joined(separator: " ")
        guard !settings.mentions(" " + before + " ", keywordsNamed: "not") else { return nil }
        let (day, second) = JakartaTime.local(time.date)
        let through = settings.mentions(words, keywordsNamed: "busyThrough")
        let timeNamed = time.includesTime && !through
        return RefusedTime(
            day: day, second: timeNamed ? second : nil,
            morning: timeNamed || through ? nil : Self.partOfDay(in: String(part)), through: through)
    }

    /// The free slots but those `refused` covers, said to be so: when only part of a day is refused ("kamis pagi
    /// direktur ada rapat"), that day's other slots first. When `refused` does not cover the booked call, the call
    /// stays and is said again with its details (the message reached its ticket when `relayed`).
    mutating func offerAvoiding(_ refused: RefusedTime, relayed: Bool) {
        guard let offer else { return }
        if let start = offer.booking, !refused.covers(start) {
            return leaveCallChoice(of: offer.ticket, saying: bookedCallText(offer, start: start, relayed: relayed))
        }
        let passed = relayed ? t(.ticketAppended, ["ticket": String(offer.ticket)]) : nil
        let free = offer.freeSlots.filter { !refused.covers($0) }
        guard !free.isEmpty else {
            // "direktur cuti sampai tanggal 20", past the last day the calls can be booked.
            let end = JakartaTime.instant(day: refused.day + 1, second: 0)
            return offerSlots(
                prefix: [tooLate(offer), passed].compactMap { $0 }.joined(separator: " "),
                slots: nearest(to: end, in: offer.freeSlots), lead: t(.verificationNearest))
        }
        let lead: String
        if refused.through {
            lead = t(.verificationAfter, ["date": CalendarWords.date(refused.day, in: language)])
        } else if let second = refused.second {
            lead = t(.verificationOtherThan, ["when": when(JakartaTime.instant(day: refused.day, second: second))])
        } else {
            lead = t(.verificationOtherThan, ["when": refusedDayText(refused)])
        }
        let sameDay = free.filter { JakartaTime.local($0).day == refused.day }
        offerSlots(
            prefix: [lead, passed].compactMap { $0 }.joined(separator: " "),
            slots: refused.isPartOfADay && !sameDay.isEmpty ? sameDay : free)
    }

    /// The refused day in words, with its part of the day when one is named: "Kamis, 3 Desember 2026 pagi".
    private func refusedDayText(_ refused: RefusedTime) -> String {
        let date = CalendarWords.date(refused.day, in: language)
        guard let morning = refused.morning else { return date }
        return date + " " + t(morning ? .verificationMorning : .verificationAfternoon)
    }

    /// A time named after one turned down ("ga jadi selasa, rabu aja", "bukan senin tapi kamis jam 10", "rabu
    /// direktur sibuk, kamis bisa"): the first part has a word of `not`, `withdraw` or `busy` and a time, and a
    /// later part, after a comma or "tapi", has another. `offset` is where that part begins in the text, in
    /// characters.
    func wishAfterRefusal(in text: String) -> (date: Date, includesTime: Bool, includesDay: Bool, offset: Int)? {
        let parser = TimeExpressionParser(now: context.now)
        let lowered = text.lowercased()
        let settings = catalogue.settings
        for separator in [",", ";", " tapi ", " tp ", " but "] {
            guard let range = lowered.range(of: separator) else { continue }
            let refused = String(lowered[..<range.lowerBound])
            let rest = String(lowered[range.upperBound...])
            let words = DialogSettings.spacedWords(refused)
            guard
                settings.mentions(words, keywordsNamed: "not") || settings.mentions(words, keywordsNamed: "withdraw")
                    || settings.mentions(words, keywordsNamed: "busy"),
                parser.parse(refused) != nil, let wished = parser.parse(rest)
            else { continue }
            let offset = lowered.distance(from: lowered.startIndex, to: range.upperBound)
            return (wished.date, wished.includesTime, wished.includesDay, offset)
        }
        return nil
    }

    /// The days named after "atau"/"or" in a wish ("rabu atau kamis"): its first day is the parser's.
    private func otherDays(in text: String) -> [Int] {
        let parser = TimeExpressionParser(now: context.now)
        let lowered = text.lowercased()
        return [" atau ", " or ", " / "].flatMap { separator in
            lowered.components(separatedBy: separator).dropFirst().compactMap { part in
                parser.parse(part).map { JakartaTime.local($0.date).day }
            }
        }
    }

    /// A weekend beyond the days the context lists is still closed.
    private func closureIfUnknown(_ day: Int) -> VerificationOffer.DayClosure? {
        LocalDate.isoWeekday(dayNumber: day) > 5 ? .weekend : nil
    }

    private static func fits(_ slot: Date, morning: Bool, afternoon: Bool) -> Bool {
        let minute = JakartaTime.local(slot).second / 60
        if morning && !afternoon { return minute < 12 * 60 }
        if afternoon && !morning { return minute >= 11 * 60 }
        return true
    }

    /// Up to `count` free slots closest to `wished`, in time order.
    func nearest(to wished: Date, in slots: [Date], count: Int = 6) -> [Date] {
        Array(slots.sorted { abs($0.timeIntervalSince(wished)) < abs($1.timeIntervalSince(wished)) }.prefix(count))
            .sorted()
    }

    /// A wish for the call in words the time parser does not read.
    enum WishInWords {
        /// "terserah", "secepatnya", "kapan aja bisa": any time suits ("kapan aja?" asks which times there are).
        case anytime
        /// "minggu depan": next week.
        case nextWeek
        /// "bisa diundur?", "ditunda dulu": the booked call later.
        case later
        /// "bisa dimajukan?", "lebih awal": the booked call earlier.
        case earlier
    }

    /// The wish in words `text` holds, if any; one to move the call later or earlier only while a call is booked.
    func wishInWords(_ text: String) -> WishInWords? {
        let words = DialogSettings.spacedWords(text)
        let settings = catalogue.settings
        if !text.contains("?"), settings.mentions(words, keywordsNamed: "bookingAnytime") { return .anytime }
        if settings.mentions(words, keywordsNamed: "bookingNextWeek") { return .nextWeek }
        return bookedCallMove(in: words)
    }

    /// Which way `words` (spaced) ask the booked call to move: `.later` (`bookingLater`: "diundur"), `.earlier`
    /// (`bookingEarlier`: "dimajukan"), or nil; nil while no call is booked.
    func bookedCallMove(in words: String) -> WishInWords? {
        guard offer?.booking != nil else { return nil }
        if catalogue.settings.mentions(words, keywordsNamed: "bookingLater") { return .later }
        return catalogue.settings.mentions(words, keywordsNamed: "bookingEarlier") ? .earlier : nil
    }

    /// A wish without a time the parser reads: "terserah", "secepatnya" take the earliest free slot (held for
    /// confirmation, as a tap would); "minggu depan" offers next week's slots, said to be from its Monday, after
    /// `prefix`; a booked call asked "diundur" or "dimajukan" offers the slots after it or before it ("bisa
    /// diundur?" was offered the days before the call first). The wishes hold together: "diundur minggu depan,
    /// terserah jam berapa" takes next week's earliest slot. False for anything else.
    mutating func readWishInWords(_ text: String, prefix: String? = nil) -> Bool {
        guard let offer, let wish = wishInWords(text) else { return false }
        let words = DialogSettings.spacedWords(text)
        var slots = offer.freeSlots
        var lead: String?
        if let booked = offer.booking, let move = bookedCallMove(in: words) {
            slots = slots.filter { move == .later ? $0 > booked : $0 < booked }
        }
        if catalogue.settings.mentions(words, keywordsNamed: "bookingNextWeek") {
            let today = JakartaTime.local(context.now).day
            let monday = today + 8 - LocalDate.isoWeekday(dayNumber: today)
            let nextWeek = slots.filter { JakartaTime.local($0).day >= monday }
            // "bisa minggu depan?" on a Saturday gets Monday's slots, as before, but said to be next week's.
            if !nextWeek.isEmpty {
                slots = nextWeek
                lead = t(.verificationNextWeek, ["date": CalendarWords.date(monday, in: language)])
            }
        }
        if slots.isEmpty { (slots, lead) = (offer.freeSlots, nil) }
        if wish == .anytime {
            guard let earliest = slots.first else { return false }
            chooseSlot(earliest)
        } else {
            offerSlots(prefix: prefix, slots: slots, lead: lead)
        }
        return true
    }

    // MARK: Cancelling

    mutating func startCancellingCall(_ offer: VerificationOffer) {
        guard offer.booking != nil else { return say(t(.verificationNoBooking)) }
        if sayTooLateToChange(offer) { return }
        interrupt(with: .cancellingBooking(ticket: offer.ticket))
        promptCurrentStep(prefix: nil)
    }

    // MARK: Events

    mutating func verificationReady(_ ticket: Int) {
        guard let offer, offer.ticket == ticket else { return }
        startBooking(offer, prefix: t(.verificationReady, ["ticket": String(ticket)]))
    }

    /// A reminder of the booked call, with "Hadir", "Ganti jadwal", "Batalkan"; nothing once the call began
    /// (a reminder that fell due while the service was down is sent late only while it is still useful).
    mutating func verificationReminderDue(_ ticket: Int, reminder: VerificationReminder) {
        guard let offer, offer.ticket == ticket, let start = offer.booking, start > context.now else { return }
        let values = [
            "ticket": String(ticket), "when": when(start),
            "minutes": String(Int(start.timeIntervalSince(context.now) / 60)),
            "caller": offer.callerName.text(in: language), "number": offer.callerNumber ?? t(.verificationThisNumber),
            "director": calledDirector(offer),
        ]
        let body = t(reminder == .dayBefore ? .verificationReminderDayBefore : .verificationReminderSoon, values)
        let buttons = [
            ReplyButton(id: ReplyID.callAttend(ticket: ticket).rawValue, title: t(.verificationButtonAttend)),
            ReplyButton(id: ReplyID.callMove(ticket: ticket).rawValue, title: t(.verificationButtonMove)),
            ReplyButton(id: ReplyID.callCancel(ticket: ticket).rawValue, title: t(.verificationButtonCancel)),
        ]
        let day = JakartaTime.local(start).day
        state.remindedCall = ticket
        emit(
            .remind(
                .buttons(body: body, buttons: buttons),
                templateParameters: [CalendarWords.date(day, in: language), CalendarWords.time(start, in: language)]))
    }

    mutating func verificationSlotTaken(_ ticket: Int, start: Date) {
        guard let offer, offer.ticket == ticket else { return }
        if case .booking = state.step {
        } else {
            interrupt(with: .booking(VerificationBooking(ticket: ticket, moving: offer.booking != nil)))
        }
        offerSlots(
            prefix: t(.verificationTaken, ["when": when(start)]),
            slots: nearest(to: start, in: offer.freeSlots.filter { $0 != start }), lead: t(.verificationNearest))
    }

    mutating func verificationChanged(_ ticket: Int, start: Date?, previous: Date?, reason: String?) {
        let values = ["ticket": String(ticket), "reason": reason ?? "-"]
        // Staff booked, moved or cancelled the call while the provider was choosing a time for it or confirming its
        // cancellation: that is no longer the question (a form it interrupted is asked again after the news).
        let choosing: Bool
        switch state.step {
        case .booking(let booking): choosing = booking.ticket == ticket
        case .cancellingBooking(let cancelling): choosing = cancelling == ticket
        default: choosing = false
        }
        defer {
            if choosing {
                state.step = .idle
                finishStep()
            }
        }
        if let start, let offer, offer.ticket == ticket {
            let head =
                previous == nil
                ? t(.verificationBookedByStaff, ["ticket": String(ticket), "when": when(start)])
                : t(.verificationChangedByStaff, values.merging(["when": when(start)]) { $1 })
            say(head + "\n\n" + callDetails(offer, start: start))
        } else {
            say(t(.verificationCancelledByStaff, values))
        }
    }

    mutating func verificationMissed(_ ticket: Int, offerAgain: Bool) {
        let missed = t(.verificationMissed, ["ticket": String(ticket)])
        guard offerAgain, let offer, offer.ticket == ticket else {
            return say(missed + " " + t(.verificationMissedStaff))
        }
        startBooking(offer, prefix: missed)
    }
}
