/// Business forms grouped as the office's document lists are (seed 003).
public enum DocumentGroup: String, CaseIterable, Codable, Sendable {
    /// PT, CV and other business entities.
    case badanUsaha
    /// A sole proprietorship.
    case perorangan
    /// A foreign company without an Indonesian office.
    case asing
}
