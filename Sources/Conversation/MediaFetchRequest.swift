/// What the media downloader must fetch and check, and what the file is for.
public struct MediaFetchRequest: Equatable, Codable, Sendable {
    public var mediaID: String
    /// The base64 SHA-256 WhatsApp declared, if any.
    public var declaredSHA256: String?
    public var filename: String
    public var maxBytes: Int
    public var allowedMIMETypes: [String]
    /// The bytes must start with this text (`%PDF-`), if set.
    public var requiredPrefix: String?
    public var purpose: Purpose

    public init(
        mediaID: String, declaredSHA256: String?, filename: String, maxBytes: Int, allowedMIMETypes: [String],
        requiredPrefix: String?, purpose: Purpose
    ) {
        self.mediaID = mediaID
        self.declaredSHA256 = declaredSHA256
        self.filename = filename
        self.maxBytes = maxBytes
        self.allowedMIMETypes = allowedMIMETypes
        self.requiredPrefix = requiredPrefix
        self.purpose = purpose
    }

    /// Where the document goes once stored.
    public enum Purpose: Equatable, Codable, Sendable {
        /// A document for the intake checklist (ticket not opened yet).
        case intake(requirementID: String)
        /// An attachment to an open ticket.
        case ticket(number: Int)
    }
}
