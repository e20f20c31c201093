import Foundation
import Storage

/// One outbound message as stored, for operators, the console and tests.
public struct OutboundRecord: Equatable, Sendable {
    public var id: Int64
    public var message: OutboundMessage
    public var state: OutboundState
    public var attempts: Int
    public var nextAttemptAt: Date
    /// Whether the template fallback was (or will be) sent instead of the message.
    public var sentAsTemplate: Bool
    public var wamid: String?
    /// The highest delivery status Meta reported.
    public var deliveryStatus: DeliveryStatus?
    /// When Meta reported a `failed` status, and its error codes.
    public var deliveryFailedAt: Date?
    public var deliveryErrorCodes: [Int]
    /// The last error of a send attempt, or why the message was refused.
    public var lastError: String?
    public var errorCodes: [Int]
    /// The message this one replaces as its template fallback.
    public var fallbackOf: Int64?
}

extension Outbox {
    /// The message sent to `recipient` that Meta knows as `wamid`: the one a provider's reply quotes
    /// (WhatsApp's swipe-to-reply), if it is one of ours to them.
    public func sentMessage(wamid: String, to recipient: String, in database: Database) throws -> OutboundMessage? {
        try database.queryFirst(
            "SELECT payload FROM outbound_messages WHERE wamid = ? AND recipient = ?", [.text(wamid), .text(recipient)]
        ) { try Self.decodePayload($0.bytes(0)) }
    }

    /// Every outbound message to `recipient`, oldest first.
    public func records(to recipient: String, in database: Database) throws -> [OutboundRecord] {
        try self.records(
            """
            SELECT id, payload, state, attempts, next_attempt_at, sent_as_template, wamid, delivery_status,
                delivery_failed_at, delivery_error_codes, last_error, error_codes, fallback_of
            FROM outbound_messages WHERE recipient = ? ORDER BY id
            """, [.text(recipient)], in: database)
    }

    /// The latest `limit` messages shown in a chat to `recipient` (read receipts left out), oldest first.
    public func chatRecords(to recipient: String, limit: Int, in database: Database) throws -> [OutboundRecord] {
        try self.records(
            """
            SELECT id, payload, state, attempts, next_attempt_at, sent_as_template, wamid, delivery_status,
                delivery_failed_at, delivery_error_codes, last_error, error_codes, fallback_of
            FROM outbound_messages WHERE recipient = ? AND kind != 'read' ORDER BY id DESC LIMIT ?
            """, [.text(recipient), .int(limit)], in: database
        ).reversed()
    }

    private func records(_ sql: String, _ values: [SQLiteValue], in database: Database) throws -> [OutboundRecord] {
        try database.query(sql, values) { statement in
            guard let state = OutboundState(rawValue: statement.string(2)) else {
                throw SQLiteError.misuse("unknown outbound state \(statement.string(2))")
            }
            return OutboundRecord(
                id: statement.int64(0), message: try Self.decodePayload(statement.bytes(1)), state: state,
                attempts: statement.int(3), nextAttemptAt: Date(timeIntervalSince1970: statement.double(4)),
                sentAsTemplate: statement.int(5) != 0, wamid: statement.optionalString(6),
                deliveryStatus: statement.optionalString(7).flatMap(DeliveryStatus.init(rawValue:)),
                deliveryFailedAt: statement.optionalDouble(8).map { Date(timeIntervalSince1970: $0) },
                deliveryErrorCodes: Self.decodeCodes(statement.optionalString(9) ?? ""),
                lastError: statement.optionalString(10),
                errorCodes: Self.decodeCodes(statement.optionalString(11) ?? ""),
                fallbackOf: statement.optionalInt(12).map(Int64.init))
        }
    }
}
