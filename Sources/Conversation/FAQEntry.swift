import Support

/// A frequently asked question and its answer.
public struct FAQEntry: Equatable, Sendable {
    public var id: String
    /// The list row title (≤ 24).
    public var question: LocalizedText
    public var answer: LocalizedText

    public init(id: String, question: LocalizedText, answer: LocalizedText) {
        self.id = id
        self.question = question
        self.answer = answer
    }
}
