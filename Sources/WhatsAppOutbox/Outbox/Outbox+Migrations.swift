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
                    """)
        ])
}
