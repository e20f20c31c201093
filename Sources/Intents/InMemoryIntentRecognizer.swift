import Foundation

/// A scripted recognizer for tests: fixed answers per exact text, and a fallback for everything else.
public struct InMemoryIntentRecognizer: IntentRecognizing {
    public var answers: [String: Classification]
    public var fallback: Classification

    public init(
        answers: [String: Classification] = [:],
        fallback: Classification = Classification(intent: .unknown, confidence: 0)
    ) {
        self.answers = answers
        self.fallback = fallback
    }

    public func classify(_ text: String, now: Date) -> Classification {
        self.answers[text] ?? self.fallback
    }
}
