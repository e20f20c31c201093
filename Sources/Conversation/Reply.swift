/// One message to the provider, already localized; maps one-to-one onto the outbox's `OutboundMessage` payloads.
public enum Reply: Equatable, Codable, Sendable {
    /// Free text, at most 4096 characters.
    case text(String)
    /// Up to 3 reply buttons (titles ≤ 20 characters), body ≤ 1024.
    case buttons(body: String, buttons: [ReplyButton])
    /// An interactive list (button label ≤ 20, at most 10 rows), body ≤ 1024.
    case list(body: String, buttonLabel: String, sections: [ReplySection])
    /// A file from Loket's media store with its caption (≤ 1024): a WhatsApp document, or a photo for JPEG and PNG.
    case document(StoredDocument, caption: String)
}
