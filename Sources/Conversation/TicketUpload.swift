/// A file sent about an open ticket, waiting for the downloader.
public struct TicketUpload: Equatable, Codable, Sendable {
    public var mediaID: String
    public var ticket: Int
    public var filename: String

    public init(mediaID: String, ticket: Int, filename: String) {
        self.mediaID = mediaID
        self.ticket = ticket
        self.filename = filename
    }
}
