import Foundation
import Storage

/// What the dispatcher tells the outbox about the WhatsApp side, inside its write transaction.
public protocol DeliveryStatusRecorder: Sendable {
    /// Applies a delivery status webhook (`sent`, `delivered`, `read`, `played`, `failed`) to the
    /// outbound message with wamid `messageID`: keeps the highest status, records failures beside
    /// it, and reacts to failure codes (131047 → send the template fallback, 131026 → flag the contact).
    func recordStatus(
        messageID: String, status: String, timestamp: Date, errorCodes: [Int], in database: Database
    ) throws

    /// Records that `contact` (a wa_id, or a user id) wrote to us at `timestamp`, which opens the
    /// 24-hour customer-service window.
    func recordInbound(from contact: String, at timestamp: Date, in database: Database) throws
}
