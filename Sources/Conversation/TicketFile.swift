import Support

/// A file the provider sent about an open ticket, before it is downloaded.
public struct TicketFile: Equatable, Codable, Sendable {
    public var mediaID: String
    public var filename: String
    /// The base64 SHA-256 WhatsApp declared, if any.
    public var declaredSHA256: String?
    /// What the provider wrote with the file ("ini errornya pas upload"): staff read it on the ticket beside
    /// the file (nil when nothing; optional so that files stored before it existed still read).
    public var caption: String?

    public init(mediaID: String, filename: String, declaredSHA256: String?, caption: String? = nil) {
        self.mediaID = mediaID
        self.filename = filename
        self.declaredSHA256 = declaredSHA256
        let written = caption?.trimming("") ?? ""
        self.caption = written.isEmpty ? nil : written
    }

    /// A photo or screenshot sent as an image message, which carries no file name.
    static func photo(mediaID: String, caption: String? = nil) -> TicketFile {
        TicketFile(mediaID: mediaID, filename: "foto-\(mediaID.suffix(8)).jpg", declaredSHA256: nil, caption: caption)
    }

    /// A voice note, which carries no file name either.
    static func voiceNote(mediaID: String, sha256: String?) -> TicketFile {
        TicketFile(mediaID: mediaID, filename: "pesan-suara-\(mediaID.suffix(8)).ogg", declaredSHA256: sha256)
    }

    /// A video (a screen recording of the error), named by the format WhatsApp declared.
    static func video(mediaID: String, mimeType: String, sha256: String?, caption: String?) -> TicketFile {
        let ending = mimeType.mediaTypeBase == "video/3gpp" ? "3gp" : "mp4"
        return TicketFile(
            mediaID: mediaID, filename: "video-\(mediaID.suffix(8)).\(ending)", declaredSHA256: sha256, caption: caption
        )
    }
}
