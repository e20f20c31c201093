/// One numbered schema change of one component (`ticketing`, `edge`, `conversation`, ...).
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}

/// Applies each component's numbered migrations in order, once, and refuses a database
/// written by a newer Loket.
public struct Migrator: Sendable {
    public let component: String
    public let migrations: [Migration]

    public init(component: String, migrations: [Migration]) {
        precondition(
            migrations.enumerated().allSatisfy { $0.offset + 1 == $0.element.version },
            "Invalid migrations for \(component): versions must be 1, 2, 3, ... in order")
        self.component = component
        self.migrations = migrations
    }

    /// The highest version this build knows.
    public var latestVersion: Int { self.migrations.last?.version ?? 0 }

    /// The version currently recorded in `database` for this component (0 when none).
    public func currentVersion(in database: Database) throws -> Int {
        try Self.createLedger(in: database)
        return try database.queryFirst(
            "SELECT version FROM schema_migrations WHERE component = ?", [.text(self.component)]
        ) { $0.int(0) } ?? 0
    }

    /// Brings `database` up to `latestVersion`; each migration commits with its ledger row.
    /// - Returns: the versions applied.
    @discardableResult
    public func migrate(_ database: Database) throws -> [Int] {
        let current = try self.currentVersion(in: database)
        guard current <= self.latestVersion else {
            throw SQLiteError.newerSchema(component: self.component, found: current, known: self.latestVersion)
        }
        var applied: [Int] = []
        for migration in self.migrations where migration.version > current {
            do {
                try database.transaction {
                    try database.execute(migration.sql)
                    try database.run(
                        """
                        INSERT INTO schema_migrations (component, version, name, applied_at)
                        VALUES (?, ?, ?, strftime('%s','now'))
                        ON CONFLICT (component) DO UPDATE SET version = excluded.version, name = excluded.name,
                            applied_at = excluded.applied_at
                        """,
                        [.text(self.component), .int(migration.version), .text(migration.name)])
                }
            } catch let error as SQLiteError {
                throw SQLiteError.migrationFailed(
                    component: self.component, version: migration.version, underlying: error.message)
            }
            applied.append(migration.version)
        }
        return applied
    }

    static func createLedger(in database: Database) throws {
        try database.execute(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                component TEXT PRIMARY KEY,
                version INTEGER NOT NULL,
                name TEXT NOT NULL,
                applied_at INTEGER NOT NULL
            )
            """)
    }
}
