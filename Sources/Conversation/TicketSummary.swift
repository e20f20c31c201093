import Foundation

/// What the conversation may tell a contact about one of their own open tickets.
public struct TicketSummary: Equatable, Sendable {
    public var number: Int
    public var title: String
    /// The state as staff would say it ("Diproses Level 1").
    public var stateText: String
    /// Who the ticket waits on ("petugas", "Anda").
    public var waitingOn: String
    public var due: Date?
    /// Where the ticket's verification call stands when no call can be booked in the chat now; nil when the
    /// ticket needs no call, or when `ConversationContext.verification` offers it.
    public var call: CallStage?
    /// Whether staff have not taken the ticket yet (its state is new).
    public var isNew: Bool

    /// A verification call that cannot be booked in the chat now.
    public enum CallStage: Equatable, Sendable {
        /// The service needs a call; staff have not found the documents complete yet.
        case documentsInReview
        /// The call is held: the director was verified.
        case verified
        /// After repeated no-shows, staff arrange the call themselves.
        case arrangedByStaff
    }

    public init(
        number: Int, title: String, stateText: String, waitingOn: String, due: Date?, call: CallStage? = nil,
        isNew: Bool = false
    ) {
        self.number = number
        self.title = title
        self.stateText = stateText
        self.waitingOn = waitingOn
        self.due = due
        self.call = call
        self.isNew = isNew
    }
}
