/// Where in the journey a contact is; data only where it is valid.
public indirect enum ConversationStep: Equatable, Codable, Sendable {
    /// Nothing asked; the next message is read fresh.
    case idle
    /// The main menu was shown.
    case menu
    /// The FAQ list was shown.
    case faq
    /// Filling a service's form.
    case intake(IntakeDraft)
    /// Waiting for the ticket staff will work after a hand-off; messages meanwhile are kept.
    case handingOff(pending: [ReporterMessage])
    /// The contact wrote or sent a file and has several open tickets: which one is it about?
    case choosingTicket(pending: TicketBoundItem)
    /// Staff asked for more on a ticket; answers and files go to it until the contact is done.
    case feedback(ticket: Int, request: String)
    /// Staff resolved a ticket: "OK, selesai" or "Belum"?
    case confirmingResolution(ticket: Int)
    /// The contact said "Belum": what is still wrong?
    case reopenReason(ticket: Int)
    /// Answering the satisfaction survey.
    case survey(SurveyProgress)
    /// Back after a long pause: continue the previous step or start over?
    case resumeOffer(previous: ConversationStep)
    /// Choosing (or moving) the verification call's slot, then confirming the one held.
    case booking(VerificationBooking)
    /// "Batalkan jadwal": confirming the cancellation of the booked call.
    case cancellingBooking(ticket: Int)
    /// "hapus data saya": confirming the erasure request.
    case confirmingErasure
}

extension ConversationStep {
    /// Whether nothing is being asked but which request: a file sent now is kept for the request the provider is
    /// about to choose, and a message naming a service starts it.
    var awaitsRequest: Bool {
        switch self {
        case .idle, .menu, .faq: true
        default: false
        }
    }

    /// Whether the call's time is being chosen.
    var isBooking: Bool {
        if case .booking = self { return true }
        return false
    }
}
