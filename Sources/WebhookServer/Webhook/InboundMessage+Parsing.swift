import Foundation
import Support

extension InboundMessage {
    /// Reads one `messages[]` element sent by `sender`; nil when it lacks an id.
    ///
    /// Unknown types become `.unsupported(type:)`; missing optional fields stay nil. Never throws:
    /// whatever WhatsApp adds later is acknowledged and kept in the raw JSON.
    public static func parse(_ message: JSONValue, sender: WebhookContact, receivedAt: Date) -> InboundMessage? {
        guard let id = message["id"]?.text, !id.isEmpty else { return nil }
        let timestamp = message["timestamp"]?.integer.map { Date(timeIntervalSince1970: TimeInterval($0)) }
        let context = message["context"]
        let type = message["type"]?.text ?? "unknown"
        return InboundMessage(
            id: id, sender: sender, timestamp: timestamp ?? receivedAt, replyTo: context?["id"]?.text,
            isForwarded: context?["forwarded"]?.bool ?? false || context?["frequently_forwarded"]?.bool ?? false,
            content: Self.content(of: message, type: type), errors: WhatsAppError.list(from: message["errors"]))
    }

    private static func content(of message: JSONValue, type: String) -> Content {
        let body = message[type]
        switch type {
        case "text":
            return body?["body"]?.text.map { .text($0) } ?? .unsupported(type: type)
        case "image":
            return Self.media(body).map { .image($0) } ?? .unsupported(type: type)
        case "video":
            return Self.media(body).map { .video($0) } ?? .unsupported(type: type)
        case "audio", "voice":
            return Self.media(body).map { .audio($0, isVoice: type == "voice" || body?["voice"]?.bool == true) }
                ?? .unsupported(type: type)
        case "document":
            return Self.media(body).map { .document($0) } ?? .unsupported(type: type)
        case "sticker":
            return Self.media(body).map { .sticker($0) } ?? .unsupported(type: type)
        case "location":
            return .location(
                SharedLocation(
                    latitude: body?["latitude"]?.text.flatMap { Double($0) },
                    longitude: body?["longitude"]?.text.flatMap { Double($0) }, name: body?["name"]?.text,
                    address: body?["address"]?.text))
        case "contacts":
            return .contacts(
                (body?.elements ?? []).map { card in
                    ContactCard(
                        name: card["name"]?["formatted_name"]?.text,
                        phones: (card["phones"]?.elements ?? []).compactMap { phone in
                            let number = phone["phone"]?.text
                            let waID = phone["wa_id"]?.text
                            return number == nil && waID == nil ? nil : ContactCard.Phone(number: number, waID: waID)
                        })
                })
        case "interactive":
            return Self.interactive(body)
        case "button":
            return body?["text"]?.text.map { .templateButton(text: $0, payload: body?["payload"]?.text) }
                ?? .unsupported(type: type)
        case "reaction":
            guard let target = body?["message_id"]?.text else { return .unsupported(type: type) }
            let emoji = body?["emoji"]?.text
            return .reaction(messageID: target, emoji: emoji?.isEmpty == true ? nil : emoji)
        case "order":
            return .order(
                catalogID: body?["catalog_id"]?.text, itemCount: body?["product_items"]?.elements.count ?? 0,
                text: body?["text"]?.text)
        case "system":
            return .system(
                kind: body?["type"]?.text ?? "unknown", body: body?["body"]?.text,
                newWaID: body?["wa_id"]?.text ?? body?["new_wa_id"]?.text)
        case "edit":
            return .edit(
                originalID: body?["original_message_id"]?.text ?? message["context"]?["id"]?.text,
                text: body?["message"]?["text"]?["body"]?.text ?? body?["text"]?["body"]?.text)
        case "revoke":
            return .revoke(originalID: body?["original_message_id"]?.text ?? message["context"]?["id"]?.text)
        default:
            return .unsupported(type: type)
        }
    }

    private static func media(_ body: JSONValue?) -> Media? {
        guard let body, let id = body["id"]?.text else { return nil }
        return Media(
            id: id, mimeType: body["mime_type"]?.text, sha256: body["sha256"]?.text, caption: body["caption"]?.text,
            filename: body["filename"]?.text)
    }

    private static func interactive(_ body: JSONValue?) -> Content {
        switch body?["type"]?.text {
        case "button_reply":
            guard let reply = body?["button_reply"], let id = reply["id"]?.text else { break }
            return .buttonReply(id: id, title: reply["title"]?.text ?? "")
        case "list_reply":
            guard let reply = body?["list_reply"], let id = reply["id"]?.text else { break }
            return .listReply(id: id, title: reply["title"]?.text ?? "", description: reply["description"]?.text)
        case "nfm_reply":
            guard let reply = body?["nfm_reply"] else { break }
            return .flowReply(responseJSON: reply["response_json"]?.text ?? "{}", body: reply["body"]?.text)
        default:
            break
        }
        return .unsupported(type: "interactive." + (body?["type"]?.text ?? "unknown"))
    }
}
