import Foundation
import Storage

/// The durable inbox: every inbound message (unique by wamid) and every status (unique by wamid and
/// status) as received, with its processing state (`pending`, `done`, `failed`) and attempts.
///
/// All functions run inside the caller's transaction on the writer connection.
public enum InboxStore {
    /// The `inbox` component's schema.
    public static let migrator = Migrator(
        component: "inbox",
        migrations: [
            Migration(
                version: 1, name: "create inbox",
                sql: """
                    CREATE TABLE inbox (
                        seq INTEGER PRIMARY KEY,
                        kind TEXT NOT NULL CHECK (kind IN ('message', 'status')),
                        message_id TEXT NOT NULL,
                        status TEXT NOT NULL DEFAULT '',
                        conversation_key TEXT NOT NULL,
                        wa_id TEXT,
                        user_id TEXT,
                        profile_name TEXT,
                        event_time INTEGER,
                        received_at REAL NOT NULL,
                        raw TEXT NOT NULL,
                        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
                        attempts INTEGER NOT NULL DEFAULT 0,
                        next_attempt_at REAL,
                        last_error TEXT,
                        processed_at REAL,
                        UNIQUE (message_id, status)
                    );
                    CREATE INDEX inbox_pending ON inbox (seq) WHERE state = 'pending';
                    CREATE TABLE inbox_stale_notices (
                        conversation_key TEXT PRIMARY KEY,
                        sent_at REAL NOT NULL
                    );
                    """),
            Migration(
                version: 2, name: "inbox log position",
                sql: """
                    CREATE TABLE inbox_log_position (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        segment INTEGER NOT NULL,
                        byte_offset INTEGER NOT NULL
                    );
                    """),
        ])

    /// How far the inbox log has been moved into this table (`InboxLogReplayer`).
    public static func logPosition(in database: Database) throws -> InboxLog.Position {
        try database.queryFirst("SELECT segment, byte_offset FROM inbox_log_position WHERE id = 1") { row in
            InboxLog.Position(segment: UInt64(row.int64(0)), offset: UInt64(row.int64(1)))
        } ?? InboxLog.Position(segment: 0, offset: 0)
    }

    public static func setLogPosition(_ position: InboxLog.Position, in database: Database) throws {
        try database.run(
            """
            INSERT INTO inbox_log_position (id, segment, byte_offset) VALUES (1, ?, ?)
            ON CONFLICT (id) DO UPDATE SET segment = excluded.segment, byte_offset = excluded.byte_offset
            """, [.integer(Int64(position.segment)), .integer(Int64(position.offset))])
    }

    /// Stores `events` that are not stored yet; returns how many were new.
    @discardableResult
    public static func insert(_ events: [WebhookEvent], receivedAt: Date, in database: Database) throws -> Int {
        var inserted = 0
        for event in events {
            try database.run(
                """
                INSERT INTO inbox (kind, message_id, status, conversation_key, wa_id, user_id, profile_name,
                    event_time, received_at, raw)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (message_id, status) DO NOTHING
                """,
                [
                    .text(event.kind.rawValue), .text(event.messageID), .text(event.status),
                    .text(event.conversationKey), .optional(event.contact.waID), .optional(event.contact.userID),
                    .optional(event.contact.profileName), .optional(event.timestamp),
                    .real(receivedAt.timeIntervalSince1970), .text(String(decoding: event.raw, as: UTF8.self)),
                ])
            inserted += database.changes
        }
        return inserted
    }

    /// Stores `event` for the dispatcher that took it straight from the inbox log, unless it is stored already.
    /// - Returns: the row's sequence, attempts and retry time while it waits to be processed (stored now, or by the
    ///   log's replay and still pending); nil once it was processed or gave up (a delivery seen before).
    public static func store(_ event: WebhookEvent, receivedAt: Date, in database: Database) throws
        -> (sequence: Int64, attempts: Int, nextAttemptAt: Date?)?
    {
        if try self.insert([event], receivedAt: receivedAt, in: database) == 1 {
            return (database.lastInsertRowID, 0, nil)
        }
        return try database.queryFirst(
            """
            SELECT seq, attempts, next_attempt_at FROM inbox
            WHERE message_id = ? AND status = ? AND state = 'pending'
            """,
            [.text(event.messageID), .text(event.status)]
        ) { ($0.int64(0), $0.int(1), $0.optionalDouble(2).map { Date(timeIntervalSince1970: $0) }) }
    }

    /// Pending rows with a sequence above `after`, oldest first.
    public static func pending(after sequence: Int64, limit: Int, in database: Database) throws -> [InboxRow] {
        try database.query(
            """
            SELECT seq, kind, message_id, status, conversation_key, wa_id, user_id, profile_name, event_time,
                received_at, raw, attempts, next_attempt_at
            FROM inbox WHERE state = 'pending' AND seq > ? ORDER BY seq LIMIT ?
            """,
            [.integer(sequence), .int(limit)]
        ) { row in
            InboxRow(
                sequence: row.int64(0),
                event: WebhookEvent(
                    kind: WebhookEvent.Kind(rawValue: row.string(1)) ?? .message, messageID: row.string(2),
                    status: row.string(3), conversationKey: row.string(4),
                    contact: WebhookContact(
                        waID: row.optionalString(5), userID: row.optionalString(6),
                        profileName: row.optionalString(7)),
                    timestamp: row.optionalInt(8), raw: Array(row.string(10).utf8)),
                receivedAt: Date(timeIntervalSince1970: row.double(9)), attempts: row.int(11),
                nextAttemptAt: row.optionalDouble(12).map { Date(timeIntervalSince1970: $0) })
        }
    }

    public static func markDone(_ sequence: Int64, at now: Date, in database: Database) throws {
        try database.run(
            "UPDATE inbox SET state = 'done', processed_at = ?, attempts = attempts + 1 WHERE seq = ?",
            [.real(now.timeIntervalSince1970), .integer(sequence)])
    }

    public static func markFailed(_ sequence: Int64, reason: String, at now: Date, in database: Database) throws {
        try database.run(
            """
            UPDATE inbox SET state = 'failed', processed_at = ?, attempts = attempts + 1, last_error = ?,
                next_attempt_at = NULL
            WHERE seq = ?
            """,
            [.real(now.timeIntervalSince1970), .text(reason), .integer(sequence)])
    }

    public static func scheduleRetry(_ sequence: Int64, at due: Date, reason: String, in database: Database) throws {
        try database.run(
            "UPDATE inbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE seq = ?",
            [.real(due.timeIntervalSince1970), .text(reason), .integer(sequence)])
    }

    /// Deletes up to `limit` processed rows received before `cutoff`, oldest first; returns how many went.
    ///
    /// The unique index only has to remember a wamid while Meta may still deliver it again (it retries for
    /// days, not weeks), and the raw bodies hold personal data the tickets no longer need. Pending rows are
    /// never deleted; failed ones stay for an operator to look at. Rows arrive in sequence order, so the first
    /// row received at or after `cutoff` bounds the search without an index on the time.
    @discardableResult
    public static func deleteProcessed(receivedBefore cutoff: Date, limit: Int, in database: Database) throws -> Int {
        let bound =
            try database.queryFirst(
                "SELECT seq FROM inbox WHERE received_at >= ? ORDER BY seq LIMIT 1",
                [.real(cutoff.timeIntervalSince1970)]
            ) { $0.int64(0) } ?? Int64.max
        try database.run(
            """
            DELETE FROM inbox WHERE seq IN (
                SELECT seq FROM inbox WHERE seq < ? AND state = 'done' AND received_at < ? ORDER BY seq LIMIT ?)
            """, [.integer(bound), .real(cutoff.timeIntervalSince1970), .int(limit)])
        return database.changes
    }

    /// The number of pending rows and the receive time of the oldest.
    public static func backlog(in database: Database) throws -> (count: Int, oldestReceivedAt: Date?) {
        try database.queryFirst("SELECT count(*), min(received_at) FROM inbox WHERE state = 'pending'") { row in
            (row.int(0), row.optionalDouble(1).map { Date(timeIntervalSince1970: $0) })
        } ?? (0, nil)
    }

    /// The number of rows in each state (tests, health).
    public static func count(state: String, in database: Database) throws -> Int {
        try database.queryFirst("SELECT count(*) FROM inbox WHERE state = ?", [.text(state)]) { $0.int(0) } ?? 0
    }

    /// Whether a stale-replay notice may go to `key` now (none in the last `window`); records it when so.
    public static func claimStaleNotice(for key: String, now: Date, window: TimeInterval, in database: Database)
        throws -> Bool
    {
        let last = try database.queryFirst(
            "SELECT sent_at FROM inbox_stale_notices WHERE conversation_key = ?", [.text(key)]
        ) { $0.double(0) }
        if let last, now.timeIntervalSince1970 - last < window { return false }
        try database.run(
            """
            INSERT INTO inbox_stale_notices (conversation_key, sent_at) VALUES (?, ?)
            ON CONFLICT (conversation_key) DO UPDATE SET sent_at = excluded.sent_at
            """,
            [.text(key), .real(now.timeIntervalSince1970)])
        return true
    }
}
