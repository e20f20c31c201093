import CSQLite3
import Foundation

/// One SQLite connection with a cache of prepared statements.
///
/// A `Database` is not thread-safe by itself: its owner (`DatabaseWriter` for writes, or a single
/// reader) serialises every use, which is why it may cross threads as `@unchecked Sendable`.
public final class Database: @unchecked Sendable {
    let handle: OpaquePointer
    public let path: String
    private var statements: [StatementKey: Statement] = [:]
    private var transactionDepth = 0

    /// Opens (creating if needed) the database at `path`; `":memory:"` opens a private in-memory database.
    ///
    /// File databases use WAL journaling with `synchronous=NORMAL`: a committed transaction survives the
    /// process being killed at any instant. A writable connection keeps its temporary files in memory: the
    /// statement journal that a write inside a savepoint needs would otherwise be a file created and deleted
    /// in the temporary directory for nearly every transaction (only the writer writes, and its undo data
    /// for one statement is small; read-only connections still spill large sorts to disk).
    ///
    /// - Parameter groupsLogWrites: write each transaction's frames to the write-ahead log in one `pwrite`
    ///   (`CSQLITE3_WAL_VFS`) instead of two per page, for the one connection that writes. The frames reach
    ///   the file before the commit is visible, as without it; see `DatabaseWriter`.
    public init(path: String, readOnly: Bool = false, groupsLogWrites: Bool = false) throws {
        _ = Self.libraryConfigured
        var handle: OpaquePointer?
        let flags =
            (readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE))
            | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI
        let vfs = groupsLogWrites && !readOnly && path != ":memory:" ? CSQLITE3_WAL_VFS : nil
        let result = sqlite3_open_v2(path, &handle, flags, vfs)
        guard result == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let handle { sqlite3_close_v2(handle) }
            throw SQLiteError.sqlite(code: result, message: "\(message) (\(path))")
        }
        self.handle = handle
        self.path = path
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, 5_000)
        if !readOnly && path != ":memory:" {
            try self.execute("PRAGMA journal_mode=WAL")
        }
        try self.execute("PRAGMA synchronous=NORMAL")
        try self.execute("PRAGMA foreign_keys=ON")
        if !readOnly {
            try self.execute("PRAGMA temp_store=MEMORY")
        }
    }

    /// Configures the SQLite library once, before the first connection initialises it: no memory statistics
    /// (Loket reads none), so allocations, several hundred per processed message, take no process-wide lock.
    private static let libraryConfigured: Void = {
        _ = csqlite3_disable_memory_statistics()
        sqlite3_initialize()
        _ = csqlite3_register_wal_vfs()
    }()

    deinit {
        self.statements.removeAll()
        sqlite3_close_v2(self.handle)
    }

    /// Runs one or more SQL statements that take no parameters and return no rows of interest.
    public func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let result = sqlite3_exec(self.handle, sql, nil, nil, &message)
        guard result == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(self.handle))
            sqlite3_free(message)
            throw SQLiteError.sqlite(code: result, message: text, sql: sql)
        }
    }

    /// The cached prepared statement for `sql`, reset and with `values` bound.
    public func prepare(_ sql: String, _ values: [SQLiteValue] = []) throws -> Statement {
        let statement: Statement
        let key = StatementKey(sql)
        if let cached = self.statements[key] {
            cached.reset()
            statement = cached
        } else {
            statement = try Statement(database: self, sql: sql)
            self.statements[key] = statement
        }
        try statement.bind(values)
        return statement
    }

    /// Runs a statement that returns no rows.
    public func run(_ sql: String, _ values: [SQLiteValue] = []) throws {
        let statement = try self.prepare(sql, values)
        defer { statement.reset() }
        while try statement.step() {}
    }

    /// Runs a query and maps each row.
    public func query<Row>(
        _ sql: String, _ values: [SQLiteValue] = [], row: (Statement) throws -> Row
    ) throws -> [Row] {
        let statement = try self.prepare(sql, values)
        defer { statement.reset() }
        var rows: [Row] = []
        while try statement.step() {
            rows.append(try row(statement))
        }
        return rows
    }

    /// Runs a query and maps its first row, if any.
    public func queryFirst<Row>(
        _ sql: String, _ values: [SQLiteValue] = [], row: (Statement) throws -> Row
    ) throws -> Row? {
        let statement = try self.prepare(sql, values)
        defer { statement.reset() }
        return try statement.step() ? row(statement) : nil
    }

    /// The number of rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes(self.handle)) }

    /// The rowid of the last successful INSERT.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(self.handle) }

    /// Whether a transaction is open on this connection.
    public var isInTransaction: Bool { sqlite3_get_autocommit(self.handle) == 0 }

    /// Runs `body` in a transaction: `BEGIN IMMEDIATE` at the outermost level, a savepoint when nested.
    /// Commits when `body` returns, rolls back when it throws. The control statements are prepared once and
    /// kept, like any other: a transaction per message would otherwise parse four of them each time.
    public func transaction<Result>(_ body: () throws -> Result) throws -> Result {
        if self.transactionDepth > 0 {
            let name = "loket_sp\(self.transactionDepth)"
            try self.run("SAVEPOINT \(name)")
            self.transactionDepth += 1
            defer { self.transactionDepth -= 1 }
            do {
                let result = try body()
                try self.run("RELEASE \(name)")
                return result
            } catch {
                try? self.run("ROLLBACK TO \(name)")
                try? self.run("RELEASE \(name)")
                throw error
            }
        }
        try self.run("BEGIN IMMEDIATE")
        self.transactionDepth = 1
        defer { self.transactionDepth = 0 }
        do {
            let result = try body()
            try self.run("COMMIT")
            return result
        } catch {
            if self.isInTransaction { try? self.run("ROLLBACK") }
            throw error
        }
    }

    /// Runs `body` with the database file memory-mapped (`PRAGMA mmap_size`), then unmaps it. Pages then come
    /// from the mapping instead of one `pread` each, and the first touch of a page not in memory reads its
    /// neighbours with it, as the kernel reads around a page fault: a scan of thousands of pages on a cold
    /// cache takes far fewer trips to the disk. SQLite's own limit (`SQLITE_MAX_MMAP_SIZE`, just under 2 GiB in
    /// Debian's build) caps the mapping; the rest of a larger file is read as usual.
    ///
    /// An I/O error on the mapped file raises `SIGBUS` instead of returning an error, which ends the process.
    public func withMappedFile<Result>(_ body: () throws -> Result) throws -> Result {
        precondition(self.transactionDepth == 0, "Invalid state: the file is mapped inside a transaction")
        try self.execute("PRAGMA mmap_size=\(Int64.max)")
        defer { try? self.execute("PRAGMA mmap_size=0") }
        return try body()
    }

    /// Runs `body` in a read transaction (`BEGIN DEFERRED`), so every query in it sees one snapshot; for
    /// read-only connections, where `transaction` cannot take the write lock.
    public func readTransaction<Result>(_ body: () throws -> Result) throws -> Result {
        precondition(self.transactionDepth == 0, "Invalid state: a read transaction inside a transaction")
        try self.run("BEGIN DEFERRED")
        defer { if self.isInTransaction { try? self.run("ROLLBACK") } }
        let result = try body()
        try self.run("COMMIT")
        return result
    }

    func error(code: Int32, sql: String?) -> SQLiteError {
        SQLiteError.sqlite(code: code, message: String(cString: sqlite3_errmsg(self.handle)), sql: sql)
    }
}
