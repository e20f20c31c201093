/// A user-facing text in Indonesian (first) and English.
public struct LocalizedText: Hashable, Sendable {
    public let indonesian: String
    public let english: String

    public init(indonesian: String, english: String) {
        self.indonesian = indonesian
        self.english = english
    }
}
