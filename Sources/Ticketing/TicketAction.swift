/// Something a reporter, staff member or the system does to a ticket.
public enum TicketAction: Hashable, Sendable, CustomStringConvertible {
    /// Level 1 takes a new ticket after classifying it; cannot be undone.
    case take(TicketClassification)
    /// Staff ask the reporter (or Level 2 asks Level 1) for feedback.
    case askFeedback(from: FeedbackTarget, text: String)
    /// Level 1 answers Level 2's question.
    case answerLevel2(text: String)
    /// Level 1 hands the ticket to Level 2.
    case escalate(text: String?)
    /// Staff resolve the ticket and tell the reporter.
    case resolve(text: String)
    /// The reporter confirms the resolution ("OK, selesai").
    case confirm
    /// The reporter says it is not done ("Belum").
    case reopen(text: String)
    /// The reporter withdraws the ticket before it is taken.
    case cancel(reason: String?)
    /// The system closes a resolved ticket nobody answered.
    case autoClose
    /// A message from the reporter on an open ticket.
    case reporterMessage(text: String)
    /// A staff reply relayed to the reporter.
    case staffReply(text: String)
    /// A note seen by staff only.
    case note(text: String)

    /// The action's stable name for errors and logs.
    public var name: String {
        switch self {
        case .take: "take"
        case .askFeedback(.reporter, _): "ask_feedback_from_reporter"
        case .askFeedback(.level1, _): "ask_feedback_from_level1"
        case .answerLevel2: "answer_level2"
        case .escalate: "escalate"
        case .resolve: "resolve"
        case .confirm: "confirm"
        case .reopen: "reopen"
        case .cancel: "cancel"
        case .autoClose: "auto_close"
        case .reporterMessage: "reporter_message"
        case .staffReply: "staff_reply"
        case .note: "note"
        }
    }

    public var description: String { self.name }
}
