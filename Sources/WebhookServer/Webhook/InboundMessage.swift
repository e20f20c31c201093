import Foundation
import Support

/// One message a person sent to the business number, typed by its WhatsApp message type.
public struct InboundMessage: Equatable, Sendable {
    /// The message id (`wamid…`), unique per message: the inbox deduplicates on it.
    public var id: String
    /// Who wrote: the conversation key is `from` (a wa_id), else the contact's `user_id`.
    public var sender: WebhookContact
    /// When the person sent it, as WhatsApp reports it.
    public var timestamp: Date
    /// The wamid of the message this one replies to (`context.id`).
    public var replyTo: String?
    /// Whether WhatsApp marked it as forwarded.
    public var isForwarded: Bool
    public var content: Content
    /// Errors WhatsApp attached to the message (e.g. 131051 for an unsupported type).
    public var errors: [WhatsAppError]

    public init(
        id: String, sender: WebhookContact, timestamp: Date, replyTo: String? = nil, isForwarded: Bool = false,
        content: Content, errors: [WhatsAppError] = []
    ) {
        self.id = id
        self.sender = sender
        self.timestamp = timestamp
        self.replyTo = replyTo
        self.isForwarded = isForwarded
        self.content = content
        self.errors = errors
    }

    /// The key of the conversation this message belongs to: the wa_id, falling back to the user id.
    public var conversationKey: String { self.sender.waID ?? self.sender.userID ?? "" }

    /// Where replies go: the wa_id, or the user id when no number is known.
    public var replyAddress: String { self.conversationKey }

    /// What the message holds.
    public enum Content: Equatable, Sendable {
        case text(String)
        case image(Media)
        case video(Media)
        /// Audio; `isVoice` for a recorded voice note.
        case audio(Media, isVoice: Bool)
        case document(Media)
        case sticker(Media)
        case location(SharedLocation)
        case contacts([ContactCard])
        /// A tap on one of our reply buttons.
        case buttonReply(id: String, title: String)
        /// A choice from one of our lists.
        case listReply(id: String, title: String, description: String?)
        /// A submitted WhatsApp Flow: its response JSON as sent.
        case flowReply(responseJSON: String, body: String?)
        /// A tap on a template's quick-reply button.
        case templateButton(text: String, payload: String?)
        /// A reaction to message `messageID`; `emoji` is nil when the reaction was removed.
        case reaction(messageID: String, emoji: String?)
        case order(catalogID: String?, itemCount: Int, text: String?)
        /// A system notice, e.g. `user_changed_number` with the new wa_id.
        case system(kind: String, body: String?, newWaID: String?)
        /// The person edited message `originalID`; the new text when given.
        case edit(originalID: String?, text: String?)
        /// The person deleted message `originalID`.
        case revoke(originalID: String?)
        /// A type Loket does not handle (or `unknown`/`unsupported` with errors).
        case unsupported(type: String)
    }

    /// Media attached to a message: fetch it by `id`.
    public struct Media: Equatable, Sendable {
        public var id: String
        public var mimeType: String?
        /// SHA-256 of the file as WhatsApp sends it (base64 for inbound media).
        public var sha256: String?
        public var caption: String?
        public var filename: String?

        public init(
            id: String, mimeType: String? = nil, sha256: String? = nil, caption: String? = nil,
            filename: String? = nil
        ) {
            self.id = id
            self.mimeType = mimeType
            self.sha256 = sha256
            self.caption = caption
            self.filename = filename
        }
    }
}
