import Foundation
import Support

/// Downloads a WhatsApp media object and stores it content-addressed under the data directory.
public protocol MediaFetcher: Sendable {
    /// Fetches media `mediaID`; throws `MediaError` when it is refused (too large, wrong type, hash
    /// mismatch: permanent) or could not be fetched now (network, 5xx: transient, retry later).
    func fetch(mediaID: String, expectedSHA256: String?, limits: MediaLimits) throws -> StoredMedia
}

/// What a caller accepts for one download.
public struct MediaLimits: Equatable, Sendable {
    public var maxBytes: Int
    /// Accepted MIME types; empty accepts any.
    public var allowedMIMETypes: Set<String>
    /// Bytes the content must have, one of these (e.g. `%PDF-` at the start, a JPEG's `FF D8 FF`, an MP4's
    /// `ftyp` after four bytes); empty accepts any content.
    public var requiredSignatures: [ByteSignature]

    public init(maxBytes: Int, allowedMIMETypes: Set<String> = [], requiredSignatures: [ByteSignature] = []) {
        self.maxBytes = maxBytes
        self.allowedMIMETypes = allowedMIMETypes
        self.requiredSignatures = requiredSignatures
    }

    public init(maxBytes: Int, allowedMIMETypes: Set<String> = [], requiredPrefix: [UInt8]?) {
        self.init(
            maxBytes: maxBytes, allowedMIMETypes: allowedMIMETypes,
            requiredSignatures: requiredPrefix.map { [ByteSignature($0)] } ?? [])
    }

    /// Verification documents: PDF only, at most 4 MB, starting with `%PDF-`.
    public static let verificationDocument = MediaLimits(
        maxBytes: 4 * 1024 * 1024, allowedMIMETypes: ["application/pdf"], requiredPrefix: Array("%PDF-".utf8))
}

/// A downloaded file as stored: its hash is its name under the data directory.
public struct StoredMedia: Equatable, Sendable {
    /// Lowercase hex SHA-256 of the bytes.
    public var sha256: String
    public var size: Int
    public var mimeType: String
    /// The path of the stored file, under the data directory.
    public var path: String

    public init(sha256: String, size: Int, mimeType: String, path: String) {
        self.sha256 = sha256
        self.size = size
        self.mimeType = mimeType
        self.path = path
    }
}
