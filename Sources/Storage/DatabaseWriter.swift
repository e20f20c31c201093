import Foundation
import Support
import Synchronization

/// The single writer of a Loket database, and a small pool of read-only connections beside it.
///
/// Every write transaction goes through `write`, one at a time. Reads (`read`) run on their own read-only
/// connections in WAL mode, so gauges, health checks, queue pages and scans never wait behind a write,
/// and a write never waits for them. An in-memory database (`":memory:"`, tests) has no second connection
/// to share it: there, reads take the writer connection.
///
/// Both block the calling thread; call them from worker threads (the dispatcher, the outbox, the
/// console), never from the thread that accepts connections.
///
/// The writer connection writes a transaction's frames to the write-ahead log in one `pwrite` (`Database`'s
/// `groupsLogWrites`): SQLite writes each page's frame in two, header and page, about six pages a message.
/// The frames are kept only until the commit frame is written, so they are in the file before the commit
/// becomes visible to other connections, and a sync, a read or a truncation of the log passes them on first.
/// Once the migrations have run, the connection does not spill pages to the log before a transaction
/// commits (`PRAGMA cache_spill=OFF`; Loket's write transactions are bounded): frames kept for a
/// transaction rolled back afterwards could otherwise reach the file after another connection's frames.
///
/// `@unchecked Sendable`: the writer connection is used only while holding `lock`; each reader connection
/// only by the thread that took it from `readers`.
public final class DatabaseWriter: @unchecked Sendable {
    private let database: Database
    private let lock = NSLock()
    /// The thread holding `lock` (`pthread_self()`), 0 while none does.
    private let owner = Atomic<UInt>(0)
    /// Read-only connections, opened on demand.
    private let readers: ResourcePool<Database, any Error>
    public let path: String
    /// Commits on stable storage so far (`Durability.powerLoss`): each is one fsync of the write-ahead log.
    private let durableCommits = Atomic<Int>(0)
    /// Write transactions committed so far, whatever their durability.
    private let commits = Atomic<Int>(0)

    /// What a committed write survives.
    public enum Durability: Sendable {
        /// A killed process (`synchronous=NORMAL` in WAL mode): the commit is in the operating system's
        /// cache and may be lost to a power cut or a kernel crash, with everything after it. Enough for
        /// work that is redone from the inbox when lost.
        case processCrash
        /// A power cut or a kernel crash too (`synchronous=FULL`): the write-ahead log is fsync'd before the
        /// commit returns. For what is acknowledged to the outside, such as a webhook's 200.
        case powerLoss
    }

    /// Commits made with `Durability.powerLoss` since start: one fsync each, however many rows they held.
    public var durableCommitCount: Int { self.durableCommits.load(ordering: .relaxed) }

    /// Write transactions committed since start (`write` calls that returned).
    public var commitCount: Int { self.commits.load(ordering: .relaxed) }

    /// Opens the writer connection at `path` (`":memory:"` for tests) and applies `migrators` in order.
    /// - Parameter maxReaders: read-only connections opened on demand, at most.
    public init(path: String, migrators: [Migrator] = [], maxReaders: Int = 4) throws {
        precondition(maxReaders > 0, "Invalid reader count: at least one reader is needed")
        let database = try Database(path: path, groupsLogWrites: true)
        for migrator in migrators {
            try migrator.migrate(database)
        }
        try database.execute("PRAGMA cache_spill=OFF")
        self.database = database
        self.path = path
        self.readers = ResourcePool(capacity: maxReaders) { try Database(path: path, readOnly: true) }
    }

    /// Runs `body` inside one transaction on the writer connection; commits when it returns,
    /// rolls back when it throws. The commit survives what `durability` says.
    public func write<Result>(
        durability: Durability = .processCrash, _ body: (Database) throws -> Result
    ) throws -> Result {
        try self.exclusive { database in
            let durable = durability == .powerLoss && self.path != ":memory:"
            if durable { try database.run("PRAGMA synchronous=FULL") }
            defer { if durable { try? database.run("PRAGMA synchronous=NORMAL") } }
            let result = try database.transaction { try body(database) }
            if durable { self.durableCommits.add(1, ordering: .relaxed) }
            self.commits.add(1, ordering: .relaxed)
            return result
        }
    }

    /// Runs `body` in one read transaction on a read-only connection: it sees the last commit, never waits
    /// for the writer, and cannot write.
    public func read<Result>(_ body: (Database) throws -> Result) throws -> Result {
        try self.readTransaction(mapped: false, body)
    }

    /// Runs `body` in one read transaction, as `read` does, with the database file memory-mapped for it
    /// (`Database.withMappedFile`): for a scan over thousands of pages, such as a month's reports, which on a
    /// cold cache then reads the file in the kernel's read-around chunks instead of one 4 KiB `pread` per page.
    /// Not for the message path: with the pages in memory, a mapped read costs more than SQLite's own cache.
    public func readMapped<Result>(_ body: (Database) throws -> Result) throws -> Result {
        try self.readTransaction(mapped: true, body)
    }

    /// `body` in one read transaction on a pooled read-only connection, its file mapped when `mapped`; on the
    /// writer's connection for an in-memory database, which has no other.
    private func readTransaction<Result>(mapped: Bool, _ body: (Database) throws -> Result) throws -> Result {
        guard self.path != ":memory:" else { return try self.exclusive(body) }
        let reader = try self.readers.take()
        defer { self.readers.give(reader) }
        func transaction() throws -> Result { try reader.readTransaction { try body(reader) } }
        return try mapped ? reader.withMappedFile(transaction) : transaction()
    }

    /// Runs `first` and `second` each in a mapped read of its own (`readMapped(_:)`), at the same time, and
    /// returns both results: a report of two parts that each scan thousands of pages takes about as long as the
    /// longer part, with two cores and a disk that serves reads side by side. The two read transactions begin a
    /// moment apart, so a commit between them is seen by the second only: give each part figures that need no
    /// other part's snapshot. The first error thrown, `first`'s before `second`'s, is rethrown.
    public func readMapped<First: Sendable, Second: Sendable>(
        _ first: @Sendable (Database) throws -> First, _ second: @Sendable (Database) throws -> Second
    ) throws -> (First, Second) {
        let results = Mutex<(first: Result<First, any Error>?, second: Result<Second, any Error>?)>((nil, nil))
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                let result = Result { try self.readMapped(first) }
                results.withLock { $0.first = result }
            } else {
                let result = Result { try self.readMapped(second) }
                results.withLock { $0.second = result }
            }
        }
        let (firstResult, secondResult) = results.withLock { ($0.first, $0.second) }
        guard let firstResult, let secondResult else {
            preconditionFailure("Invalid state: concurrentPerform returned before both parts ran")
        }
        return (try firstResult.get(), try secondResult.get())
    }

    /// Runs `body` on the writer connection without opening a transaction, holding the writer: pragmas
    /// of that connection, and checkpoints that must not interleave with commits.
    @discardableResult
    public func exclusive<Result>(_ body: (Database) throws -> Result) throws -> Result {
        self.lock.lock()
        self.owner.store(pthread_self(), ordering: .relaxed)
        defer {
            self.owner.store(0, ordering: .relaxed)
            self.lock.unlock()
        }
        return try body(self.database)
    }

    /// Applies more migrations after start-up (components that attach later).
    public func migrate(_ migrator: Migrator) throws {
        try self.exclusive { try migrator.migrate($0) }
    }

    /// Whether the calling thread holds the writer: slow work (a network call) must never run then.
    public var isHeldByCurrentThread: Bool {
        self.owner.load(ordering: .relaxed) == pthread_self()
    }
}
