import Foundation
import Support

/// One inbound message or delivery status taken from a webhook, as the inbox stores it.
///
/// It carries only what the inbox needs to deduplicate and route it (ids, the conversation key) plus
/// the raw JSON of the `messages[]`/`statuses[]` element; the typed value is read when processing.
public struct WebhookEvent: Equatable, Sendable {
    public enum Kind: String, Equatable, Sendable {
        case message
        case status
    }

    public var kind: Kind
    /// The wamid of the inbound message, or of our outbound message for a status.
    public var messageID: String
    /// The status (`sent`, `delivered`, …) for a status event; empty for a message.
    public var status: String
    /// The conversation this event belongs to: a wa_id, else a user id (empty when unknown).
    public var conversationKey: String
    /// The sender of a message (empty for statuses).
    public var contact: WebhookContact
    /// Unix seconds as WhatsApp sent them, when present.
    public var timestamp: Int?
    /// The element's JSON exactly as received.
    public var raw: [UInt8]

    public init(
        kind: Kind, messageID: String, status: String, conversationKey: String, contact: WebhookContact,
        timestamp: Int?, raw: [UInt8]
    ) {
        self.kind = kind
        self.messageID = messageID
        self.status = status
        self.conversationKey = conversationKey
        self.contact = contact
        self.timestamp = timestamp
        self.raw = raw
    }

    /// The typed message, for a message event whose raw JSON still reads.
    public func inboundMessage(receivedAt: Date) -> InboundMessage? {
        guard self.kind == .message, let value = try? JSONReader.parse(self.raw) else { return nil }
        return InboundMessage.parse(value, sender: self.contact, receivedAt: receivedAt)
    }

    /// The typed status, for a status event whose raw JSON still reads.
    public func statusUpdate(receivedAt: Date) -> StatusUpdate? {
        guard self.kind == .status, let value = try? JSONReader.parse(self.raw) else { return nil }
        return StatusUpdate.parse(value, receivedAt: receivedAt)
    }
}
