import Foundation

/// Something that happened to a conversation: a chat message, a result of an effect, a staff action or a timer.
public enum ConversationEvent: Equatable, Sendable {
    case messageReceived(InboundChatMessage)
    /// The downloader stored the media of a `fetchMedia` effect.
    case documentStored(mediaID: String, document: StoredDocument)
    /// The downloader refused the media of a `fetchMedia` effect.
    case documentRejected(mediaID: String, reason: DocumentRejection)
    case staffReplied(ticket: Int, text: String)
    /// Staff sent the provider a file (a form to fill in, a screenshot of the steps), with what they wrote.
    case staffSentFile(ticket: Int, document: StoredDocument, caption: String?)
    case staffRequestedFeedback(ticket: Int, text: String)
    case ticketResolved(ticket: Int, note: String)
    case ticketClosed(ticket: Int)
    /// The result of `openTicket` or `handOff`.
    case ticketOpened(number: Int)
    case inactivityTimeout
    case surveyReminderDue(ticket: Int)
    /// Staff found the ticket's documents complete: offer the verification call's slots.
    case verificationReady(ticket: Int)
    /// A reminder of the booked call is due (the contact's booking is in the context).
    case verificationReminderDue(ticket: Int, reminder: VerificationReminder)
    /// A hold or booking the conversation asked for could not be made: the slot was taken meanwhile.
    case verificationSlotTaken(ticket: Int, start: Date)
    /// Staff booked the call at `start` (moved it there from `previous`), or cancelled it (`start` nil), saying why.
    case verificationChanged(ticket: Int, start: Date?, previous: Date?, reason: String?)
    /// The erasure request was opened as a ticket for staff, to be answered by `deadline`.
    case erasureRequested(ticket: Int, deadline: Date)
    /// The provider missed the call; `offerAgain` when new slots may be offered (else staff follow up).
    case verificationMissed(ticket: Int, offerAgain: Bool)
}
