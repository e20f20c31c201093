import Foundation

/// A document the media downloader fetched, checked and stored.
public struct StoredDocument: Equatable, Codable, Sendable {
    /// Lowercase hex SHA-256 of the bytes (also the stored file's name).
    public var sha256: String
    /// The name the provider's phone gave the file; shown to staff, never used as a path.
    public var filename: String
    public var size: Int
    public var mimeType: String

    public init(sha256: String, filename: String, size: Int, mimeType: String) {
        self.sha256 = sha256
        self.filename = filename
        self.size = size
        self.mimeType = mimeType
    }
}
