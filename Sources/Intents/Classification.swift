/// The recognizer's reading of one message.
public struct Classification: Equatable, Sendable {
    public var intent: Intent
    /// Calibrated probability that `intent` is right, 0...1.
    public var confidence: Double
    public var entities: Entities
    /// The message's words as the recognizer read them, slang and typos made standard ("lupa pw" is "lupa
    /// password"), entities left out; nil when none were read (a message of data alone).
    public var normalizedText: String?

    public init(intent: Intent, confidence: Double, entities: Entities = Entities(), normalizedText: String? = nil) {
        self.intent = intent
        self.confidence = confidence
        self.entities = entities
        self.normalizedText = normalizedText
    }
}
