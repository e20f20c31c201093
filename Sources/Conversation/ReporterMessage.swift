/// What the provider wrote about an open ticket, for its activity log.
public struct ReporterMessage: Equatable, Codable, Sendable {
    /// The inbound wamid.
    public var messageID: String
    public var text: String

    public init(messageID: String, text: String) {
        self.messageID = messageID
        self.text = text
    }
}
