import Storage

/// The `access` component's tables: passwords and roles, sessions, personal API tokens, login failures and
/// the audit log. Members themselves are the ticketing component's `staff` rows.
public enum AccessSchema {
    public static let component = "access"

    static let migrations = [
        Migration(
            version: 1, name: "credentials, sessions, tokens, throttle, audit",
            sql: """
                CREATE TABLE staff_credentials (
                    staff_id TEXT PRIMARY KEY REFERENCES staff (id) ON DELETE CASCADE,
                    role TEXT NOT NULL CHECK (role IN ('l1', 'l2', 'admin')),
                    password_hash TEXT,
                    updated_at INTEGER NOT NULL
                );
                -- Tokens are stored as SHA-256 only; the browser holds the token in an HttpOnly cookie.
                CREATE TABLE staff_sessions (
                    token_sha256 TEXT PRIMARY KEY,
                    staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
                    csrf_token TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    last_seen_at INTEGER NOT NULL,
                    address TEXT NOT NULL
                );
                CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id);
                CREATE TABLE staff_api_tokens (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
                    label TEXT NOT NULL,
                    token_sha256 TEXT NOT NULL UNIQUE,
                    created_at INTEGER NOT NULL,
                    last_used_at INTEGER
                );
                CREATE TABLE login_failures (
                    key TEXT NOT NULL,
                    at INTEGER NOT NULL
                );
                CREATE INDEX login_failures_key ON login_failures (key, at);
                CREATE TABLE audit_log (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at INTEGER NOT NULL,
                    staff_id TEXT,
                    action TEXT NOT NULL,
                    detail TEXT NOT NULL,
                    address TEXT NOT NULL,
                    success INTEGER NOT NULL
                );
                """)
    ]

    public static let migrator = Migrator(component: component, migrations: migrations)
}
