import Foundation

/// What the runtime must do after a reducer step, in the same transaction as the new state.
public enum Effect: Equatable, Sendable {
    /// Put a message to the contact into the outbox.
    case send(Reply)
    /// Open a ticket; answer with `ConversationEvent.ticketOpened(number:)`.
    case openTicket(TicketRequest)
    /// Append the provider's message to the ticket's activity log (and the staff console).
    case appendToTicket(number: Int, message: ReporterMessage)
    /// Attach a stored document to an open ticket.
    case attachToTicket(number: Int, attachment: TicketAttachment)
    /// Download and check a media object (a job); answer with `documentStored` or `documentRejected`.
    case fetchMedia(MediaFetchRequest)
    /// Record the provider's consent to the privacy notice.
    case recordConsent(ConsentRecord)
    /// Hand the conversation to staff; answer with `ticketOpened(number:)` for the ticket staff will work.
    case handOff(HandOffRequest)
    /// The provider supplied what staff asked for: the ticket goes back to staff's queue.
    case provideFeedback(ticket: Int)
    /// The provider confirmed the resolution ("OK, selesai"): close the ticket.
    case confirmResolution(ticket: Int)
    /// The provider says it is not solved: reopen with their message.
    case reopen(ticket: Int, message: String)
    /// The provider withdraws a ticket staff have not taken yet: cancel it with their message as the reason (or,
    /// should staff have taken it meanwhile, append the message for them).
    case cancelTicket(ticket: Int, message: ReporterMessage)
    case submitSurvey(SurveySubmission)
    /// Deliver the timer's event at the given time (replacing an earlier one of the same timer).
    case schedule(ConversationTimer, at: Date)
    case cancelTimer(ConversationTimer)
    /// Keep the slot for the ticket while the provider confirms; answered with `verificationSlotTaken` when
    /// it is gone.
    case holdVerificationSlot(ticket: Int, start: Date)
    /// Book the held slot (moving an existing booking), and schedule its reminders; answered with
    /// `verificationSlotTaken` when the slot is gone.
    case bookVerification(ticket: Int, start: Date)
    case releaseVerificationHold(ticket: Int)
    /// Cancel the booked call and its reminders.
    case cancelVerification(ticket: Int)
    /// Keep `number` (E.164) as the director's WhatsApp number the ticket's verification call goes to.
    case changeDirectorNumber(ticket: Int, number: String)
    /// Open a request for staff to erase the contact's personal data (UU 27/2022); answered with
    /// `erasureRequested`.
    case requestErasure
    /// Send a reminder; outside the 24-hour window it goes as the configured reminder template with these
    /// body parameters (the date and the time).
    case remind(Reply, templateParameters: [String])
}
