import Foundation

/// The ticket operations of one open transaction; everything done through it commits or rolls back together
/// with whatever else the transaction's owner does.
public protocol TicketTransaction: TicketReading {
    /// Opens a ticket from the intake draft with the next number.
    func open(_ draft: TicketDraft, at now: Date) throws -> TicketTransition
    /// Applies a lifecycle action (take, ask feedback, escalate, resolve, reply, note, confirm, reopen, cancel, ...).
    @discardableResult
    func apply(_ action: TicketAction, to number: TicketNumber, by actor: TicketActor, at now: Date) throws
        -> TicketTransition
    /// Records an attachment's metadata and an activity line.
    func addAttachment(_ attachment: Attachment, to number: TicketNumber) throws
    /// Stores the survey of a closed ticket (one per ticket).
    func submitSurvey(_ response: SurveyResponse) throws
    /// Creates or updates a staff member.
    func saveStaff(_ member: StaffMember) throws
    /// Closes every resolved ticket whose auto-close time has come (at most `limit`).
    @discardableResult
    func autoCloseDue(at now: Date, limit: Int) throws -> [TicketTransition]
    /// Records that the files of these documents were deleted (their metadata stays in the activity log).
    func markDocumentsPurged(_ sha256: [String], at now: Date) throws
}
