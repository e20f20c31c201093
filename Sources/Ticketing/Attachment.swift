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

    /// The line the ticket's activity shows for the file, for the office: "ktp.pdf (PDF, 240 KB)",
    /// "pesan-suara-1a2b3c4d.ogg (pesan suara, 18 KB)".
    public var activityText: String {
        let kinds = [
            "application/pdf": "PDF", "image/jpeg": "foto JPEG", "image/png": "foto PNG", "audio/ogg": "pesan suara",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel",
            "video/mp4": "video", "video/3gpp": "video",
        ]
        return "\(self.originalName) (\(kinds[self.mimeType] ?? self.mimeType), \(Self.sizeText(self.size)))"
    }

    /// 32 B, 240 KB, 3,4 MB: with the decimal comma the office reads.
    static func sizeText(_ size: Int) -> String {
        if size < 1024 { return "\(size) B" }
        if size < 1024 * 1024 { return "\((size + 512) / 1024) KB" }
        let tenths = (size * 10 + 512 * 1024) / (1024 * 1024)
        return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10),\(tenths % 10) MB"
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
