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

extension Reply {
    /// The reply with `lead` and a space before its text or body; nil when it begins with `lead` already, is a
    /// file, or would outgrow WhatsApp's limit.
    func beginning(with lead: String) -> Reply? {
        func led(_ body: String, limit: Int) -> String? {
            guard !body.hasPrefix(lead), body.count + lead.count + 1 <= limit else { return nil }
            return lead + " " + body
        }
        switch self {
        case .text(let body):
            return led(body, limit: 4096).map(Reply.text)
        case .buttons(let body, let buttons):
            return led(body, limit: 1024).map { .buttons(body: $0, buttons: buttons) }
        case .list(let body, let label, let sections):
            return led(body, limit: 1024).map { .list(body: $0, buttonLabel: label, sections: sections) }
        case .document:
            return nil
        }
    }
}
