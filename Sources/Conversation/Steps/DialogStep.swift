import Intents

/// What one step of the journey does with everything that can happen while the contact is in it.
///
/// Each step is one file in `Steps/` holding its question, options, answers, "back" and "batal"; the reducer's shared
/// rules (commands, interruptions, files, events) ask the current step through `ConversationStep.behaviour`.
/// A new step is a new file here plus its case in `ConversationStep`.
protocol DialogStep {
    /// Whether the contact is in the middle of a journey here: staff interruptions keep the step to resume,
    /// a long pause offers to continue it, and "batal" says it was cancelled.
    var isJourney: Bool { get }

    /// The open ticket the step is about, told to staff on a hand-off.
    var ticket: Int? { get }

    /// Whether the step takes free text, where only exact keywords act as commands.
    func expectsFreeText(in turn: ConversationTurn) -> Bool

    /// The choices offered, in the order typed numbers pick them.
    func options(in turn: ConversationTurn) -> [ChoiceOption]

    /// Asks the step's question (again), after `prefix` when one is given.
    func prompt(prefix: String?, in turn: inout ConversationTurn)

    /// A tapped button or list row, or a typed number or title naming one.
    func choose(_ reply: ReplyID, messageID: String, in turn: inout ConversationTurn)

    /// Free text that is neither a command nor an option.
    func answer(_ text: String, classification: Classification, messageID: String, in turn: inout ConversationTurn)

    /// Whether `text` answers this step's question in its own words ("selesai" at the checklist, "ya" to a
    /// yes/no question), before any global command is read into it.
    func claims(_ text: String, classification: Classification, in turn: ConversationTurn) -> Bool

    /// "kembali": one question back.
    func back(in turn: inout ConversationTurn)

    /// "batal" (its words in `text`, when typed): leaves the step for the menu, saying what became of what was
    /// going on.
    func cancel(_ text: String?, in turn: inout ConversationTurn)

    /// Where the contact was, in a few words, for the "welcome back" message.
    func whereText(in turn: ConversationTurn) -> String

    /// A ticket was opened for this contact.
    func ticketOpened(_ number: Int, in turn: inout ConversationTurn)

    /// A photo or screenshot arrived as an image message, or a video (a screen recording) as a video message:
    /// `mimeType` tells which.
    func pictureReceived(_ file: TicketFile, mimeType: String, in turn: inout ConversationTurn)
}

extension DialogStep {
    var ticket: Int? { nil }

    func expectsFreeText(in turn: ConversationTurn) -> Bool { false }

    func options(in turn: ConversationTurn) -> [ChoiceOption] { [] }

    func claims(_ text: String, classification: Classification, in turn: ConversationTurn) -> Bool { false }

    /// A tap on an option this step does not offer (an old message): say so and ask again.
    func choose(_ reply: ReplyID, messageID: String, in turn: inout ConversationTurn) {
        turn.say(turn.t(.choiceExpired))
        if turn.inProgress { turn.promptCurrentStep(prefix: nil) } else { turn.showMenu(prefix: nil) }
    }

    /// Text where only a choice is expected.
    func answer(_ text: String, classification: Classification, messageID: String, in turn: inout ConversationTurn) {
        turn.invalid(turn.t(.invalidChoice, ["count": String(self.options(in: turn).count)]))
    }

    /// Nothing to go back to: the menu.
    func back(in turn: inout ConversationTurn) {
        turn.leaveCurrentStep()
        turn.showMenu(prefix: nil)
    }

    /// Nothing going on: the menu. A step about a ticket (staff's question, "is it solved?", why reopen) leaves
    /// the ticket as it is, and says so; another (which ticket, the erasure's confirmation) just goes back.
    func cancel(_ text: String?, in turn: inout ConversationTurn) {
        var prefix: String?
        if self.isJourney {
            prefix =
                self.ticket.map { turn.t(.cancelledTicketUnchanged, ["ticket": String($0)]) } ?? turn.t(.cancelledStep)
        }
        turn.leaveCurrentStep()
        turn.showMenu(prefix: prefix)
    }

    func whereText(in turn: ConversationTurn) -> String { turn.t(.whereMenu) }

    func ticketOpened(_ number: Int, in turn: inout ConversationTurn) {
        turn.say(turn.t(.ticketOpenedLater, ["ticket": String(number)]))
    }

    /// Outside a form, a photo goes to the provider's open ticket (a screenshot of a problem); without one,
    /// Loket says what it takes.
    func pictureReceived(_ file: TicketFile, mimeType: String, in turn: inout ConversationTurn) {
        guard turn.context.openTickets.isEmpty else { return turn.fileForTicket(file) }
        // A screenshot or a screen recording of the problem before the words about it: kept for the request
        // chosen next.
        let video = FileKind.accepts(mimeType, in: [.video])
        let held = IntakeDraft.HeldFile(file: file, caption: file.caption, isPhoto: true)
        guard turn.keepBeforeRequest(held, name: turn.opening(video ? .documentsVideoName : .documentsPhotoName)) else {
            return turn.cannotRead(video ? .unsupportedVideo : .unsupportedImage)
        }
    }
}

extension ConversationStep {
    /// The step's behaviour, holding the step's data.
    var behaviour: any DialogStep {
        switch self {
        case .idle: IdleStep()
        case .menu: MenuStep()
        case .faq: FAQStep()
        case .intake(let draft): IntakeStep(draft: draft)
        case .handingOff(let pending): HandingOffStep(pending: pending)
        case .choosingTicket(let pending): ChoosingTicketStep(pending: pending)
        case .feedback(let ticket, let request): FeedbackStep(ticketNumber: ticket, request: request)
        case .confirmingResolution(let ticket): ConfirmingResolutionStep(ticketNumber: ticket)
        case .reopenReason(let ticket): ReopenReasonStep(ticketNumber: ticket)
        case .survey(let progress): SurveyStep(progress: progress)
        case .resumeOffer(let previous): ResumeOfferStep(previous: previous)
        case .booking(let booking): BookingStep(booking: booking)
        case .cancellingBooking(let ticket): CancellingBookingStep(ticketNumber: ticket)
        case .confirmingErasure: ConfirmingErasureStep()
        }
    }
}
