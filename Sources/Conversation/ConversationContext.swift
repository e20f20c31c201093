import Foundation
import Support

/// The read-only facts a reducer step may use: time, dialogs, who is writing, their tickets, the survey.
public struct ConversationContext: Sendable {
    public var now: Date
    public var defaultLanguage: Language
    public var catalogue: DialogCatalogue
    /// The contact's `wa_id` (digits, no `+`).
    public var waID: String
    public var profileName: String?
    /// The contact's own open tickets, newest first.
    public var openTickets: [TicketSummary]
    public var survey: SurveyDefinition?
    /// When helpdesk staff next work, if not now (outside office hours, weekends and holidays): a provider
    /// handed to staff is told when to expect an answer.
    public var staffAvailableFrom: Date?
    /// The contact's verification call, when one of their tickets is ready for it (documents complete).
    public var verification: VerificationOffer?
    /// What Loket holds about the contact (for "data saya apa saja?").
    public var personalData = PersonalDataSummary()

    public init(
        now: Date, defaultLanguage: Language = .indonesian, catalogue: DialogCatalogue, waID: String,
        profileName: String? = nil, openTickets: [TicketSummary] = [], survey: SurveyDefinition? = nil,
        staffAvailableFrom: Date? = nil
    ) {
        self.now = now
        self.defaultLanguage = defaultLanguage
        self.catalogue = catalogue
        self.waID = waID
        self.profileName = profileName
        self.openTickets = openTickets
        self.survey = survey
        self.staffAvailableFrom = staffAvailableFrom
    }
}
