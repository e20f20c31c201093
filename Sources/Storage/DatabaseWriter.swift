import Foundation
import Synchronization

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
    /// The thread holding `lock` (`pthread_self()`), 0 while none does.
    private let owner = Atomic<UInt>(0)
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
        try self.withConnection { database in try database.transaction { try body(database) } }
    }

    /// Runs `body` on the writer connection without opening a transaction (reads, pragmas, backup).
    public func read<Result>(_ body: (Database) throws -> Result) throws -> Result {
        try self.withConnection(body)
    }

    /// Applies more migrations after start-up (components that attach later).
    public func migrate(_ migrator: Migrator) throws {
        try self.withConnection { try migrator.migrate($0) }
    }

    /// Whether the calling thread holds the writer: slow work (a network call) must never run then.
    public var isHeldByCurrentThread: Bool {
        self.owner.load(ordering: .relaxed) == pthread_self()
    }

    @discardableResult
    private func withConnection<Result>(_ body: (Database) throws -> Result) throws -> Result {
        self.lock.lock()
        let thread = pthread_self()
        self.owner.store(thread, ordering: .relaxed)
        defer {
            self.owner.store(0, ordering: .relaxed)
            self.lock.unlock()
        }
        return try body(self.database)
    }
}
