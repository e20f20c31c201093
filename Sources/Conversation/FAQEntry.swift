import Support

/// A frequently asked question and its answer.
public struct FAQEntry: Equatable, Sendable {
    public var id: String
    /// The list row title (≤ 24).
    public var question: LocalizedText
    public var answer: LocalizedText
    /// Phrases that ask this question in a typed message ("berapa lama", "biaya"), lowercased.
    public var keywords: [String]

    public init(id: String, question: LocalizedText, answer: LocalizedText, keywords: [String] = []) {
        self.id = id
        self.question = question
        self.answer = answer
        self.keywords = keywords
    }
}
