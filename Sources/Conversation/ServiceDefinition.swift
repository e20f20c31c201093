import Intents
import Support

/// A service of the catalogue: the ticket it opens, the form it asks and the documents it requires.
public struct ServiceDefinition: Equatable, Sendable {
    public var id: String
    /// The ticket title (Indonesian is the one stored).
    public var title: LocalizedText
    /// The menu row title (≤ 24) and description (≤ 72).
    public var menuTitle: LocalizedText
    public var menuDescription: LocalizedText
    /// "Permintaan Layanan", "Permasalahan" or "Gangguan".
    public var type: String
    public var fields: [FormField]
    /// Documents every applicant sends.
    public var documentsForAll: [DocumentRequirement]
    /// Documents by the group of the applicant's business form.
    public var documentsByGroup: [DocumentGroup: [DocumentRequirement]]
    /// "Permohonan … atas nama {company} …": placeholders are field ids.
    public var descriptionTemplate: LocalizedText
    /// Whether the director is verified by a video call once staff find the documents complete.
    public var verificationCall: Bool

    public init(
        id: String, title: LocalizedText, menuTitle: LocalizedText, menuDescription: LocalizedText, type: String,
        fields: [FormField], documentsForAll: [DocumentRequirement] = [],
        documentsByGroup: [DocumentGroup: [DocumentRequirement]] = [:], descriptionTemplate: LocalizedText,
        verificationCall: Bool = false
    ) {
        self.id = id
        self.title = title
        self.menuTitle = menuTitle
        self.menuDescription = menuDescription
        self.type = type
        self.fields = fields
        self.documentsForAll = documentsForAll
        self.documentsByGroup = documentsByGroup
        self.descriptionTemplate = descriptionTemplate
        self.verificationCall = verificationCall
    }

    /// The documents an applicant of `form` must send (only the common ones while the form is unknown).
    public func requiredDocuments(for form: BusinessForm?) -> [DocumentRequirement] {
        guard let form else { return documentsForAll }
        return documentsForAll + (documentsByGroup[form.documentGroup] ?? [])
    }

    /// Every document the service may ask for: those for all, then each group's, in the groups' order.
    public var allDocuments: [DocumentRequirement] {
        documentsForAll + DocumentGroup.allCases.flatMap { documentsByGroup[$0] ?? [] }
    }

    /// Whether the description is one answer under a label ("Pengaduan: {complaint}"): the summary, which shows
    /// the answer, then does not show it again as the description.
    public var describesOneAnswer: Bool {
        self.descriptionTemplate.indonesian.split(separator: "{", omittingEmptySubsequences: false).count == 2
    }

    /// Whether this service asks for any document at all.
    public var asksForDocuments: Bool {
        !documentsForAll.isEmpty || documentsByGroup.values.contains { !$0.isEmpty }
    }

    /// The question that asks for the company's name, nil when the form asks for none (a tender problem, a
    /// question): a company the provider names there is then kept apart (`IntakeDraft.namedCompany`).
    public var companyField: FormField? { fields.first { $0.validator == .companyName } }
}
