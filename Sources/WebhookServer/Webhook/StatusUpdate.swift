import Foundation
import Support

/// A delivery status WhatsApp reports for a message Loket sent.
public struct StatusUpdate: Equatable, Sendable {
    /// The wamid of our outbound message.
    public var messageID: String
    /// `sent`, `delivered`, `read`, `played` or `failed` (kept as sent, so new values pass through).
    public var status: String
    public var timestamp: Date
    public var recipientID: String?
    public var errors: [WhatsAppError]

    public init(messageID: String, status: String, timestamp: Date, recipientID: String?, errors: [WhatsAppError]) {
        self.messageID = messageID
        self.status = status
        self.timestamp = timestamp
        self.recipientID = recipientID
        self.errors = errors
    }

    /// Reads one `statuses[]` element; nil when it lacks an id or status.
    public static func parse(_ value: JSONValue, receivedAt: Date) -> StatusUpdate? {
        guard let id = value["id"]?.text, !id.isEmpty, let status = value["status"]?.text, !status.isEmpty else {
            return nil
        }
        let timestamp = value["timestamp"]?.integer.map { Date(timeIntervalSince1970: TimeInterval($0)) }
        return StatusUpdate(
            messageID: id, status: status, timestamp: timestamp ?? receivedAt,
            recipientID: value["recipient_id"]?.text, errors: WhatsAppError.list(from: value["errors"]))
    }
}
