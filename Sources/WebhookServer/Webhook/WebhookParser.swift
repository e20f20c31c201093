import Support

/// Reads a WhatsApp Business webhook body into inbox events, visiting every `entry[]`, `changes[]`,
/// `messages[]`, `statuses[]`, `errors[]` and `contacts[]` element (never just the first).
///
/// Only a body that is not JSON at all is an error; anything unexpected inside valid JSON becomes
/// a note and is acknowledged, so WhatsApp does not retry what Loket will never understand.
public struct WebhookParser: Sendable {
    /// What a message or a status says beyond its ids, sender and time: the inbox stores each one's raw
    /// JSON, and the dispatcher reads the rest from it, so the intake checks these members without building
    /// them.
    static let unread = JSONKeys([
        "metadata", "text", "interactive", "button", "context", "document", "image", "audio", "video", "sticker",
        "location", "reaction", "order", "system", "referral", "identity", "conversation", "pricing",
    ])

    public init() {}

    public func parse(_ body: [UInt8]) throws(JSONError) -> WebhookBatch {
        let tape = try JSONTape(body, leavingOut: Self.unread)
        var batch = WebhookBatch()
        guard tape.kind(tape.root) == .object else {
            batch.notes.append("body is JSON but not an object")
            return batch
        }
        let object = tape.text(tape.member("object", of: tape.root)) ?? ""
        if object != "whatsapp_business_account" {
            batch.notes.append("unknown object \(object.isEmpty ? "(none)" : object)")
        }
        for entry in tape.elements(of: tape.member("entry", of: tape.root)) {
            for change in tape.elements(of: tape.member("changes", of: entry)) {
                let field = tape.text(tape.member("field", of: change)) ?? ""
                guard field == "messages", let value = tape.member("value", of: change) else {
                    batch.notes.append("unhandled change field \(field.isEmpty ? "(none)" : field)")
                    continue
                }
                self.read(value, on: tape, into: &batch)
            }
        }
        return batch
    }

    private func read(_ value: Int, on tape: JSONTape, into batch: inout WebhookBatch) {
        let contacts = tape.elements(of: tape.member("contacts", of: value)).map { contact in
            WebhookContact(
                waID: tape.text(tape.member("wa_id", of: contact)),
                userID: tape.text(tape.member("user_id", of: contact)),
                profileName: tape.text(tape.member("name", of: tape.member("profile", of: contact))))
        }
        if let errors = tape.member("errors", of: value) {
            for error in WhatsAppError.list(from: tape.value(errors)) {
                batch.notes.append("change error code=\(error.code) title=\(error.title ?? "")")
            }
        }
        for message in tape.elements(of: tape.member("messages", of: value)) {
            guard tape.kind(message) == .object, let id = tape.text(tape.member("id", of: message)), !id.isEmpty else {
                batch.notes.append("message without id")
                continue
            }
            let sender = Self.sender(
                from: tape.text(tape.member("from", of: message)),
                userID: tape.text(tape.member("from_user_id", of: message)), contacts: contacts)
            let key = sender.waID ?? sender.userID ?? ""
            if key.isEmpty { batch.notes.append("message \(id) without sender") }
            batch.events.append(
                WebhookEvent(
                    kind: .message, messageID: id, status: "", conversationKey: key, contact: sender,
                    timestamp: tape.integer(tape.member("timestamp", of: message)),
                    raw: Array(tape.bytes[tape.byteRange(message)])))
        }
        for status in tape.elements(of: tape.member("statuses", of: value)) {
            guard tape.kind(status) == .object, let id = tape.text(tape.member("id", of: status)), !id.isEmpty,
                let state = tape.text(tape.member("status", of: status)), !state.isEmpty
            else {
                batch.notes.append("status without id or status")
                continue
            }
            let recipient =
                tape.text(tape.member("recipient_id", of: status))
                ?? tape.text(tape.member("recipient_user_id", of: status)) ?? ""
            batch.events.append(
                WebhookEvent(
                    kind: .status, messageID: id, status: state, conversationKey: recipient,
                    contact: WebhookContact(), timestamp: tape.integer(tape.member("timestamp", of: status)),
                    raw: Array(tape.bytes[tape.byteRange(status)])))
        }
    }

    /// The sender: `from` names the wa_id; the matching `contacts[]` element adds the profile and user id.
    /// Without `from`, the message's own `from_user_id` or the only contact identifies the person.
    static func sender(from: String?, userID: String?, contacts: [WebhookContact]) -> WebhookContact {
        if let from, let contact = contacts.first(where: { $0.waID == from }) {
            return WebhookContact(waID: from, userID: contact.userID ?? userID, profileName: contact.profileName)
        }
        if let userID, let contact = contacts.first(where: { $0.userID == userID }) {
            return WebhookContact(waID: from ?? contact.waID, userID: userID, profileName: contact.profileName)
        }
        if from == nil, userID == nil, contacts.count == 1 {
            return contacts[0]
        }
        return WebhookContact(waID: from, userID: userID, profileName: nil)
    }
}
