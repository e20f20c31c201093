import Foundation

/// The metadata of a file the reporter (or staff) sent; the bytes live content-addressed under the data directory.
public struct Attachment: Hashable, Sendable {
    /// Lower-case hex SHA-256 of the content; also its file name in the media store.
    public let sha256: String
    public let originalName: String
    public let size: Int
    public let mimeType: String
    public let sender: TicketActor
    public let receivedAt: Date
    /// The path relative to the data directory where the media downloader stored the file.
    public let storagePath: String

    public init(
        sha256: String, originalName: String, size: Int, mimeType: String, sender: TicketActor, receivedAt: Date,
        storagePath: String
    ) {
        self.sha256 = sha256
        self.originalName = originalName
        self.size = size
        self.mimeType = mimeType
        self.sender = sender
        self.receivedAt = receivedAt
        self.storagePath = storagePath
    }

    /// Checks the hash form and size.
    public func validate() throws(TicketError) {
        guard self.sha256.count == 64, self.sha256.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
            throw TicketError.invalidInput("attachment hash must be 64 lower-case hex digits")
        }
        guard self.size >= 0 else { throw TicketError.invalidInput("attachment size is negative") }
        guard !self.originalName.isEmpty else { throw TicketError.invalidInput("attachment name is empty") }
    }
}
