import Intents

extension Classification {
    /// What a message that was not run through the recognizer reads as: no intent, no entities. For text that
    /// reaches a step another way (a caption, a card's number, messages kept while the menu was asked).
    static let unread = Classification(intent: .unknown, confidence: 0)
}
