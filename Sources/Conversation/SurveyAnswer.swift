/// One survey answer.
public struct SurveyAnswer: Equatable, Codable, Sendable {
    public var questionID: String
    public var value: Int

    public init(questionID: String, value: Int) {
        self.questionID = questionID
        self.value = value
    }
}
