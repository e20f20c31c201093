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
    /// the replies queued behind it. A receipt that follows a reply to the same recipient in `messages` is
    /// carried by the first such reply instead of taking a row of its own: the sender marks the message read
    /// once that reply is recorded (see `OutboxSender`).
    public func enqueue(_ messages: [OutboundMessage], in database: Database, now: Date) throws {
        let problems = messages.map(self.problem)
        let carriers = Self.receiptCarriers(in: messages, problems: problems)
        for (index, message) in messages.enumerated() {
            if message.payload.isMarkRead {
                try self.dropWaitingReceipts(of: message.to, in: database)
                if carriers.carried.contains(index) { continue }
            }
            try self.insert(
                message, fallbackOf: nil, readReceipt: carriers.receipts[index], problem: problems[index],
                in: database, now: now)
        }
    }

    /// For each read receipt in `messages` without a typing indicator, the first valid message before it to
    /// the same recipient that is not a receipt (`problems` holds each message's reason to be invalid):
    /// `receipts` maps that carrier's index to the message id to mark read, `carried` lists the receipts so
    /// placed.
    private static func receiptCarriers(in messages: [OutboundMessage], problems: [String?])
        -> (receipts: [Int: String], carried: Set<Int>)
    {
        var receipts: [Int: String] = [:]
        var carried = Set<Int>()
        var firstReply: [String: Int] = [:]
        for (index, message) in messages.enumerated() {
            switch message.payload {
            case .markRead(let messageID, typingIndicator: false):
                guard let carrier = firstReply[message.to], receipts[carrier] == nil else { continue }
                receipts[carrier] = messageID
                carried.insert(index)
            case .markRead:
                continue
            default:
                if firstReply[message.to] == nil, problems[index] == nil { firstReply[message.to] = index }
            }
        }
        return (receipts, carried)
    }

    /// Why `message` breaks Meta's limits, or nil when it may be sent.
    private func problem(_ message: OutboundMessage) -> String? {
        do {
            try self.encoder.validate(message)
            return nil
        } catch {
            return error.description
        }
    }

    /// Deletes the read receipts still waiting for `recipient`: a newer one marks their messages read too.
    private func dropWaitingReceipts(of recipient: String, in database: Database) throws {
        try database.run(
            """
            DELETE FROM outbound_messages
            WHERE lane = ? AND recipient = ? AND state IN ('queued', 'sending') AND kind = 'read'
            """,
            [.int(Self.lane(of: recipient, laneCount: self.configuration.laneCount)), .text(recipient)])
    }

    /// Inserts one row; a message that breaks Meta's limits is stored as `invalid` with the reason, never sent.
    /// - Parameters:
    ///   - readReceipt: the id of an inbound message to mark read once this one is sent.
    ///   - problem: the message's validation, when the caller has it already.
    @discardableResult
    func insert(
        _ message: OutboundMessage, fallbackOf original: Int64?, readReceipt: String? = nil,
        problem: String?? = nil, in database: Database, now: Date
    ) throws -> Int64 {
        let lastError = problem ?? self.problem(message)
        let state = lastError == nil ? OutboundState.queued : .invalid
        try database.run(
            """
            INSERT INTO outbound_messages (recipient, lane, kind, payload, state, attempts, next_attempt_at,
                last_error, fallback_of, read_receipt, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(message.to), .int(Self.lane(of: message.to, laneCount: self.configuration.laneCount)),
                .text(message.payload.kindName), .text(try Self.encodePayload(message)), .text(state.rawValue),
                .real(now.timeIntervalSince1970), .optional(lastError), original.map { .integer($0) } ?? .null,
                .optional(readReceipt), .real(now.timeIntervalSince1970), .real(now.timeIntervalSince1970),
            ])
        return database.lastInsertRowID
    }

    /// Gives the read receipt carried by message `id`, if any, a row of its own: the message will not be sent
    /// now (it failed, or is held).
    func releaseReadReceipt(of id: Int64, in database: Database) throws {
        guard
            let (recipient, messageID, queuedAt) = try database.queryFirst(
                """
                SELECT recipient, read_receipt, created_at FROM outbound_messages
                WHERE id = ? AND read_receipt IS NOT NULL
                """,
                [.integer(id)], row: { ($0.string(0), $0.string(1), Date(timeIntervalSince1970: $0.double(2))) })
        else { return }
        try database.run("UPDATE outbound_messages SET read_receipt = NULL WHERE id = ?", [.integer(id)])
        try self.queueReadReceipt(messageID, to: recipient, carrierQueuedAt: queuedAt, in: database)
    }

    /// Queues a carried read receipt for `messageID` as a row of its own, dated as its carrier, unless a
    /// receipt queued as late or later already waits for `recipient`: that one marks the message read too.
    func queueReadReceipt(_ messageID: String, to recipient: String, carrierQueuedAt: Date, in database: Database)
        throws
    {
        let newestWaiting = try database.queryFirst(
            """
            SELECT max(created_at) FROM outbound_messages
            WHERE lane = ? AND recipient = ? AND state IN ('queued', 'sending') AND kind = 'read'
            """,
            [.int(Self.lane(of: recipient, laneCount: self.configuration.laneCount)), .text(recipient)]
        ) { $0.optionalDouble(0) }
        if let newestWaiting = newestWaiting ?? nil, newestWaiting >= carrierQueuedAt.timeIntervalSince1970 {
            return
        }
        try self.dropWaitingReceipts(of: recipient, in: database)
        try self.insert(
            OutboundMessage(to: recipient, payload: .markRead(messageID: messageID, typingIndicator: false)),
            fallbackOf: nil, in: database, now: carrierQueuedAt)
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
