import CSQLite3
import Foundation
import Support

/// Keeps the write-ahead log of a file database short without making its writer pay for it.
///
/// SQLite's automatic checkpoint runs inside whichever commit crosses the threshold, on the writer's
/// thread and while it holds the write lock: copying the log back and syncing the database file then
/// stalls every transaction queued behind it. Instead, the writer's automatic checkpoint is raised to a
/// backstop and this type checkpoints from its own connection on its own thread:
///
/// - every `interval`, a `PASSIVE` checkpoint copies what the log holds into the database file and
///   syncs it; it takes no write lock, so commits go on meanwhile;
/// - a log that keeps being appended to is never fully copied at the instant a new transaction starts,
///   so SQLite never rewinds it and it would grow without bound. Once it holds more than
///   `restartFrames` frames, and right after a passive pass has copied nearly all of it, a `RESTART`
///   checkpoint runs while holding the `DatabaseWriter`'s lock: it only copies the few frames written
///   since, and the next transaction writes the log from its start again.
///
/// Durability is unchanged: a commit is in the log before it returns, checkpoints only move it on.
///
/// `@unchecked Sendable`: the connection is used only by the checkpointing thread (and by
/// `checkpoint()` in tests that never start that thread); the run flags are guarded by `condition`.
public final class WALCheckpointer: @unchecked Sendable, Service {
    /// When to checkpoint.
    public struct Settings: Sendable, Equatable {
        /// The pause between passive checkpoints.
        public var interval: TimeInterval
        /// The log size (in frames, one page each) past which the log is rewound: 64 MiB of 4 KiB pages.
        public var restartFrames: Int
        /// The writer's own automatic checkpoint, in pages: only a backstop should this thread fall behind.
        public var writerAutocheckpoint: Int

        public init(interval: TimeInterval = 0.25, restartFrames: Int = 16384, writerAutocheckpoint: Int = 65536) {
            self.interval = interval
            self.restartFrames = max(1, restartFrames)
            self.writerAutocheckpoint = max(0, writerAutocheckpoint)
        }
    }

    /// What one checkpoint pass did, for tests and logs.
    public struct Pass: Sendable, Equatable {
        /// Frames in the log when the passive checkpoint ran.
        public var logFrames: Int
        /// Frames of it copied into the database file.
        public var checkpointedFrames: Int
        /// Whether the log was rewound (its next transaction writes from the start).
        public var restarted: Bool
    }

    public let settings: Settings
    private let writer: DatabaseWriter
    private let connection: Database
    private let condition = NSCondition()
    private var running = false
    private var stopped = true

    /// Opens the checkpointing connection on the writer's database and lowers the writer's own
    /// automatic checkpoint to the backstop.
    /// - Throws: `SQLiteError` when the database is not a file database or cannot be opened.
    public init(writer: DatabaseWriter, settings: Settings = Settings()) throws {
        guard writer.path != ":memory:" else {
            throw SQLiteError.misuse("an in-memory database has no write-ahead log")
        }
        self.writer = writer
        self.settings = settings
        self.connection = try Database(path: writer.path)
        // A rewind waits for nobody: if a reader still uses the log, the next pass tries again.
        sqlite3_busy_timeout(self.connection.handle, 0)
        try self.connection.execute("PRAGMA wal_autocheckpoint=0")
        try writer.exclusive { try $0.execute("PRAGMA wal_autocheckpoint=\(settings.writerAutocheckpoint)") }
    }

    /// Starts the checkpointing thread.
    public func start() {
        self.condition.lock()
        defer { self.condition.unlock() }
        guard !self.running, self.stopped else { return }
        self.running = true
        self.stopped = false
        WorkerThread.start(name: "loket-checkpt") { [self] in self.run() }
    }

    /// Stops the thread after its current pass; returns once it has finished.
    public func stop() {
        self.condition.lock()
        defer { self.condition.unlock() }
        guard self.running else { return }
        self.running = false
        self.condition.broadcast()
        while !self.stopped { self.condition.wait() }
    }

    /// Runs one pass now: a passive checkpoint, then a rewind when the log is past `restartFrames`.
    /// Call it only while the thread is not running.
    @discardableResult
    public func checkpoint() throws -> Pass {
        var pass = try self.run(SQLITE_CHECKPOINT_PASSIVE)
        guard pass.logFrames >= self.settings.restartFrames else { return pass }
        // A pass copies the log as it was when the pass began; what is appended meanwhile waits for the
        // next one. Passes therefore shrink until one finds only a few new frames: it was short, so
        // little was appended during it, and the rewind holds the writer for just that little.
        var appended = Int.max
        var passes = 1
        while appended > Self.restartBacklog, passes < Self.maxCatchUpPasses {
            let next = try self.run(SQLITE_CHECKPOINT_PASSIVE)
            appended = next.logFrames - pass.logFrames
            pass = next
            passes += 1
        }
        // Under a write rate the passes cannot catch up with, the log is rewound anyway once it is twice
        // the bound: the writer then waits for one larger copy, but the log stays bounded.
        guard appended <= Self.restartBacklog || pass.logFrames >= 2 * self.settings.restartFrames else {
            return pass
        }
        let restart = try self.writer.exclusive { _ in try self.run(SQLITE_CHECKPOINT_RESTART) }
        pass.restarted = restart.restarted
        return pass
    }

    /// Frames a catch-up pass may find appended since the previous one for the rewind to go ahead (1 MB).
    static let restartBacklog = 256
    /// Passive passes in a row before giving up on a rewind until the next interval.
    static let maxCatchUpPasses = 6

    private func run() {
        self.condition.lock()
        while self.running {
            _ = self.condition.wait(until: Date().addingTimeInterval(self.settings.interval))
            guard self.running else { break }
            self.condition.unlock()
            _ = try? self.checkpoint()
            self.condition.lock()
        }
        self.stopped = true
        self.condition.broadcast()
        self.condition.unlock()
    }

    /// One `sqlite3_wal_checkpoint_v2` call; a busy result is not an error (the next pass retries).
    private func run(_ mode: Int32) throws -> Pass {
        var logFrames: Int32 = 0
        var checkpointed: Int32 = 0
        let result = sqlite3_wal_checkpoint_v2(self.connection.handle, nil, mode, &logFrames, &checkpointed)
        switch result & 0xFF {
        case SQLITE_OK:
            // After a successful RESTART the log is empty for the next writer (-1 when there is no log).
            let restarted = mode == SQLITE_CHECKPOINT_RESTART
            return Pass(logFrames: Int(logFrames), checkpointedFrames: Int(checkpointed), restarted: restarted)
        case SQLITE_BUSY, SQLITE_LOCKED:
            return Pass(logFrames: Int(logFrames), checkpointedFrames: Int(checkpointed), restarted: false)
        default:
            throw self.connection.error(code: result, sql: "wal_checkpoint")
        }
    }
}
