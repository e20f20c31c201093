import Foundation
import Storage
import Support

/// Writes webhook events into the inbox with group commit: request handlers queue their events, one
/// writer thread drains everything queued into one durable write, then completes every request.
///
/// With an `InboxLog` (how Loket runs), the write is one append and one `fdatasync` of the log, and the
/// records are handed to the dispatcher, which stores each event as it processes it, or moves them into the
/// inbox table later (`InboxLogReplayer`); without one, it is one
/// transaction on the inbox table with `synchronous=FULL`. Either way a request is completed only after its
/// events are on stable storage, so its 200 never precedes the fsync. When a shared transaction fails, each
/// request is retried alone so only the faulty one gets an error; when the log fails, every request waiting
/// gets the error (the log then refuses further appends until a restart recovers it).
///
/// With an `InboxLog`, while webhooks arrive one at a time (the last write held one request and none queued
/// during it), a request that finds nothing being written and nothing queued is written by the caller
/// itself, as a group of one: it is then acknowledged without two thread hand-offs (to the writer and back
/// to the caller's event loop); the other requests of that event loop wait for this one fsync with it.
/// Requests arriving while any write is in progress queue for the writer thread's next group, and once
/// they do, every request goes to the writer thread until a group of one shows the load has gone: under
/// load the event loops never wait for the disk, and one fsync covers every webhook waiting.
///
/// `@unchecked Sendable`: the mutable queue and flags are only touched while holding `condition`.
public final class InboxWriter: @unchecked Sendable, Service {
    public typealias Completion = @Sendable (Result<Int, any Error>) -> Void

    private struct Submission {
        var events: [WebhookEvent]
        var completion: Completion
    }

    private let writer: DatabaseWriter
    private let log: InboxLog?
    private let now: @Sendable () -> Date
    private let onCommit: @Sendable () -> Void
    private let handOff: @Sendable (_ records: [InboxLogRecord], _ through: Int) -> Bool
    private let logger: Logger
    private let condition = NSCondition()
    private var queue: [Submission] = []
    private var running = false
    private var stopped = false
    /// Whether a write is in progress, on the writer thread or on a caller's: writes go one at a time, in
    /// the order their requests were taken.
    private var writing = false
    /// Whether webhooks have been arriving one at a time: the last write held one request and none queued
    /// during it. Only then may a caller write its own.
    private var arrivingAlone = true

    /// - Parameters:
    ///   - onCommit: called after each commit that stored something (wakes the dispatcher).
    ///   - log: where acknowledged deliveries go first; without it they go straight into the inbox table.
    ///   - handOff: with a log, offered each append's records right after their fsync, in the log's order,
    ///     with the ordinal of the last (`InboxLog.appendedRecords`): returns whether it took them
    ///     (`Dispatcher.take`); `onCommit` is called only for records it did not take.
    public init(
        writer: DatabaseWriter, log: InboxLog? = nil, logger: Logger, now: @escaping @Sendable () -> Date = { Date() },
        onCommit: @escaping @Sendable () -> Void = {},
        handOff: @escaping @Sendable (_ records: [InboxLogRecord], _ through: Int) -> Bool = { _, _ in false }
    ) {
        self.writer = writer
        self.log = log
        self.logger = logger
        self.now = now
        self.onCommit = onCommit
        self.handOff = handOff
    }

    public func start() {
        self.condition.lock()
        defer { self.condition.unlock() }
        guard !self.running else { return }
        self.running = true
        self.stopped = false
        WorkerThread.start(name: "loket-inbox") { [self] in self.run() }
    }

    /// Stops after writing everything already queued; returns when the writer thread has finished.
    public func stop() {
        self.condition.lock()
        guard self.running else {
            self.condition.unlock()
            return
        }
        self.running = false
        self.condition.broadcast()
        while !self.stopped { self.condition.wait() }
        self.condition.unlock()
    }

    /// Queues `events`; `completion` receives the number of new rows once they are committed, or the error.
    /// While webhooks arrive one at a time and nothing is being written or queued, the events are written on
    /// the calling thread and `completion` runs there before `submit` returns.
    public func submit(_ events: [WebhookEvent], completion: @escaping Completion) {
        self.condition.lock()
        guard self.running else {
            self.condition.unlock()
            completion(.failure(InboxError.stopped))
            return
        }
        let submission = Submission(events: events, completion: completion)
        guard self.log != nil, self.arrivingAlone, !self.writing, self.queue.isEmpty else {
            self.queue.append(submission)
            self.condition.unlock()
            // After the unlock: woken while the lock is held, the writer would only sleep again on it.
            self.condition.signal()
            return
        }
        self.writeInTurn([submission])
        // What queued meanwhile is the writer thread's; a `stop()` waits for this write to end.
        let wakeWriter = !self.queue.isEmpty || !self.running
        self.condition.unlock()
        if wakeWriter { self.condition.broadcast() }
    }

    private func run() {
        self.condition.lock()
        while true {
            // Waits while there is nothing to write or a caller is writing; a stop waits for that write too.
            while (self.queue.isEmpty || self.writing) && (self.running || self.writing) { self.condition.wait() }
            if self.queue.isEmpty {
                self.stopped = true
                self.condition.broadcast()
                self.condition.unlock()
                return
            }
            let batch = self.queue
            self.queue.removeAll(keepingCapacity: true)
            self.writeInTurn(batch)
        }
    }

    /// Writes `batch` as the one write in progress, outside the lock: called with `condition` locked and
    /// nothing else writing, returns with it locked again.
    private func writeInTurn(_ batch: [Submission]) {
        self.writing = true
        self.condition.unlock()
        self.write(batch)
        self.condition.lock()
        self.writing = false
        self.arrivingAlone = batch.count == 1 && self.queue.isEmpty
    }

    private func write(_ batch: [Submission]) {
        let receivedAt = self.now()
        if let log = self.log {
            do {
                let records = batch.map { InboxLogRecord(receivedAt: receivedAt, events: $0.events) }
                try log.append(records.map(\.encoded))
                // Still the one write in progress: the records are handed over in the log's order.
                if !self.handOff(records, log.appendedRecords) { self.onCommit() }
                for submission in batch { submission.completion(.success(submission.events.count)) }
            } catch {
                self.logger.error("inbox.log_append_failed", ["error": "\(error)"])
                for submission in batch { submission.completion(.failure(error)) }
            }
            return
        }
        do {
            let counts = try self.writer.write(durability: .powerLoss) { database in
                try batch.map { try InboxStore.insert($0.events, receivedAt: receivedAt, in: database) }
            }
            if counts.contains(where: { $0 > 0 }) { self.onCommit() }
            for (submission, count) in zip(batch, counts) { submission.completion(.success(count)) }
        } catch {
            guard batch.count > 1 else {
                self.logger.error("inbox.commit_failed", ["error": "\(error)"])
                batch.first?.completion(.failure(error))
                return
            }
            for submission in batch { self.write([submission]) }
        }
    }
}
