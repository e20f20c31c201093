import WhatsAppOutbox

/// What a `MessageHandler` did for a message before its transaction: media downloads by media id.
public struct MessagePreparation: Sendable {
    /// The outcome of each download, by WhatsApp media id: the stored file, or a permanent refusal.
    /// (A transient failure is thrown from `prepare` instead, so the message stays pending.)
    public var downloads: [String: Result<StoredMedia, MediaError>]

    public init(downloads: [String: Result<StoredMedia, MediaError>] = [:]) {
        self.downloads = downloads
    }
}
