/// A file sent about an open ticket, waiting for the downloader.
public struct TicketUpload: Equatable, Codable, Sendable {
    public var mediaID: String
    public var ticket: Int
    public var filename: String
    /// Whether the file came with words, passed to the ticket when it arrived (nil for none; optional so that
    /// uploads stored before it existed still read).
    public var captioned: Bool?

    public init(mediaID: String, ticket: Int, filename: String, captioned: Bool = false) {
        self.mediaID = mediaID
        self.ticket = ticket
        self.filename = filename
        self.captioned = captioned ? true : nil
    }
}
