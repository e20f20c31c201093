import Foundation

/// The single writer of a Loket database: every write transaction goes through it, one at a time.
///
/// Writes block the calling thread while they wait for the connection; call it from worker
/// threads (the dispatcher, the outbox, the console), never from the thread that accepts
/// connections.
///
/// `@unchecked Sendable`: the only mutable state is the connection, and every use of it happens
/// while holding `lock`.
public final class DatabaseWriter: @unchecked Sendable {
    private let database: Database
    private let lock = NSLock()
    public let path: String

    /// Opens the writer connection at `path` (`":memory:"` for tests) and applies `migrators` in order.
    public init(path: String, migrators: [Migrator] = []) throws {
        let database = try Database(path: path)
        for migrator in migrators {
            try migrator.migrate(database)
        }
        self.database = database
        self.path = path
    }

    /// Runs `body` inside one transaction on the writer connection; commits when it returns,
    /// rolls back when it throws.
    public func write<Result>(_ body: (Database) throws -> Result) throws -> Result {
        self.lock.lock()
        defer { self.lock.unlock() }
        return try self.database.transaction { try body(self.database) }
    }

    /// Runs `body` on the writer connection without opening a transaction (reads, pragmas, backup).
    public func read<Result>(_ body: (Database) throws -> Result) throws -> Result {
        self.lock.lock()
        defer { self.lock.unlock() }
        return try body(self.database)
    }

    /// Applies more migrations after start-up (components that attach later).
    public func migrate(_ migrator: Migrator) throws {
        self.lock.lock()
        defer { self.lock.unlock() }
        try migrator.migrate(self.database)
    }
}
