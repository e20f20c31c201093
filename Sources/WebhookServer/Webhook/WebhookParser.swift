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
        let document = try JSONReader.parse(body, leavingOut: Self.unread)
        var batch = WebhookBatch()
        guard case .object(let root) = document else {
            batch.notes.append("body is JSON but not an object")
            return batch
        }
        let object = root["object"]?.text ?? ""
        if object != "whatsapp_business_account" {
            batch.notes.append("unknown object \(object.isEmpty ? "(none)" : object)")
        }
        for entry in root["entry"]?.elements ?? [] {
            for change in entry["changes"]?.elements ?? [] {
                let field = change["field"]?.text ?? ""
                guard field == "messages", let value = change["value"] else {
                    batch.notes.append("unhandled change field \(field.isEmpty ? "(none)" : field)")
                    continue
                }
                self.read(value, body: body, into: &batch)
            }
        }
        return batch
    }

    private func read(_ value: JSONValue, body: [UInt8], into batch: inout WebhookBatch) {
        let contacts = (value["contacts"]?.elements ?? []).map { contact in
            WebhookContact(
                waID: contact["wa_id"]?.text, userID: contact["user_id"]?.text,
                profileName: contact["profile"]?["name"]?.text)
        }
        for error in WhatsAppError.list(from: value["errors"]) {
            batch.notes.append("change error code=\(error.code) title=\(error.title ?? "")")
        }
        for message in value["messages"]?.elements ?? [] {
            guard let object = message.object, let id = message["id"]?.text, !id.isEmpty else {
                batch.notes.append("message without id")
                continue
            }
            let sender = Self.sender(of: message, contacts: contacts)
            let key = sender.waID ?? sender.userID ?? ""
            if key.isEmpty { batch.notes.append("message \(id) without sender") }
            batch.events.append(
                WebhookEvent(
                    kind: .message, messageID: id, status: "", conversationKey: key, contact: sender,
                    timestamp: message["timestamp"]?.integer, raw: Array(body[object.byteRange])))
        }
        for status in value["statuses"]?.elements ?? [] {
            guard let object = status.object, let id = status["id"]?.text, !id.isEmpty,
                let state = status["status"]?.text, !state.isEmpty
            else {
                batch.notes.append("status without id or status")
                continue
            }
            let recipient = status["recipient_id"]?.text ?? status["recipient_user_id"]?.text ?? ""
            batch.events.append(
                WebhookEvent(
                    kind: .status, messageID: id, status: state, conversationKey: recipient,
                    contact: WebhookContact(), timestamp: status["timestamp"]?.integer,
                    raw: Array(body[object.byteRange])))
        }
    }

    /// The sender: `from` names the wa_id; the matching `contacts[]` element adds the profile and user id.
    /// Without `from`, the message's own `from_user_id` or the only contact identifies the person.
    static func sender(of message: JSONValue, contacts: [WebhookContact]) -> WebhookContact {
        let from = message["from"]?.text
        let userID = message["from_user_id"]?.text
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
