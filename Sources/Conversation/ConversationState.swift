import Foundation
import Support

/// Everything the conversation remembers about one contact between messages; persisted as JSON per contact.
public struct ConversationState: Equatable, Codable, Sendable {
    public internal(set) var step: ConversationStep
    /// The language the contact chose; nil follows the context's default.
    public internal(set) var language: Language?
    /// When the contact last wrote.
    public internal(set) var lastMessageAt: Date?
    /// Invalid answers to the current question.
    public internal(set) var invalidAnswers: Int
    /// The contact's consent to the current privacy notice, if given.
    public internal(set) var consent: ConsentRecord?
    /// Steps interrupted by staff (feedback, resolution, survey), resumed when that is done; innermost last.
    public internal(set) var suspended: [ConversationStep]
    /// Files sent about an open ticket, waiting for the downloader.
    public internal(set) var ticketUploads: [TicketUpload]
    /// A survey left half-way, resumed on request or by its one reminder.
    public internal(set) var parkedSurvey: SurveyProgress?
    /// Tickets whose survey reminder was already sent.
    public internal(set) var remindedSurveys: [Int]
    /// Set by the inactivity timer: the next message is greeted with "continue / start over".
    public internal(set) var inactive: Bool
    /// The ticket a hand-off to staff opened or joined: until the provider starts something else, what they
    /// write goes to it, whatever it reads like (optional, so states stored before it existed still read).
    public internal(set) var staffTicket: Int?
    /// Files sent before any request was started and while no ticket is open ("kirim berkas dulu"): kept, not
    /// downloaded, until the provider picks a service, whose form then takes them as if sent there (optional,
    /// so states stored before it existed still read).
    public internal(set) var filesBeforeRequest: [IntakeDraft.HeldFile]?
    /// When staff are next available, as the latest note on office hours told the provider: the note is not
    /// repeated on every relayed message until that time changes (optional, so older states still read).
    public internal(set) var afterHoursNoted: Date?
    /// What the provider wrote while only the menu was asked, that no service or answer took ("akun saya masih
    /// belum bisa login"): kept for staff if the provider asks for them next (optional, so older states still
    /// read).
    public internal(set) var messagesBeforeRequest: [ReporterMessage]?
    /// The form the provider cancelled last, restored by "lanjut" / "jangan dibatalin" until another request
    /// starts (optional, so older states still read).
    public internal(set) var cancelledDraft: IntakeDraft?
    /// The ticket whose call reminder was the last thing sent, until the provider's next message: a typed
    /// "siap", "insyaallah hadir" answers it as the *Hadir* button does (optional, so older states still read).
    public internal(set) var remindedCall: Int?
    /// When the provider asked Loket to stop sending what they did not ask for ("stop", "jangan kirim pesan
    /// lagi"): no survey is offered or recalled since, until they allow messages again (optional, so older
    /// states still read).
    public internal(set) var messagesStoppedAt: Date?
    /// The company of the provider's last request that named one, offered by the next form that asks for a
    /// company (optional, so older states still read).
    public internal(set) var knownCompany: KnownCompany?
    /// What the provider wrote after a long pause in a journey, held while they are asked whether to continue or
    /// start over, and answered at that journey's step if they continue (optional, so older states still read).
    public internal(set) var heldAfterPause: HeldMessage?

    public init() {
        self.step = .idle
        self.language = nil
        self.lastMessageAt = nil
        self.invalidAnswers = 0
        self.consent = nil
        self.suspended = []
        self.ticketUploads = []
        self.parkedSurvey = nil
        self.remindedSurveys = []
        self.inactive = false
    }
}
