/// A PDF the provider sent about an open ticket, before it is downloaded.
public struct TicketFile: Equatable, Codable, Sendable {
    public var mediaID: String
    public var filename: String
    /// The base64 SHA-256 WhatsApp declared, if any.
    public var declaredSHA256: String?

    public init(mediaID: String, filename: String, declaredSHA256: String?) {
        self.mediaID = mediaID
        self.filename = filename
        self.declaredSHA256 = declaredSHA256
    }

    /// A photo or screenshot sent as an image message, which carries no file name.
    static func photo(mediaID: String) -> TicketFile {
        TicketFile(mediaID: mediaID, filename: "foto-\(mediaID.suffix(8)).jpg", declaredSHA256: nil)
    }

    /// A voice note, which carries no file name either.
    static func voiceNote(mediaID: String, sha256: String?) -> TicketFile {
        TicketFile(mediaID: mediaID, filename: "pesan-suara-\(mediaID.suffix(8)).ogg", declaredSHA256: sha256)
    }
}
