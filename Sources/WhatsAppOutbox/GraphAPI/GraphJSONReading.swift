import Support

/// Reads Graph API answers leniently: a body that is not JSON is nil, and numbers may arrive as strings
/// (`JSONValue.integer` reads both).
enum GraphJSONReading {
    /// The body's top-level object, or nil.
    static func object(_ bytes: [UInt8]) -> JSONValue? {
        guard let value = try? JSONReader.parse(bytes), value.object != nil else { return nil }
        return value
    }
}
