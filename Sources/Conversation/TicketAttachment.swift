/// A document attached to a ticket request, with the requirement it satisfies.
public struct TicketAttachment: Equatable, Codable, Sendable {
    /// The requirement id from the catalogue (e.g. `ktp_direktur`); nil for a file sent later about a ticket.
    public var requirementID: String?
    /// The requirement's Indonesian title, for the staff console.
    public var requirementTitle: String?
    public var document: StoredDocument

    public init(requirementID: String?, requirementTitle: String?, document: StoredDocument) {
        self.requirementID = requirementID
        self.requirementTitle = requirementTitle
        self.document = document
    }
}
