/// Something that happened to a conversation: a chat message, a result of an effect, a staff action or a timer.
public enum ConversationEvent: Equatable, Sendable {
    case messageReceived(InboundChatMessage)
    /// The downloader stored the media of a `fetchMedia` effect.
    case documentStored(mediaID: String, document: StoredDocument)
    /// The downloader refused the media of a `fetchMedia` effect.
    case documentRejected(mediaID: String, reason: DocumentRejection)
    case staffReplied(ticket: Int, text: String)
    case staffRequestedFeedback(ticket: Int, text: String)
    case ticketResolved(ticket: Int, note: String)
    case ticketClosed(ticket: Int)
    /// The result of `openTicket` or `handOff`.
    case ticketOpened(number: Int)
    case inactivityTimeout
    case surveyReminderDue(ticket: Int)
}
