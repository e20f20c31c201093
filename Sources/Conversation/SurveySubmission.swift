/// A completed satisfaction survey for one ticket.
public struct SurveySubmission: Equatable, Codable, Sendable {
    public var ticket: Int
    public var surveyVersion: Int
    /// Answer 1–4 by question id, in question order.
    public var answers: [SurveyAnswer]
    public var comment: String?

    public init(ticket: Int, surveyVersion: Int, answers: [SurveyAnswer], comment: String?) {
        self.ticket = ticket
        self.surveyVersion = surveyVersion
        self.answers = answers
        self.comment = comment
    }
}
