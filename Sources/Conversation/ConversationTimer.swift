/// A timer the runtime keeps per contact and delivers back as an event.
public enum ConversationTimer: Equatable, Hashable, Codable, Sendable {
    /// Delivered as `ConversationEvent.inactivityTimeout`.
    case inactivity
    /// Delivered as `ConversationEvent.surveyReminderDue(ticket:)`.
    case surveyReminder(ticket: Int)
    /// Delivered as `ConversationEvent.verificationReminderDue(ticket:reminder:)`.
    case verificationReminder(ticket: Int, reminder: VerificationReminder)
}
