import Intents
import Support

/// Everything collected for a new ticket; the runtime maps it onto the ticket domain.
public struct TicketRequest: Equatable, Codable, Sendable {
    public var serviceID: String
    /// The ticket title: the service's Indonesian title from the catalogue.
    public var title: String
    /// "Permintaan Layanan", "Permasalahan" or "Gangguan".
    public var type: String
    public var description: String
    public var companyName: String?
    public var businessForm: BusinessForm?
    /// E.164 (`+62…`).
    public var directorPhone: String?
    public var npwp: String?
    public var nip: String?
    public var kodeTender: String?
    /// Every answer by field id, for fields without a dedicated property.
    public var answers: [String: String]
    public var reporterWaID: String
    public var reporterName: String?
    public var consent: ConsentRecord?
    public var attachments: [TicketAttachment]
    public var language: Language

    public init(
        serviceID: String, title: String, type: String, description: String, companyName: String? = nil,
        businessForm: BusinessForm? = nil, directorPhone: String? = nil, npwp: String? = nil, nip: String? = nil,
        kodeTender: String? = nil, answers: [String: String] = [:], reporterWaID: String, reporterName: String? = nil,
        consent: ConsentRecord? = nil, attachments: [TicketAttachment] = [], language: Language = .indonesian
    ) {
        self.serviceID = serviceID
        self.title = title
        self.type = type
        self.description = description
        self.companyName = companyName
        self.businessForm = businessForm
        self.directorPhone = directorPhone
        self.npwp = npwp
        self.nip = nip
        self.kodeTender = kodeTender
        self.answers = answers
        self.reporterWaID = reporterWaID
        self.reporterName = reporterName
        self.consent = consent
        self.attachments = attachments
        self.language = language
    }
}
