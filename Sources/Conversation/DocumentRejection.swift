/// Why the downloader refused a document after fetching it.
public enum DocumentRejection: String, Equatable, Codable, Sendable {
    case notPDF
    case tooLarge
    case hashMismatch
    /// The download failed for good (media expired, repeated network errors).
    case unavailable
}
