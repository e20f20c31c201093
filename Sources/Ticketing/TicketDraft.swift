import Foundation
import Support

/// What the intake conversation collected, ready to become a ticket.
public struct TicketDraft: Hashable, Sendable {
    /// The service from the catalogue; becomes the title (at most 100 characters).
    public var title: String
    public var description: String
    public var companyName: String?
    /// PT, CV, perorangan, foreign, ... as the catalogue names it.
    public var businessForm: String?
    /// penyedia, ppk, pp or pokja.
    public var reporterRole: String?
    /// NPWP for providers, NIP for officials.
    public var taxOrStaffID: String?
    public var tenderCode: String?
    /// The director's WhatsApp number in E.164 (`+628…`).
    public var directorPhone: String?
    public var reporterWaID: String
    public var reporterName: String
    /// Where the ticket came from (`whatsapp`, `console`, ...).
    public var source: String
    public var type: TicketType?
    public var category: String?

    public init(
        title: String, description: String, companyName: String? = nil, businessForm: String? = nil,
        reporterRole: String? = nil, taxOrStaffID: String? = nil, tenderCode: String? = nil,
        directorPhone: String? = nil, reporterWaID: String, reporterName: String, source: String = "whatsapp",
        type: TicketType? = nil, category: String? = nil
    ) {
        self.title = title
        self.description = description
        self.companyName = companyName
        self.businessForm = businessForm
        self.reporterRole = reporterRole
        self.taxOrStaffID = taxOrStaffID
        self.tenderCode = tenderCode
        self.directorPhone = directorPhone
        self.reporterWaID = reporterWaID
        self.reporterName = reporterName
        self.source = source
        self.type = type
        self.category = category
    }

    /// Checks what a ticket cannot be opened without.
    public func validate() throws(TicketError) {
        let title = self.title.trimmingWhitespace()
        guard !title.isEmpty else { throw TicketError.invalidDraft("the title (service) is empty") }
        guard title.count <= 100 else { throw TicketError.invalidDraft("the title is longer than 100 characters") }
        guard !self.reporterWaID.isEmpty else { throw TicketError.invalidDraft("the reporter's wa_id is empty") }
        if let phone = self.directorPhone, !(phone.hasPrefix("+") && phone.dropFirst().allSatisfy(\.isNumber)) {
            throw TicketError.invalidDraft("the director's number \(phone) is not in E.164 form (+62…)")
        }
    }
}
