import Foundation
import Intents
import Support

/// Choosing the verification call's slot (from the list or in words), then confirming the one held.
struct BookingStep: DialogStep {
    let booking: VerificationBooking

    var isJourney: Bool { true }

    var ticket: Int? { self.booking.ticket }

    func options(in turn: ConversationTurn) -> [ChoiceOption] {
        if self.booking.chosen != nil {
            return [
                ChoiceOption(.slotConfirm, title: turn.t(.verificationButtonConfirm)),
                ChoiceOption(.slotOther, title: turn.t(.verificationButtonOther)),
            ]
        }
        var options = self.booking.offered.map {
            ChoiceOption(.slot(Int($0.timeIntervalSince1970)), title: turn.slotTitle($0))
        }
        if self.booking.offersLater { options.append(ChoiceOption(.slotLater, title: turn.t(.verificationLaterRow))) }
        return options
    }

    /// A time, a day or a part of the day answers "when?"; "ya"/"oke" confirms the held slot.
    func claims(_ text: String, classification: Classification, in turn: ConversationTurn) -> Bool {
        if self.booking.chosen != nil {
            return (classification.intent == .affirm || classification.intent == .deny) && text.count <= 20
                || classification.entities.datetime != nil
        }
        return classification.entities.datetime != nil || ConversationTurn.partOfDay(in: text) != nil
            || turn.wishInWords(text) != nil
    }

    func prompt(prefix: String?, in turn: inout ConversationTurn) {
        guard let offer = turn.offer else { return turn.finishStep() }
        guard let chosen = self.booking.chosen else {
            return turn.offerSlots(
                prefix: prefix, slots: self.booking.offered.isEmpty ? offer.freeSlots : self.booking.offered)
        }
        let lead = prefix.map { $0 + "\n\n" } ?? ""
        // Each choice (re)starts the hold, also when another slot is still held from the previous one.
        turn.ask(
            lead + turn.t(.verificationConfirm, ["when": turn.when(chosen), "minutes": String(offer.holdMinutes)]),
            options: self.options(in: turn))
    }

    func choose(_ reply: ReplyID, messageID: String, in turn: inout ConversationTurn) {
        guard let offer = turn.offer else { return turn.finishStep() }
        switch reply {
        case .slot(let seconds):
            turn.chooseSlot(Date(timeIntervalSince1970: TimeInterval(seconds)))
        case .slotLater:
            let from = self.booking.laterFrom ?? 0
            turn.offerSlots(prefix: nil, slots: offer.freeSlots.filter { JakartaTime.local($0).day >= from })
        case .slotConfirm where self.booking.chosen != nil:
            turn.confirmSlot()
        case .slotOther:
            turn.offerSlots(prefix: nil, slots: offer.freeSlots.filter { $0 != self.booking.chosen })
        default:
            turn.say(turn.t(.choiceExpired))
            self.prompt(prefix: nil, in: &turn)
        }
    }

    func answer(_ text: String, classification: Classification, messageID: String, in turn: inout ConversationTurn) {
        // What says more than a time ("direktur lagi di luar negeri sampai akhir bulan, bisa tgl 28?") also
        // reaches the ticket, as a message about the call does outside this dialog.
        let relayed = text.wordCount >= ConversationTurn.callReasonWords
        if relayed {
            turn.emit(
                .appendToTicket(number: self.booking.ticket, message: ReporterMessage(messageID: messageID, text: text))
            )
        }
        if !self.booking.moving, turn.postponesChoice(text, classification: classification) {
            return turn.postponeChoice(of: self.booking.ticket)
        }
        if self.booking.moving,
            turn.keepsBookedCall(text, classification: classification)
                || self.booking.chosen == nil && classification.intent == .affirm
                    && classification.entities.datetime == nil
        {
            // "tetap yg senin aja", "ga jadi ganti", or a bare "ok" to the new times: the booked call stays.
            return turn.keepBookedCall()
        }
        if self.booking.chosen != nil, classification.entities.datetime == nil {
            if classification.intent == .affirm { return turn.confirmSlot() }
            if classification.intent == .deny { return self.choose(.slotOther, messageID: messageID, in: &turn) }
            guard relayed else { return turn.invalid(turn.t(.invalidChoice, ["count": "2"])) }
            return self.askAgainAfterRelaying(in: &turn)
        }
        if classification.entities.datetime != nil || ConversationTurn.partOfDay(in: text) != nil {
            return turn.readWish(classification, text: text)
        }
        if let offer = turn.offer, turn.asksHowTheCallGoes(text, classification: classification) {
            // "nanti yang telpon siapa?": how the call goes, then the slots again; not a time misunderstood.
            let lead = [turn.callHowItGoes(offer), relayed ? turn.callMessageRelayed(self.booking.ticket) : nil]
            return turn.promptCurrentStep(prefix: lead.compactMap { $0 }.joined(separator: "\n\n"))
        }
        if turn.readWishInWords(text, prefix: relayed ? turn.callMessageRelayed(self.booking.ticket) : nil) { return }
        if let offer = turn.offer,
            classification.intent == .deny
                || turn.catalogue.settings.mentions(text: text, keywordsNamed: "cannotAttend")
        {
            // "ga bisa semua min", "direktur tidak bisa hadir": none of the times suits; which would, is asked, with
            // no wrong answer counted (the latter got "Maaf, waktunya belum saya pahami").
            return turn.promptCurrentStep(prefix: turn.t(.verificationNoneFits, ["window": turn.callWindow(offer)]))
        }
        guard relayed else { return turn.invalid(turn.t(.verificationInvalidWish)) }
        self.askAgainAfterRelaying(in: &turn)
    }

    /// A message for staff without an answer in it is nothing wrong: it is said to be passed on and the question
    /// asked again, without counting it as a wrong answer.
    private func askAgainAfterRelaying(in turn: inout ConversationTurn) {
        turn.promptCurrentStep(prefix: turn.callMessageRelayed(self.booking.ticket))
    }

    func back(in turn: inout ConversationTurn) {
        guard self.booking.chosen != nil, let offer = turn.offer else {
            turn.leaveCurrentStep()
            return turn.showMenu(prefix: nil)
        }
        turn.offerSlots(prefix: nil, slots: offer.freeSlots)
    }

    func cancel(_ text: String?, in turn: inout ConversationTurn) { turn.leaveCallChoice(of: self.booking.ticket) }

    func whereText(in turn: ConversationTurn) -> String { turn.t(.whereVerification) }
}

/// "Batalkan jadwal": confirming the cancellation of the booked call.
struct CancellingBookingStep: DialogStep {
    let ticketNumber: Int

    var isJourney: Bool { true }

    var ticket: Int? { self.ticketNumber }

    func options(in turn: ConversationTurn) -> [ChoiceOption] {
        [
            ChoiceOption(.cancelCallYes, title: turn.t(.verificationButtonCancelYes)),
            ChoiceOption(.cancelCallNo, title: turn.t(.verificationButtonCancelNo)),
        ]
    }

    func claims(_ text: String, classification: Classification, in turn: ConversationTurn) -> Bool {
        (classification.intent == .affirm || classification.intent == .deny) && text.count <= 20
    }

    func prompt(prefix: String?, in turn: inout ConversationTurn) {
        guard let start = turn.offer?.booking else { return turn.finishStep() }
        let lead = prefix.map { $0 + "\n\n" } ?? ""
        turn.ask(
            lead
                + turn.t(.verificationCancelQuestion, ["ticket": String(self.ticketNumber), "when": turn.when(start)]),
            options: self.options(in: turn))
    }

    func choose(_ reply: ReplyID, messageID: String, in turn: inout ConversationTurn) {
        switch reply {
        case .cancelCallYes:
            turn.emit(.cancelVerification(ticket: self.ticketNumber))
            turn.say(turn.t(.verificationCancelled, ["ticket": String(self.ticketNumber)]))
            turn.finishStep()
        case .cancelCallNo:
            self.keepCall(in: &turn)
        default:
            turn.say(turn.t(.choiceExpired))
            self.prompt(prefix: nil, in: &turn)
        }
    }

    func answer(_ text: String, classification: Classification, messageID: String, in turn: inout ConversationTurn) {
        if classification.intent == .affirm { return self.choose(.cancelCallYes, messageID: messageID, in: &turn) }
        if classification.intent == .deny { return self.choose(.cancelCallNo, messageID: messageID, in: &turn) }
        turn.invalid(turn.t(.invalidChoice, ["count": "2"]))
    }

    /// "batal" where the cancellation is asked, typed as a command: "Tidak", the call stays.
    func cancel(_ text: String?, in turn: inout ConversationTurn) { self.keepCall(in: &turn) }

    private func keepCall(in turn: inout ConversationTurn) {
        if let start = turn.offer?.booking { turn.say(turn.t(.verificationKept, ["when": turn.when(start)])) }
        turn.finishStep()
    }

    func whereText(in turn: ConversationTurn) -> String { turn.t(.whereVerificationCancel) }
}
