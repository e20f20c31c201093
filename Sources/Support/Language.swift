/// A language the chat can speak: Indonesian first, English second.
public enum Language: String, CaseIterable, Codable, Sendable {
    case indonesian = "id"
    case english = "en"
}
