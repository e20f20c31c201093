import Foundation
import Storage

/// The durable outbox: queues outbound messages inside the caller's transaction, tracks each contact's
/// 24-hour window and reachability, and applies Meta's delivery statuses to what was sent.
///
/// The `OutboxSender` drains it; this type only reads and writes rows on the `Database` it is given.
public struct Outbox: OutboxQueue, DeliveryStatusRecorder {
    /// Policies shared by the queue and the sender.
    public struct Configuration: Sendable {
        /// How long after a user's last message free-form messages may be sent (Meta: 24 hours).
        public var windowLength: TimeInterval
        /// The notice sent outside the window when a message carries no `fallbackTemplate` of its own (for
        /// example "a message from the helpdesk is waiting, reply to read it"): sent once, the message itself
        /// is held and delivered when the contact writes again. `nil` records such messages as failed instead.
        public var defaultTemplate: OutboundMessage.Template?
        /// Held messages older than this when the contact finally writes are dropped as stale.
        public var heldLifetime: TimeInterval
        /// Messages are spread over this many lanes (by recipient), so workers can split them without
        /// breaking the order to any recipient.
        public var laneCount: Int

        public init(
            windowLength: TimeInterval = 24 * 3600, defaultTemplate: OutboundMessage.Template? = nil,
            heldLifetime: TimeInterval = 7 * 24 * 3600, laneCount: Int = 64
        ) {
            self.heldLifetime = heldLifetime
            self.windowLength = windowLength
            self.defaultTemplate = defaultTemplate
            self.laneCount = laneCount
        }
    }

    public let configuration: Configuration
    private let encoder = GraphMessageEncoder()

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Queues `messages` in order, each behind what its recipient already waits for.
    ///
    /// A read receipt replaces the recipient's receipts still waiting: Meta marks every earlier message of
    /// the chat read with the latest one, and an old receipt left at the head of the queue would hold back
    /// the replies queued behind it.
    public func enqueue(_ messages: [OutboundMessage], in database: Database, now: Date) throws {
        for message in messages {
            if message.payload.isMarkRead {
                try database.run(
                    """
                    DELETE FROM outbound_messages
                    WHERE lane = ? AND recipient = ? AND state IN ('queued', 'sending') AND kind = 'read'
                    """,
                    [.int(Self.lane(of: message.to, laneCount: self.configuration.laneCount)), .text(message.to)])
            }
            try self.insert(message, fallbackOf: nil, in: database, now: now)
        }
    }

    /// Inserts one row; a message that breaks Meta's limits is stored as `invalid` with the reason, never sent.
    @discardableResult
    func insert(_ message: OutboundMessage, fallbackOf original: Int64?, in database: Database, now: Date) throws
        -> Int64
    {
        var state = OutboundState.queued
        var lastError: String?
        do {
            try self.encoder.validate(message)
        } catch {
            state = .invalid
            lastError = error.description
        }
        try database.run(
            """
            INSERT INTO outbound_messages (recipient, lane, kind, payload, state, attempts, next_attempt_at,
                last_error, fallback_of, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)
            """,
            [
                .text(message.to), .int(Self.lane(of: message.to, laneCount: self.configuration.laneCount)),
                .text(message.payload.kindName), .text(try Self.encodePayload(message)), .text(state.rawValue),
                .real(now.timeIntervalSince1970), .optional(lastError), original.map { .integer($0) } ?? .null,
                .real(now.timeIntervalSince1970), .real(now.timeIntervalSince1970),
            ])
        return database.lastInsertRowID
    }

    /// The number of messages waiting to be sent (queued or in flight).
    public func pendingCount(in database: Database) throws -> Int {
        try database.queryFirst(
            "SELECT count(*) FROM outbound_messages WHERE state IN ('queued', 'sending')"
        ) { $0.int(0) } ?? 0
    }

    /// The queue at a glance, from the recipients' heads (one row per recipient waiting, whatever the
    /// backlog): how many recipients wait, how many of them wait for a retry after a failed attempt, and
    /// when the oldest pending message was queued.
    public func queueState(in database: Database) throws -> OutboxQueueState {
        try database.queryFirst(
            """
            SELECT count(*), coalesce(sum(m.attempts > 0), 0), min(m.created_at)
            FROM outbound_heads h JOIN outbound_messages m ON m.id = h.message_id
            """
        ) { row in
            OutboxQueueState(
                waitingRecipients: row.int(0), retryingRecipients: row.int(1),
                oldestQueuedAt: row.optionalDouble(2).map(Date.init(timeIntervalSince1970:)))
        } ?? OutboxQueueState()
    }

    /// Takes a contact out of the outbox (a personal-data erasure): messages still waiting are dropped, and the
    /// ones sent keep their delivery facts under `pseudonym` with the text removed. Returns how many sent
    /// messages were redacted.
    @discardableResult
    public func erase(recipient: String, as pseudonym: String, in database: Database) throws -> Int {
        try database.run(
            "DELETE FROM outbound_messages WHERE recipient = ? AND state IN ('queued', 'held')", [.text(recipient)])
        let redacted = try Self.encodePayload(OutboundMessage(to: pseudonym, payload: .text("(dihapus)")))
        try database.run(
            "UPDATE outbound_messages SET recipient = ?, payload = ? WHERE recipient = ? AND state != 'sending'",
            [.text(pseudonym), .text(redacted), .text(recipient)])
        // The contact's record stays: it holds only the number and the times WhatsApp's 24-hour rule needs, so
        // the confirmation of the erasure can still be sent as a message rather than a template.
        return database.changes
    }

    /// A stable lane for `recipient` (FNV-1a over its UTF-8), so a recipient's messages always share one lane.
    static func lane(of recipient: String, laneCount: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in recipient.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return Int(hash % UInt64(max(1, laneCount)))
    }

    /// The stored form of `message`: what `JSONEncoder` (sorted keys, slashes unescaped) would write,
    /// built without it (see `OutboundMessage.storedJSON`).
    static func encodePayload(_ message: OutboundMessage) throws -> String {
        message.storedJSON
    }

    /// Reads a stored payload from the column's bytes, without making a `String` of them first.
    static func decodePayload(_ bytes: [UInt8]) throws -> OutboundMessage {
        try OutboundMessage(storedJSON: bytes)
    }
}
