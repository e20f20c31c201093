import Storage

extension Outbox {
    /// The outbox schema (component `outbox`).
    public static let migrator = Migrator(
        component: "outbox",
        migrations: [
            Migration(
                version: 1, name: "outbound messages and contacts",
                sql: """
                    CREATE TABLE outbound_messages (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        recipient TEXT NOT NULL,
                        lane INTEGER NOT NULL,
                        kind TEXT NOT NULL,
                        payload TEXT NOT NULL,
                        state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'invalid', 'held')),
                        attempts INTEGER NOT NULL DEFAULT 0,
                        next_attempt_at REAL NOT NULL,
                        sent_as_template INTEGER NOT NULL DEFAULT 0,
                        wamid TEXT UNIQUE,
                        sent_at REAL,
                        delivery_status TEXT,
                        delivery_rank INTEGER NOT NULL DEFAULT 0,
                        delivery_updated_at REAL,
                        delivery_failed_at REAL,
                        delivery_error_codes TEXT,
                        last_error TEXT,
                        error_codes TEXT,
                        fallback_of INTEGER REFERENCES outbound_messages (id),
                        created_at REAL NOT NULL,
                        updated_at REAL NOT NULL
                    );
                    CREATE INDEX outbound_messages_pending ON outbound_messages (lane, recipient, id)
                        WHERE state IN ('queued', 'sending');
                    CREATE INDEX outbound_messages_due ON outbound_messages (next_attempt_at)
                        WHERE state IN ('queued', 'sending');
                    CREATE INDEX outbound_messages_held ON outbound_messages (recipient, id) WHERE state = 'held';
                    CREATE INDEX outbound_messages_fallback ON outbound_messages (fallback_of)
                        WHERE fallback_of IS NOT NULL;
                    CREATE TABLE contacts (
                        id TEXT PRIMARY KEY,
                        last_inbound_at REAL,
                        undeliverable INTEGER NOT NULL DEFAULT 0,
                        undeliverable_reason TEXT,
                        undeliverable_at REAL,
                        notice_sent_at REAL,
                        updated_at REAL NOT NULL
                    );
                    CREATE TABLE outbound_status_backlog (
                        wamid TEXT NOT NULL,
                        status TEXT NOT NULL,
                        timestamp REAL NOT NULL,
                        error_codes TEXT NOT NULL,
                        PRIMARY KEY (wamid, status)
                    );
                    """),
            Migration(
                version: 2, name: "queue heads",
                sql: """
                    -- The oldest pending message of each recipient, kept by triggers: the sender picks due
                    -- messages here, in time that depends on how many recipients wait, not on how many
                    -- messages (a backlog of thousands to one recipient is one row).
                    CREATE TABLE outbound_heads (
                        recipient TEXT PRIMARY KEY,
                        lane INTEGER NOT NULL,
                        message_id INTEGER NOT NULL UNIQUE,
                        due REAL NOT NULL
                    );
                    CREATE INDEX outbound_heads_due ON outbound_heads (due, message_id);
                    INSERT INTO outbound_heads (recipient, lane, message_id, due)
                        SELECT recipient, lane, id, next_attempt_at FROM outbound_messages o
                        WHERE state IN ('queued', 'sending') AND id = (
                            SELECT min(p.id) FROM outbound_messages p
                            WHERE p.lane = o.lane AND p.recipient = o.recipient AND p.state IN ('queued', 'sending'));

                    CREATE TRIGGER outbound_heads_insert AFTER INSERT ON outbound_messages
                    WHEN NEW.state IN ('queued', 'sending')
                    BEGIN
                        INSERT OR IGNORE INTO outbound_heads (recipient, lane, message_id, due)
                            VALUES (NEW.recipient, NEW.lane, NEW.id, NEW.next_attempt_at);
                    END;

                    CREATE TRIGGER outbound_heads_due AFTER UPDATE OF next_attempt_at ON outbound_messages
                    BEGIN
                        UPDATE outbound_heads SET due = NEW.next_attempt_at WHERE message_id = NEW.id;
                    END;

                    -- A message leaving the queue (sent, failed, held, invalid) or joining it again (a held
                    -- message released): the recipient's head is its oldest pending message, if any.
                    CREATE TRIGGER outbound_heads_state AFTER UPDATE OF state ON outbound_messages
                    WHEN (OLD.state IN ('queued', 'sending')) != (NEW.state IN ('queued', 'sending'))
                    BEGIN
                        DELETE FROM outbound_heads WHERE recipient = NEW.recipient;
                        INSERT INTO outbound_heads (recipient, lane, message_id, due)
                            SELECT recipient, lane, id, next_attempt_at FROM outbound_messages
                            WHERE lane = NEW.lane AND recipient = NEW.recipient AND state IN ('queued', 'sending')
                            ORDER BY id LIMIT 1;
                    END;

                    CREATE TRIGGER outbound_heads_delete AFTER DELETE ON outbound_messages
                    WHEN OLD.state IN ('queued', 'sending')
                    BEGIN
                        DELETE FROM outbound_heads WHERE recipient = OLD.recipient;
                        INSERT INTO outbound_heads (recipient, lane, message_id, due)
                            SELECT recipient, lane, id, next_attempt_at FROM outbound_messages
                            WHERE lane = OLD.lane AND recipient = OLD.recipient AND state IN ('queued', 'sending')
                            ORDER BY id LIMIT 1;
                    END;
                    """),
            Migration(
                version: 3, name: "changes by time",
                sql: """
                    -- The staff console follows delivery ticks by what changed since its last look.
                    CREATE INDEX outbound_messages_updated ON outbound_messages (updated_at);
                    """),
            Migration(
                version: 4, name: "messages by recipient",
                sql: """
                    -- A ticket page shows the reporter's latest messages without reading all of them.
                    CREATE INDEX outbound_messages_recipient ON outbound_messages (recipient, id);
                    """),
            Migration(
                version: 5, name: "no index by due time",
                sql: """
                    -- The sender finds due messages through outbound_heads since version 2; this index was
                    -- still written on every enqueue and every send, and read by nothing.
                    DROP INDEX outbound_messages_due;
                    """),
            Migration(
                version: 6, name: "read receipts after replies",
                sql: """
                    -- A read receipt is a courtesy: while Meta's throughput is short the sender spends it on
                    -- replies first, so each head says whether it is a receipt.
                    ALTER TABLE outbound_heads ADD COLUMN receipt INTEGER NOT NULL DEFAULT 0;
                    UPDATE outbound_heads SET receipt = 1
                        WHERE (SELECT kind FROM outbound_messages WHERE id = message_id) = 'read';
                    DROP INDEX outbound_heads_due;
                    CREATE INDEX outbound_heads_due ON outbound_heads (receipt, due, message_id);

                    DROP TRIGGER outbound_heads_insert;
                    CREATE TRIGGER outbound_heads_insert AFTER INSERT ON outbound_messages
                    WHEN NEW.state IN ('queued', 'sending')
                    BEGIN
                        INSERT OR IGNORE INTO outbound_heads (recipient, lane, message_id, due, receipt)
                            VALUES (NEW.recipient, NEW.lane, NEW.id, NEW.next_attempt_at, NEW.kind = 'read');
                    END;

                    DROP TRIGGER outbound_heads_state;
                    CREATE TRIGGER outbound_heads_state AFTER UPDATE OF state ON outbound_messages
                    WHEN (OLD.state IN ('queued', 'sending')) != (NEW.state IN ('queued', 'sending'))
                    BEGIN
                    \(Self.recomputeHead(of: "NEW"))
                    END;

                    DROP TRIGGER outbound_heads_delete;
                    CREATE TRIGGER outbound_heads_delete AFTER DELETE ON outbound_messages
                    WHEN OLD.state IN ('queued', 'sending')
                    BEGIN
                    \(Self.recomputeHead(of: "OLD"))
                    END;
                    """),
            Migration(
                version: 7, name: "queue heads keyed by recipient",
                sql: """
                    -- A head changes on every enqueue to an idle recipient and every send: stored in the order
                    -- of its primary key, with no rowid and no unique index on message_id, each change writes
                    -- two pages (the row and the due index) instead of four.
                    DROP TRIGGER outbound_heads_insert;
                    DROP TRIGGER outbound_heads_state;
                    DROP TRIGGER outbound_heads_delete;
                    DROP TRIGGER outbound_heads_due;
                    CREATE TABLE outbound_heads_by_recipient (
                        recipient TEXT PRIMARY KEY,
                        lane INTEGER NOT NULL,
                        message_id INTEGER NOT NULL,
                        due REAL NOT NULL,
                        receipt INTEGER NOT NULL DEFAULT 0
                    ) WITHOUT ROWID;
                    INSERT INTO outbound_heads_by_recipient (recipient, lane, message_id, due, receipt)
                        SELECT recipient, lane, message_id, due, receipt FROM outbound_heads;
                    DROP TABLE outbound_heads;
                    ALTER TABLE outbound_heads_by_recipient RENAME TO outbound_heads;
                    CREATE INDEX outbound_heads_due ON outbound_heads (receipt, due, message_id);

                    CREATE TRIGGER outbound_heads_insert AFTER INSERT ON outbound_messages
                    WHEN NEW.state IN ('queued', 'sending')
                    BEGIN
                        INSERT OR IGNORE INTO outbound_heads (recipient, lane, message_id, due, receipt)
                            VALUES (NEW.recipient, NEW.lane, NEW.id, NEW.next_attempt_at, NEW.kind = 'read');
                    END;

                    CREATE TRIGGER outbound_heads_state AFTER UPDATE OF state ON outbound_messages
                    WHEN (OLD.state IN ('queued', 'sending')) != (NEW.state IN ('queued', 'sending'))
                    BEGIN
                    \(Self.recomputeHead(of: "NEW"))
                    END;

                    CREATE TRIGGER outbound_heads_delete AFTER DELETE ON outbound_messages
                    WHEN OLD.state IN ('queued', 'sending')
                    BEGIN
                    \(Self.recomputeHead(of: "OLD"))
                    END;

                    CREATE TRIGGER outbound_heads_due AFTER UPDATE OF next_attempt_at ON outbound_messages
                    BEGIN
                        UPDATE outbound_heads SET due = NEW.next_attempt_at
                        WHERE recipient = NEW.recipient AND message_id = NEW.id;
                    END;
                    """),
            Migration(
                version: 8, name: "read receipts carried by replies",
                sql: """
                    -- The read receipt of a message that is answered rides on the first reply: the sender marks
                    -- the message read right after the reply is recorded, with no row of its own to insert
                    -- and record.
                    ALTER TABLE outbound_messages ADD COLUMN read_receipt TEXT;
                    """),
            Migration(
                version: 9, name: "queue heads found by lane",
                sql: """
                    -- A worker reads the heads of its own lanes, each in due order: with the lane before the
                    -- due date in the index it seeks to them, instead of stepping over every other worker's
                    -- heads due earlier (a backlog costs one seek per lane, not a scan of the whole queue).
                    DROP INDEX outbound_heads_due;
                    CREATE INDEX outbound_heads_due ON outbound_heads (receipt, lane, due, message_id);
                    """),
        ])

    /// The statements of a trigger that makes the oldest pending message of `row`'s recipient its head
    /// (`row` is `NEW` or `OLD`), with whether that message is a read receipt.
    private static func recomputeHead(of row: String) -> String {
        """
            DELETE FROM outbound_heads WHERE recipient = \(row).recipient;
            INSERT INTO outbound_heads (recipient, lane, message_id, due, receipt)
                SELECT recipient, lane, id, next_attempt_at, kind = 'read' FROM outbound_messages
                WHERE lane = \(row).lane AND recipient = \(row).recipient AND state IN ('queued', 'sending')
                ORDER BY id LIMIT 1;
        """
    }
}
