import Foundation
import Support

/// A helpdesk ticket with the fields of the seeds, its lifecycle state and its SLA bookkeeping.
///
/// Activities and attachments are stored beside it and read separately.
public struct Ticket: Hashable, Sendable {
    public let number: TicketNumber
    public var title: String
    public var description: String
    public var companyName: String?
    public var businessForm: String?
    public var reporterRole: String?
    public var taxOrStaffID: String?
    public var tenderCode: String?
    public var directorPhone: String?
    public var reporterWaID: String
    public var reporterName: String
    public var source: String
    public var type: TicketType?
    public var category: String?
    public var priority: TicketPriority?
    public var applicationVersion: String?
    /// The level the ticket sits at (1 until escalated).
    public var level: StaffLevel
    /// The staff id working it, once taken.
    public var assignee: String?
    public var status: TicketStatus
    public var createdAt: Date
    public var updatedAt: Date
    /// The first staff reply or staff transition.
    public var firstResponseAt: Date?
    public var resolvedAt: Date?
    public var resolvedBy: String?
    public var closedAt: Date?
    /// The reporter's id, or `system` for auto-close.
    public var closedBy: String?
    /// When the SLA target falls due (moves later by the time spent waiting on the reporter).
    public var dueAt: Date
    /// While paused: when the pause began and the working seconds left then (negative once breached).
    public var slaPausedAt: Date?
    public var slaRemainingSeconds: Int?
    /// Set at each resolution: whether it came on time.
    public var resolvedWithinSLA: Bool?
    /// When a resolved ticket closes itself if the reporter does not answer.
    public var autoCloseAt: Date?

    public init(
        number: TicketNumber, draft: TicketDraft, createdAt: Date, dueAt: Date
    ) {
        self.number = number
        self.title = draft.title.trimmingWhitespace()
        self.description = draft.description
        self.companyName = draft.companyName
        self.businessForm = draft.businessForm
        self.reporterRole = draft.reporterRole
        self.taxOrStaffID = draft.taxOrStaffID
        self.tenderCode = draft.tenderCode
        self.directorPhone = draft.directorPhone
        self.reporterWaID = draft.reporterWaID
        self.reporterName = draft.reporterName
        self.source = draft.source
        self.type = draft.type
        self.category = draft.category
        self.priority = nil
        self.applicationVersion = nil
        self.level = .level1
        self.assignee = nil
        self.status = .new
        self.createdAt = createdAt
        self.updatedAt = createdAt
        self.dueAt = dueAt
    }
}
