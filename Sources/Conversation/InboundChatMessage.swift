import Intents
import Support

/// One message from the provider, as parsed from the webhook (already classified when it is text).
public struct InboundChatMessage: Equatable, Sendable {
    /// The wamid.
    public var id: String
    public var kind: Kind
    /// Whether the message is an edit of one the provider sent earlier (WhatsApp's "Edit"), its new text in `kind`.
    public var isEdit: Bool
    /// The ticket named by Loket's message this one quotes (WhatsApp's swipe-to-reply on "💬 Petugas (tiket
    /// #77): …"), if it names one; the reducer takes it only when that ticket is the provider's and open.
    public var quotedTicket: Int?

    public init(id: String, kind: Kind, isEdit: Bool = false, quotedTicket: Int? = nil) {
        self.id = id
        self.kind = kind
        self.isEdit = isEdit
        self.quotedTicket = quotedTicket
    }

    /// The message types WhatsApp delivers, reduced to what the conversation needs.
    public enum Kind: Equatable, Sendable {
        case text(String, Classification)
        case buttonReply(id: String, title: String)
        case listReply(id: String, title: String)
        case document(
            mediaID: String, filename: String, mimeType: String, size: Int?, sha256: String?, caption: String?)
        case image(mediaID: String, caption: String?)
        /// A voice note or an audio file, with the MIME type WhatsApp declared and its SHA-256 if given.
        case audio(mediaID: String, mimeType: String, sha256: String?)
        /// A video (a screen recording of the error), with the MIME type WhatsApp declared and its SHA-256 if given.
        case video(mediaID: String, mimeType: String, sha256: String?, caption: String?)
        case sticker
        case location(SharedLocation)
        case contacts([ContactCard])
        /// An emoji put on one of the chat's messages; nil when it was taken back.
        case reaction(emoji: String?)
        case unsupported
    }
}
