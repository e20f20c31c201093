import Foundation
import Support

extension SurveyDefinition {
    /// Checks a response against the definition: known questions, answers 1–4, at least one answer, and a
    /// comment when any answer is at or below the threshold.
    public func validate(_ response: SurveyResponse) throws(TicketError) {
        let known = Set(self.questions.map(\.id))
        guard !response.answers.isEmpty else { throw TicketError.invalidSurvey("no question was answered") }
        for (question, value) in response.answers.sorted(by: { $0.key < $1.key }) {
            guard known.contains(question) else { throw TicketError.invalidSurvey("unknown question \(question)") }
            guard (1...4).contains(value) else {
                throw TicketError.invalidSurvey("answer \(value) to \(question) is not on the scale 1–4")
            }
        }
        if response.answers.values.contains(where: { $0 <= self.commentRequiredAtOrBelow }) {
            let comment = response.comment?.trimmingWhitespace() ?? ""
            guard !comment.isEmpty else {
                throw TicketError.invalidSurvey(
                    "a comment is required when an answer is \(self.commentRequiredAtOrBelow) or lower")
            }
        }
    }
}
