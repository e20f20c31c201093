import Foundation

/// One line of a ticket's "Recent Activity": a transition, a message in either direction, a note.
public struct TicketActivity: Hashable, Sendable {
    /// What happened.
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        case created = "created"
        case taken = "taken"
        case feedbackRequested = "feedback_requested"
        case reporterMessage = "reporter_message"
        case staffReply = "staff_reply"
        case note = "note"
        case level1Answered = "level1_answered"
        case escalated = "escalated"
        case resolved = "resolved"
        case confirmed = "confirmed"
        case reopened = "reopened"
        case autoClosed = "auto_closed"
        case cancelled = "cancelled"
        case attachmentAdded = "attachment_added"
        case documentsComplete = "documents_complete"
        case verificationBooked = "verification_booked"
        case verificationMoved = "verification_moved"
        case verificationCancelled = "verification_cancelled"
        case verificationDone = "verification_done"
        case verificationNoShow = "verification_no_show"
        /// The reporter's WhatsApp number changed; the text names the old and the new number.
        case reporterNumberChanged = "reporter_number_changed"
        /// The director's number for the verification call changed, as the reporter wrote; the text names the
        /// old and the new number.
        case directorNumberChanged = "director_number_changed"
    }

    /// Which way the text went.
    public enum Direction: String, CaseIterable, Hashable, Sendable {
        /// From the reporter to the helpdesk.
        case inbound = "inbound"
        /// From the helpdesk to the reporter (relayed into the chat).
        case outbound = "outbound"
        /// Seen by staff only.
        case `internal` = "internal"
    }

    public let kind: Kind
    public let actor: TicketActor
    public let at: Date
    public let direction: Direction
    public let text: String?

    public init(kind: Kind, actor: TicketActor, at: Date, direction: Direction, text: String? = nil) {
        self.kind = kind
        self.actor = actor
        self.at = at
        self.direction = direction
        self.text = text
    }
}
