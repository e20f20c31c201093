/// What the media downloader must fetch and check, and what the file is for.
public struct MediaFetchRequest: Equatable, Codable, Sendable {
    public var mediaID: String
    /// The base64 SHA-256 WhatsApp declared, if any.
    public var declaredSHA256: String?
    public var filename: String
    public var maxBytes: Int
    /// The kinds accepted: the declared type must be one of theirs, and the content must start with one of
    /// their signatures.
    public var kinds: [FileKind]
    public var purpose: Purpose

    public init(
        mediaID: String, declaredSHA256: String?, filename: String, maxBytes: Int, kinds: [FileKind], purpose: Purpose
    ) {
        self.mediaID = mediaID
        self.declaredSHA256 = declaredSHA256
        self.filename = filename
        self.maxBytes = maxBytes
        self.kinds = kinds
        self.purpose = purpose
    }

    /// The declared MIME types accepted.
    public var allowedMIMETypes: [String] { self.kinds.flatMap(\.mimeTypes) }

    /// Where the document goes once stored.
    public enum Purpose: Equatable, Codable, Sendable {
        /// A document for the intake checklist (ticket not opened yet).
        case intake(requirementID: String)
        /// An attachment to an open ticket.
        case ticket(number: Int)
    }
}
