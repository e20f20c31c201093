import Support

extension Classification {
    /// One JSON object: `{"intent": "...", "confidence": 0.93, "entities": {...}}`, confidence to 3 decimals.
    public var json: String {
        let rounded = (self.confidence * 1000).rounded() / 1000
        let value = JSONValue.object([
            ("intent", .string(self.intent.rawValue)), ("confidence", .number(String(rounded))),
            ("entities", self.entities.jsonValue),
        ])
        return value.spacedSerialization
    }
}
