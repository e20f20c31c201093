/// A survey being answered: the answers so far, in question order.
public struct SurveyProgress: Equatable, Codable, Sendable {
    public var ticket: Int
    public var answers: [SurveyAnswer]
    /// All questions answered; asking for the comment.
    public var askingComment: Bool
    /// What the provider wrote beside an answer given in words ("mantap, pelayanannya cepat"): it goes into
    /// the survey's comment.
    public var remarks: [String]?

    public init(ticket: Int) {
        self.ticket = ticket
        self.answers = []
        self.askingComment = false
    }
}
