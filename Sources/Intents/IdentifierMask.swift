/// Hides the middle of an identifier for logs, keeping a few characters at each end.
enum IdentifierMask {
    static func mask(_ value: String, keepingFirst first: Int, last: Int) -> String {
        let characters = Array(value)
        guard characters.count > first + last else { return String(repeating: "*", count: characters.count) }
        return String(characters[..<first]) + String(repeating: "*", count: characters.count - first - last)
            + String(characters[(characters.count - last)...])
    }
}
