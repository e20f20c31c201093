import Foundation
import Storage

/// One queued message at the head of its recipient's queue, as the sender sees it.
public struct PendingMessage: Equatable, Sendable {
    public var id: Int64
    public var message: OutboundMessage
    /// Attempts made so far.
    public var attempts: Int
    public var queuedAt: Date
    /// Whether the template fallback replaces the message (outside the window, or after a 131047).
    public var sendAsTemplate: Bool
    /// The recipient's window and deliverability, read with the message.
    public var contact: ContactState
    /// The id of an inbound message to mark read once this one is sent (see `Outbox.enqueue`).
    public var readReceipt: String?
}

extension Outbox {
    /// The messages due at `now` in the lanes of worker `worker` of `workerCount`, each the oldest pending
    /// message of its recipient (so a recipient's messages leave in order): replies first, then read
    /// receipts, each earliest due first. While Meta's throughput is short (`limit` is what may be sent now)
    /// the receipts wait, and no reply waits for one.
    ///
    /// Each of the worker's lanes is read on its own, from the heads' index in due order (one seek per lane);
    /// the lanes are merged, and only the messages chosen are read.
    public func dueMessages(worker: Int, of workerCount: Int, now: Date, limit: Int, in database: Database) throws
        -> [PendingMessage]
    {
        var due: [PendingMessage] = []
        for receipt in [false, true] where due.count < limit {
            let wanted = limit - due.count
            var heads: [(due: Double, id: Int64)] = []
            for lane in self.lanes(ofWorker: worker, of: workerCount) {
                heads += try database.query(
                    """
                    SELECT h.due, h.message_id FROM outbound_heads h
                    WHERE h.receipt = ? AND h.lane = ? AND h.due <= ?
                    ORDER BY h.due, h.message_id
                    LIMIT ?
                    """,
                    [.int(receipt ? 1 : 0), .int(lane), .real(now.timeIntervalSince1970), .int(wanted)]
                ) { ($0.double(0), $0.int64(1)) }
            }
            heads.sort { ($0.due, $0.id) < ($1.due, $1.id) }
            for head in heads.prefix(wanted) {
                let pending = try database.queryFirst(
                    """
                    SELECT \(Self.pendingColumns)
                    FROM outbound_messages o LEFT JOIN contacts c ON c.id = o.recipient
                    WHERE o.id = ?
                    """,
                    [.integer(head.id)], row: Self.pendingMessage)
                if let pending { due.append(pending) }
            }
        }
        return due
    }

    /// The lanes worker `worker` of `workerCount` serves (none when there are more workers than lanes).
    func lanes(ofWorker worker: Int, of workerCount: Int) -> [Int] {
        Array(stride(from: worker, to: self.configuration.laneCount, by: max(1, workerCount)))
    }

    /// The message at the head of `recipient`'s queue, if it is due at `now`: after a send, the worker goes
    /// on with the recipient's next message (a reply's read receipt) in the same pass.
    public func dueHead(of recipient: String, now: Date, in database: Database) throws -> PendingMessage? {
        try database.queryFirst(
            """
            SELECT \(Self.pendingColumns)
            FROM outbound_heads h JOIN outbound_messages o ON o.id = h.message_id
            LEFT JOIN contacts c ON c.id = o.recipient
            WHERE h.recipient = ? AND h.due <= ?
            """,
            [.text(recipient), .real(now.timeIntervalSince1970)], row: Self.pendingMessage)
    }

    private static let pendingColumns = """
        o.id, o.payload, o.attempts, o.created_at, o.sent_as_template,
            c.last_inbound_at, c.undeliverable, c.undeliverable_reason, c.notice_sent_at, o.read_receipt
        """

    private static func pendingMessage(_ statement: Statement) throws -> PendingMessage {
        PendingMessage(
            id: statement.int64(0), message: try Self.decodePayload(statement.bytes(1)),
            attempts: statement.int(2), queuedAt: Date(timeIntervalSince1970: statement.double(3)),
            sendAsTemplate: statement.int(4) != 0,
            contact: ContactState(row: statement, from: 5), readReceipt: statement.optionalString(9))
    }

    /// When the next head-of-queue message in the worker's lanes falls due, if any is pending.
    public func nextDueDate(worker: Int, of workerCount: Int, in database: Database) throws -> Date? {
        var next: Double?
        for receipt in [0, 1] {
            for lane in self.lanes(ofWorker: worker, of: workerCount) {
                let due = try database.queryFirst(
                    """
                    SELECT h.due FROM outbound_heads h WHERE h.receipt = ? AND h.lane = ?
                    ORDER BY h.due, h.message_id LIMIT 1
                    """,
                    [.int(receipt), .int(lane)]
                ) { $0.double(0) }
                if let due, due < next ?? .infinity { next = due }
            }
        }
        return next.map(Date.init(timeIntervalSince1970:))
    }

    /// Moves message `id` back until `date` without counting an attempt (per-recipient pacing).
    func postpone(_ id: Int64, until date: Date, in database: Database) throws {
        try database.run(
            "UPDATE outbound_messages SET next_attempt_at = ? WHERE id = ?",
            [.real(date.timeIntervalSince1970), .integer(id)])
    }

    // An attempt is counted with its outcome (`attempts`, the attempt's number), in the one transaction
    // that records it: a crash during the call to the Graph API leaves the message queued and uncounted,
    // and it is sent again, as a row left `sending` by an earlier version is.

    /// Records Meta's acceptance; statuses that arrived before it are applied now.
    func markSent(
        _ id: Int64, wamid: String, asTemplate: Bool, attempts: Int? = nil, now: Date, in database: Database
    ) throws {
        try database.run(
            """
            UPDATE outbound_messages SET state = 'sent', wamid = ?, sent_at = ?, sent_as_template = ?,
                last_error = NULL, attempts = coalesce(?, attempts), updated_at = ?
            WHERE id = ?
            """,
            [
                wamid.isEmpty ? .null : .text(wamid), .real(now.timeIntervalSince1970), .int(asTemplate ? 1 : 0),
                attempts.map { .int($0) } ?? .null, .real(now.timeIntervalSince1970), .integer(id),
            ])
        if !wamid.isEmpty {
            try self.applyBacklog(wamid: wamid, toMessage: id, in: database)
        }
    }

    func scheduleRetry(
        _ id: Int64, at date: Date, reason: String, codes: [Int], attempts: Int? = nil, now: Date,
        in database: Database
    ) throws {
        try database.run(
            """
            UPDATE outbound_messages SET state = 'queued', next_attempt_at = ?, last_error = ?, error_codes = ?,
                attempts = coalesce(?, attempts), updated_at = ?
            WHERE id = ?
            """,
            [
                .real(date.timeIntervalSince1970), .text(reason), .text(Self.encodeCodes(codes)),
                attempts.map { .int($0) } ?? .null, .real(now.timeIntervalSince1970), .integer(id),
            ])
    }

    /// Marks the message to be sent as its template fallback, right away.
    func switchToTemplate(_ id: Int64, reason: String, attempts: Int? = nil, now: Date, in database: Database)
        throws
    {
        try database.run(
            """
            UPDATE outbound_messages SET state = 'queued', sent_as_template = 1, next_attempt_at = ?, last_error = ?,
                attempts = coalesce(?, attempts), updated_at = ?
            WHERE id = ?
            """,
            [
                .real(now.timeIntervalSince1970), .text(reason), attempts.map { .int($0) } ?? .null,
                .real(now.timeIntervalSince1970), .integer(id),
            ])
    }

    func markFailed(
        _ id: Int64, reason: String, codes: [Int], attempts: Int? = nil, now: Date, in database: Database
    ) throws {
        try self.finish(id, state: .failed, reason: reason, codes: codes, attempts: attempts, now: now, in: database)
    }

    func markInvalid(_ id: Int64, reason: String, now: Date, in database: Database) throws {
        try self.finish(id, state: .invalid, reason: reason, codes: [], attempts: nil, now: now, in: database)
    }

    /// Ends message `id` unsent; a read receipt it carried is queued on its own.
    private func finish(
        _ id: Int64, state: OutboundState, reason: String, codes: [Int], attempts: Int?, now: Date,
        in database: Database
    ) throws {
        try self.releaseReadReceipt(of: id, in: database)
        try database.run(
            """
            UPDATE outbound_messages SET state = ?, last_error = ?, error_codes = ?, attempts = coalesce(?, attempts),
                updated_at = ?
            WHERE id = ?
            """,
            [
                .text(state.rawValue), .text(reason), .text(Self.encodeCodes(codes)),
                attempts.map { .int($0) } ?? .null, .real(now.timeIntervalSince1970), .integer(id),
            ])
    }
}
