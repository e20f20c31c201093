import Foundation

/// The queries on tickets, usable inside or outside a write transaction.
public protocol TicketReading {
    /// The ticket numbered `number` (search by number), or `nil`.
    func ticket(_ number: TicketNumber) throws -> Ticket?
    /// The activity log, oldest first.
    func activities(of number: TicketNumber) throws -> [TicketActivity]
    func attachments(of number: TicketNumber) throws -> [Attachment]
    /// The tickets reported from WhatsApp id `waID`, newest first; a reporter sees only these.
    func tickets(ofContact waID: String, includeClosed: Bool, limit: Int) throws -> [Ticket]
    /// One page of a work queue ordered by due time.
    func queue(_ query: TicketQueueQuery) throws -> TicketQueuePage
    func staffMember(id: String) throws -> StaffMember?
    /// Every staff member, by level then name.
    func staff() throws -> [StaffMember]
    func survey(of number: TicketNumber) throws -> SurveyResponse?
    /// Resolved tickets whose auto-close time has come, oldest first.
    func ticketsDueForAutoClose(at now: Date, limit: Int) throws -> [TicketNumber]
    /// Documents (by SHA-256) whose retention is over: every ticket holding one finished before
    /// `finishedBefore`, or its newest copy arrived before `receivedBefore`; at most `limit`.
    func documentsDueForPurge(finishedBefore: Date, receivedBefore: Date, limit: Int) throws -> [String]
    /// Whether a ticket still keeps the document with this SHA-256 (an attachment not yet purged).
    func isDocumentRetained(_ sha256: String) throws -> Bool
}
