import Intents

/// A text the provider wrote after a long pause in a journey, while Loket asks whether to continue or start over:
/// continuing answers it at the step it was written for, rather than dropping it to be typed again.
public struct HeldMessage: Equatable, Codable, Sendable {
    public var messageID: String
    public var text: String
    public var classification: Classification

    public init(messageID: String, text: String, classification: Classification) {
        self.messageID = messageID
        self.text = text
        self.classification = classification
    }

    /// The message as it came.
    var message: InboundChatMessage {
        InboundChatMessage(id: self.messageID, kind: .text(self.text, self.classification))
    }
}
