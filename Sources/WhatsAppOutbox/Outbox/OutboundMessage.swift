/// One message Loket wants to send through the Graph API, before it is encoded.
///
/// The contract between whoever decides what to say (the dispatcher running a conversation step,
/// staff replies) and the outbox sender, which validates it against Meta's limits, encodes it
/// as the Graph API expects and delivers it.
public struct OutboundMessage: Codable, Equatable, Sendable {
    /// The recipient: a `wa_id` (digits, no `+`), or a business-scoped user id when no number is known.
    public var to: String
    public var payload: Payload
    /// When the recipient may be outside the 24-hour window, the approved template to send instead.
    public var fallbackTemplate: Template?
    /// The inbound wamid this message answers, if any (sent as `context.message_id`).
    public var replyTo: String?

    public init(to: String, payload: Payload, fallbackTemplate: Template? = nil, replyTo: String? = nil) {
        self.to = to
        self.payload = payload
        self.fallbackTemplate = fallbackTemplate
        self.replyTo = replyTo
    }

    public enum Payload: Codable, Equatable, Sendable {
        /// Free text, at most 4096 characters.
        case text(String)
        /// Up to 3 reply buttons (titles ≤ 20 characters, unique), body ≤ 1024.
        case buttons(body: String, buttons: [Button], header: String? = nil, footer: String? = nil)
        /// An interactive list: button label ≤ 20, at most 10 rows in all sections.
        case list(
            body: String, buttonLabel: String, sections: [ListSection], header: String? = nil, footer: String? = nil)
        /// A document by uploaded media id or by link.
        case document(source: MediaSource, filename: String?, caption: String?)
        /// A JPEG or PNG photo (at most 5 MB) by uploaded media id or by link, shown in the chat.
        case image(source: MediaSource, caption: String?)
        /// An MP4 or 3GP video (at most 16 MB) by uploaded media id or by link, played in the chat: a screen
        /// recording of the steps staff show.
        case video(source: MediaSource, caption: String?)
        /// An approved template message.
        case template(Template)
        /// Marks an inbound message as read (and optionally shows a typing indicator).
        case markRead(messageID: String, typingIndicator: Bool)
    }

    public struct Button: Codable, Equatable, Sendable {
        public var id: String
        public var title: String

        public init(id: String, title: String) {
            self.id = id
            self.title = title
        }
    }

    public struct ListSection: Codable, Equatable, Sendable {
        public var title: String?
        public var rows: [ListRow]

        public init(title: String? = nil, rows: [ListRow]) {
            self.title = title
            self.rows = rows
        }
    }

    public struct ListRow: Codable, Equatable, Sendable {
        public var id: String
        public var title: String
        public var description: String?

        public init(id: String, title: String, description: String? = nil) {
            self.id = id
            self.title = title
            self.description = description
        }
    }

    public enum MediaSource: Codable, Equatable, Sendable {
        case id(String)
        case link(String)
        /// A file in Loket's media store (`MediaStore`), uploaded to Meta when the message is sent: the sender
        /// replaces it with the media id the upload returns.
        case stored(sha256: String, mimeType: String)
    }

    public struct Template: Codable, Equatable, Sendable {
        public var name: String
        /// Language code, e.g. `id` or `en`.
        public var language: String
        /// Body parameters, in order.
        public var bodyParameters: [String]

        public init(name: String, language: String, bodyParameters: [String] = []) {
            self.name = name
            self.language = language
            self.bodyParameters = bodyParameters
        }
    }
}
