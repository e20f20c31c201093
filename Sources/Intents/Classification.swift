/// The recognizer's reading of one message.
public struct Classification: Equatable, Codable, Sendable {
    public var intent: Intent
    /// Calibrated probability that `intent` is right, 0...1.
    public var confidence: Double
    public var entities: Entities
    /// The message's tokens as the recognizer read them, slang and typos made standard, entities left out;
    /// empty when none were read (a message of data alone).
    public var normalizedTokens: [String]

    public init(intent: Intent, confidence: Double, entities: Entities = Entities(), normalizedTokens: [String] = []) {
        self.intent = intent
        self.confidence = confidence
        self.entities = entities
        self.normalizedTokens = normalizedTokens
    }

    /// The words of `normalizedTokens` ("lupa pw" is "lupa password"), built when asked for: nil when none were
    /// read.
    public var normalizedText: String? {
        let words = self.normalizedTokens.filter { $0 != "," }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }
}
