import Foundation

/// One reporter's evaluation of a closed ticket: answers 1–4 by question id and an optional comment.
public struct SurveyResponse: Hashable, Sendable {
    public let ticket: TicketNumber
    public let answers: [String: Int]
    public let comment: String?
    public let submittedAt: Date

    public init(ticket: TicketNumber, answers: [String: Int], comment: String?, submittedAt: Date) {
        self.ticket = ticket
        self.answers = answers
        self.comment = comment
        self.submittedAt = submittedAt
    }
}
