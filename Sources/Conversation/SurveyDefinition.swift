import Support

/// The satisfaction survey as loaded from `Dialogs/survey.json`, as plain values.
public struct SurveyDefinition: Equatable, Sendable {
    public var version: Int
    /// The four answers, lowest first.
    public var scale: [ScaleOption]
    /// Every question of every section, in order.
    public var questions: [Question]
    /// A comment is required when any answer is at or below this value.
    public var commentRequiredAtOrBelow: Int

    public init(version: Int, scale: [ScaleOption], questions: [Question], commentRequiredAtOrBelow: Int) {
        self.version = version
        self.scale = scale
        self.questions = questions
        self.commentRequiredAtOrBelow = commentRequiredAtOrBelow
    }

    public struct ScaleOption: Equatable, Sendable {
        public var value: Int
        public var text: LocalizedText

        public init(value: Int, text: LocalizedText) {
            self.value = value
            self.text = text
        }
    }

    public struct Question: Equatable, Sendable {
        public var id: String
        public var sectionTitle: LocalizedText
        public var text: LocalizedText

        public init(id: String, sectionTitle: LocalizedText, text: LocalizedText) {
            self.id = id
            self.sectionTitle = sectionTitle
            self.text = text
        }
    }
}
