/// The recognizer's reading of one message.
public struct Classification: Equatable, Sendable {
    public var intent: Intent
    /// Calibrated probability that `intent` is right, 0...1.
    public var confidence: Double
    public var entities: Entities

    public init(intent: Intent, confidence: Double, entities: Entities = Entities()) {
        self.intent = intent
        self.confidence = confidence
        self.entities = entities
    }
}
