import Foundation
import Storage
import WebhookServer

/// Moves the SQLite write-ahead log into the database from its own connection and thread, once per
/// `interval`, instead of letting whichever commit crosses SQLite's threshold do it (with its fsyncs)
/// while webhooks wait for their acknowledgement.
///
/// The writer's automatic checkpoints are turned off while this runs; PASSIVE checkpoints never block
/// the writer. A committed transaction stays durable either way: it is in the WAL.
///
/// `@unchecked Sendable`: the checkpoint connection is used only by the checkpoint thread, and the
/// flags only while holding `condition`.
final class WALCheckpointer: @unchecked Sendable {
    private let path: String
    private let interval: TimeInterval
    private let logger: Logger
    private let condition = NSCondition()
    private var running = false
    private var finished = true

    init(path: String, interval: TimeInterval = 1, logger: Logger) {
        self.path = path
        self.interval = interval
        self.logger = logger
    }

    /// Turns off the writer's automatic checkpoints and starts checkpointing from a background thread.
    func start(writer: DatabaseWriter) throws {
        let connection = try Database(path: self.path)
        try writer.read { try $0.execute("PRAGMA wal_autocheckpoint=0") }
        self.condition.lock()
        self.running = true
        self.finished = false
        self.condition.unlock()
        WorkerThread.start(name: "loket-checkpoint", background: true) { [self] in
            self.run(connection)
        }
    }

    /// Stops the thread after a last checkpoint.
    func stop() {
        self.condition.lock()
        self.running = false
        self.condition.broadcast()
        while !self.finished { self.condition.wait() }
        self.condition.unlock()
    }

    private func run(_ connection: Database) {
        self.condition.lock()
        while self.running {
            _ = self.condition.wait(until: Date().addingTimeInterval(self.interval))
            self.condition.unlock()
            do {
                try connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
            } catch {
                self.logger.warning("database.checkpoint_failed", ["error": "\(error)"])
            }
            self.condition.lock()
        }
        self.finished = true
        self.condition.broadcast()
        self.condition.unlock()
    }
}
