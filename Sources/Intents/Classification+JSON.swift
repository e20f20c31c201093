extension Classification {
    /// One JSON object: `{"intent": "...", "confidence": 0.93, "entities": {...}}`, confidence to 3 decimals.
    public var json: String {
        let rounded = (self.confidence * 1000).rounded() / 1000
        return
            "{\"intent\": \"\(self.intent.rawValue)\", \"confidence\": \(rounded), \"entities\": \(self.entities.json)}"
    }
}
