import Foundation
import Storage
import Support
import Synchronization
import WhatsAppOutbox

/// Processes pending inbox events in arrival order: one serial lane per conversation key (keys hash to
/// a fixed lane), lanes in parallel on a small pool of threads.
///
/// Each event is applied atomically: the conversation step, its outbound messages (`OutboxQueue`), the
/// inbound time or delivery status (`DeliveryStatusRecorder`) and the inbox row marked done commit
/// together, so a crash at any instant neither loses nor repeats an effect. A lane groups the events it
/// has queued (up to `batchSize`) into one commit, each event in its own savepoint, and lanes that reach
/// the writer while another commits share the next commit, which saves most of the per-commit cost under
/// load; a failing event rolls back alone. Lanes run at a lower scheduling priority (`WorkerThread`'s
/// background niceness): the inbox appends to its own log and never waits for the database writer, so a
/// burst is acknowledged first because the CPU goes to the inbox's threads, and is answered with what the
/// CPU has left, without the lanes ever standing idle. A transient error leaves the row pending with
/// backoff and holds later events of that conversation back until it is retried; a permanent one (or too
/// many attempts) marks it failed with the reason.
///
/// With the inbox log, the events of an append are handed to the lanes straight after its fsync (`take`) while
/// nothing older waits outside them, and the transaction that processes an event stores its row, so that an
/// event costs one transaction instead of one to store it and one to process it. The log's replay, before
/// each scan, then finds those rows stored and only moves its position on; what a crash took from the lanes is
/// still in the log and is stored and processed after the restart. When anything older waits (a backlog, a
/// conversation waiting for a retry, the lanes full), the events are refused and the replay stores them.
///
/// Stale replays (older than `staleAge`) reach the step with `isStale` so it records but does not
/// answer them; the dispatcher then sends the person one short note that their earlier messages
/// arrived late, at most once per `staleAge`, instead of answering each old message.
///
/// `@unchecked Sendable`: all mutable state is only touched while holding `signals`' lock.
public final class Dispatcher: @unchecked Sendable, Service {
    private enum Outcome {
        case done(recipients: [String])
        case skipped
        case failed
        case retry(Date)
        /// Not attempted: an earlier row of the same conversation in the batch must wait.
        case deferred
    }

    private let writer: DatabaseWriter
    private let step: any MessageHandler
    private let outbox: any OutboxQueue
    private let recorder: any DeliveryStatusRecorder
    private let settings: DispatcherSettings
    private let metrics: Metrics
    private let logger: Logger
    private let now: @Sendable () -> Date
    private let onEnqueued: @Sendable (Set<String>) -> Void
    private let replayer: InboxLogReplayer?

    /// One lock for the state below; the coordinator, each lane and the callers waiting for the dispatcher to
    /// stop or turn idle wait on conditions of their own, so each is woken only for what concerns it.
    private let signals: ConditionGroup
    private static let coordinatorSignal = 0
    private static let controlSignal = 1
    private var running = false
    private var exitedThreads = 0
    private var wakeRequested = true
    private var idle = false
    private var inFlight: Set<Int64> = []
    private var highWater: Int64 = 0
    private var blockedKeys: Set<String> = []
    private var nextRetryDue: Date?
    private var lastFullScan = Date.distantPast
    /// Whether the latest scan saw every pending row (it returned fewer than its limit).
    private var lastScanComplete = false
    private var laneQueues: [[InboxRow]]
    /// Whether `take` may hand events to the lanes: set by a pass whose replay reached the log's end and
    /// whose scan saw every pending row, when nothing was refused since that replay began.
    private var takesAppended = false
    private var refusedSinceReplay = false
    /// The provisional sequence of the next event taken from the log (negative: not stored yet).
    private var nextTaken: Int64 = -1

    /// Lanes' batches waiting to be committed, and whether a lane is committing: under `applying`'s lock.
    private let applying = NSCondition()
    private var waitingApplications: [Application] = []
    private var committing = false

    /// - Parameters:
    ///   - onEnqueued: called after each commit that queued outbound messages, with their recipients (wakes
    ///     the sender's workers that serve them).
    ///   - replayer: moves what the inbox log acknowledged into the inbox table before each scan.
    public init(
        writer: DatabaseWriter, step: any MessageHandler, outbox: any OutboxQueue,
        recorder: any DeliveryStatusRecorder, settings: DispatcherSettings = DispatcherSettings(),
        metrics: Metrics, logger: Logger, now: @escaping @Sendable () -> Date = { Date() },
        onEnqueued: @escaping @Sendable (Set<String>) -> Void = { _ in }, replayer: InboxLogReplayer? = nil
    ) {
        self.replayer = replayer
        precondition(settings.laneCount > 0, "Invalid dispatcher settings: at least one lane is needed")
        self.writer = writer
        self.step = step
        self.outbox = outbox
        self.recorder = recorder
        self.settings = settings
        self.metrics = metrics
        self.logger = logger
        self.now = now
        self.onEnqueued = onEnqueued
        self.laneQueues = Array(repeating: [], count: settings.laneCount)
        self.signals = ConditionGroup(count: settings.laneCount + 2)
    }

    private static func laneSignal(_ lane: Int) -> Int { 2 + lane }

    /// Starts the coordinator and the lane threads; pending rows from before a restart are processed first.
    public func start() {
        self.signals.lock()
        defer { self.signals.unlock() }
        guard !self.running else { return }
        self.running = true
        self.exitedThreads = 0
        self.wakeRequested = true
        self.idle = false
        WorkerThread.start(name: "loket-dispatch", background: true) { [self] in self.coordinate() }
        for lane in 0..<self.settings.laneCount {
            WorkerThread.start(name: "loket-lane-\(lane)", background: true) { [self] in self.runLane(lane) }
        }
    }

    /// Stops after the events being processed finish; queued events stay pending for the next start.
    public func stop() {
        self.signals.lock()
        defer { self.signals.unlock() }
        guard self.running else { return }
        self.running = false
        self.signals.broadcastAll()
        while self.exitedThreads < self.settings.laneCount + 1 { self.signals.wait(Self.controlSignal) }
        for lane in self.laneQueues.indices { self.laneQueues[lane].removeAll() }
        // Events taken from the log and dropped here are still in it: the next start stores them.
        self.takesAppended = false
        self.inFlight.removeAll()
        self.blockedKeys.removeAll()
        self.highWater = 0
    }

    /// Tells the dispatcher new events were committed.
    public func wake() {
        self.signals.lock()
        // A wake the coordinator has not taken yet covers this one: it looks at the flag before it waits.
        let isNew = !self.wakeRequested
        if isNew {
            self.wakeRequested = true
            self.idle = false
        }
        self.signals.unlock()
        // Signalled after the unlock, here and below: a thread woken while the lock is still held would
        // only wake to sleep again on the lock, and be woken a second time when it is released.
        if isNew { self.signals.signal(Self.coordinatorSignal) }
    }

    /// Hands the events of `records`, just appended to the inbox log and fsync'd, to their lanes, which store
    /// each row in the transaction that processes it; `ordinal` is that of the last record since start-up
    /// (`InboxLog.appendedRecords`). Call in the log's order. Refuses them while anything older waits outside
    /// the lanes: until a pass after the latest refusal found the log replayed and every pending row
    /// dispatched, while a conversation of theirs waits for a retry, or when the lanes are full.
    /// - Returns: whether the events were taken; if not, `wake()` the dispatcher, whose replay stores them.
    public func take(_ records: [InboxLogRecord], through ordinal: Int) -> Bool {
        self.signals.lock()
        let count = records.reduce(0) { $0 + $1.events.count }
        let takes =
            self.running && self.takesAppended && self.replayer != nil
            && self.inFlight.count + count <= self.settings.maxInFlight
            && !records.contains { $0.events.contains { self.blockedKeys.contains($0.conversationKey) } }
        guard takes else {
            self.takesAppended = false
            self.refusedSinceReplay = true
            self.signals.unlock()
            return false
        }
        var lanesGiven: Set<Int> = []
        for record in records {
            for event in record.events {
                let row = InboxRow(
                    sequence: self.nextTaken, event: event, receivedAt: record.receivedAt, attempts: 0,
                    nextAttemptAt: nil)
                self.nextTaken -= 1
                self.inFlight.insert(row.sequence)
                let lane = Self.lane(for: event.conversationKey, laneCount: self.settings.laneCount)
                self.laneQueues[lane].append(row)
                lanesGiven.insert(lane)
            }
        }
        self.idle = false
        // Before any lane can store them: the replay reports duplicates only of records not taken.
        self.replayer?.noteTaken(through: ordinal)
        self.signals.unlock()
        for lane in lanesGiven { self.signals.signal(Self.laneSignal(lane)) }
        return true
    }

    /// Blocks until nothing is ready to process and nothing is in flight, or until `timeout` passes.
    /// - Returns: whether the dispatcher became idle.
    @discardableResult
    public func waitUntilIdle(timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        self.signals.lock()
        defer { self.signals.unlock() }
        while !(self.idle && self.inFlight.isEmpty && !self.wakeRequested) {
            guard self.signals.wait(Self.controlSignal, until: deadline) else { return false }
        }
        return true
    }

    /// The lane of conversation `key` (FNV-1a hash), stable across restarts.
    public static func lane(for key: String, laneCount: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Int(hash % UInt64(laneCount))
    }

    private func coordinate() {
        self.signals.lock()
        while self.running {
            let now = self.now()
            let fullScanDue =
                now.timeIntervalSince(self.lastFullScan) >= self.settings.sweepInterval
                || (self.nextRetryDue.map { $0 <= now } ?? false)
            guard !self.settings.paused, self.wakeRequested || fullScanDue,
                self.inFlight.count < self.settings.maxInFlight
            else {
                var deadline = Date().addingTimeInterval(self.settings.sweepInterval)
                if let due = self.nextRetryDue {
                    deadline = min(deadline, Date().addingTimeInterval(due.timeIntervalSince(now)))
                }
                self.signals.wait(Self.coordinatorSignal, until: deadline)
                continue
            }
            self.wakeRequested = false
            self.refusedSinceReplay = false
            let after = fullScanDue ? 0 : self.highWater
            let limit = fullScanDue ? self.settings.maxInFlight + 256 : 256
            self.signals.unlock()
            var caughtUp = true
            do {
                try self.replayer?.replay()
            } catch {
                caughtUp = false
                self.logger.error("dispatcher.log_replay_failed", ["error": "\(error)"])
            }
            let rows: [InboxRow]
            do {
                // On the writer's connection, whose page cache is hot: a read-only connection's cache is
                // dropped after every commit, and this scan follows every inbox commit under load.
                rows = try self.writer.exclusive { try InboxStore.pending(after: after, limit: limit, in: $0) }
            } catch {
                caughtUp = false
                self.logger.error("dispatcher.scan_failed", ["error": "\(error)"])
                rows = []
            }
            self.signals.lock()
            if fullScanDue {
                self.lastFullScan = now
                self.blockedKeys.removeAll()
                self.nextRetryDue = nil
            }
            var dispatched = 0
            var lanesGiven: Set<Int> = []
            for row in rows where !self.inFlight.contains(row.sequence) {
                let key = row.event.conversationKey
                if self.blockedKeys.contains(key) { continue }
                if let due = row.nextAttemptAt, due > now {
                    self.blockedKeys.insert(key)
                    self.nextRetryDue = min(self.nextRetryDue ?? due, due)
                    continue
                }
                self.inFlight.insert(row.sequence)
                let lane = Self.lane(for: key, laneCount: self.settings.laneCount)
                self.laneQueues[lane].append(row)
                lanesGiven.insert(lane)
                self.highWater = max(self.highWater, row.sequence)
                dispatched += 1
            }
            self.lastScanComplete = rows.count < limit
            if !self.lastScanComplete { self.wakeRequested = true }
            // Every pending row is now in a lane or waits for its conversation's retry, and the log is stored
            // up to where this pass's replay ended: what is appended next may go straight to the lanes, unless
            // something appended meanwhile was refused and waits for the next replay.
            self.takesAppended = caughtUp && self.lastScanComplete && !self.refusedSinceReplay
            self.idle = dispatched == 0 && !self.wakeRequested
            let isIdle = self.idle
            self.signals.unlock()
            for lane in lanesGiven { self.signals.signal(Self.laneSignal(lane)) }
            if isIdle { self.signals.broadcast(Self.controlSignal) }
            self.signals.lock()
        }
        self.exitedThreads += 1
        self.signals.broadcast(Self.controlSignal)
        self.signals.unlock()
    }

    private func runLane(_ lane: Int) {
        self.signals.lock()
        while true {
            while self.running && self.laneQueues[lane].isEmpty { self.signals.wait(Self.laneSignal(lane)) }
            guard self.running else { break }
            let batch = Array(self.laneQueues[lane].prefix(self.settings.batchSize))
            self.laneQueues[lane].removeFirst(batch.count)
            let wasFull = self.inFlight.count >= self.settings.maxInFlight
            self.signals.unlock()
            let outcomes = self.process(batch)
            self.signals.lock()
            var retrying = false
            for (row, outcome) in zip(batch, outcomes) {
                self.inFlight.remove(row.sequence)
                switch outcome {
                case .retry(let due):
                    retrying = true
                    let key = row.event.conversationKey
                    self.blockedKeys.insert(key)
                    self.nextRetryDue = min(self.nextRetryDue ?? due, due)
                    let held = self.laneQueues[lane].filter { $0.event.conversationKey == key }
                    self.laneQueues[lane].removeAll { $0.event.conversationKey == key }
                    for later in held { self.inFlight.remove(later.sequence) }
                case .done, .skipped, .failed, .deferred:
                    break
                }
            }
            var becameIdle = false
            if self.inFlight.isEmpty {
                // Every row the latest scan saw is done. When that scan saw all pending rows, no commit
                // woke the dispatcher since and nothing is to be retried, nothing is left to look for;
                // otherwise the coordinator looks.
                if self.lastScanComplete && !self.wakeRequested && !retrying {
                    self.idle = true
                    becameIdle = true
                } else {
                    self.wakeRequested = true
                }
            }
            // The coordinator is woken only when it has something to do: a look, room for more rows, or an
            // earlier retry time for its wait.
            let wakesCoordinator = self.wakeRequested || wasFull || retrying
            self.signals.unlock()
            if becameIdle { self.signals.broadcast(Self.controlSignal) }
            if wakesCoordinator { self.signals.signal(Self.coordinatorSignal) }
            self.signals.lock()
        }
        self.exitedThreads += 1
        self.signals.broadcast(Self.controlSignal)
        self.signals.unlock()
    }

    /// Applies `batch` (rows of one lane, in order) in one commit, each row in its own savepoint, so a
    /// failing row rolls back alone; after a row of a conversation must wait, its later rows wait too.
    /// Returns one outcome per row of `batch`, in order.
    private func process(_ batch: [InboxRow]) -> [Outcome] {
        let now = self.now()
        // Slow work (media downloads) happens before the transaction, so it never holds the writer.
        let application = Application(batch: batch, preparations: self.prepare(batch, now: now), now: now)
        let outcomes = self.commit(application)
        var recipients: Set<String> = []
        for outcome in outcomes {
            switch outcome {
            case .done(let queuedTo):
                recipients.formUnion(queuedTo)
                self.metrics.increment(Metrics.inboxEvents, labels: [("result", "done")])
            case .failed:
                self.metrics.increment(Metrics.inboxEvents, labels: [("result", "failed")])
            case .retry:
                self.metrics.increment(Metrics.inboxEvents, labels: [("result", "retry")])
            case .skipped, .deferred:
                break
            }
        }
        if !recipients.isEmpty { self.onEnqueued(recipients) }
        return outcomes
    }

    /// One lane's prepared batch, waiting for the writer.
    private final class Application {
        let batch: [InboxRow]
        let preparations: [Int64: PreparedMessage]
        let now: Date
        /// Set once the batch is committed (or its commit failed), under `applying`'s lock.
        var outcomes: [Outcome]?

        init(batch: [InboxRow], preparations: [Int64: PreparedMessage], now: Date) {
            self.batch = batch
            self.preparations = preparations
            self.now = now
        }
    }

    /// The most rows one commit applies for several lanes: a long transaction would keep the sender's
    /// records waiting for the writer.
    static let maxRowsPerCommit = 64

    /// Commits `application` together with the batches other lanes queued meanwhile (flat combining): the
    /// lane that finds no commit under way takes every batch waiting (up to `maxRowsPerCommit` rows) into
    /// one transaction and hands each lane its outcomes; the others wait for theirs. Lanes still prepare in
    /// parallel, but they share commits, which under load saves most of the per-commit cost (the log's
    /// frames and the commit itself) and the lanes' convoy on the writer.
    private func commit(_ application: Application) -> [Outcome] {
        self.applying.lock()
        defer { self.applying.unlock() }
        self.waitingApplications.append(application)
        while application.outcomes == nil {
            guard !self.committing else {
                self.applying.wait()
                continue
            }
            self.committing = true
            var (count, rows) = (0, 0)
            for next in self.waitingApplications {
                guard count == 0 || rows + next.batch.count <= Self.maxRowsPerCommit else { break }
                count += 1
                rows += next.batch.count
            }
            let group = Array(self.waitingApplications.prefix(count))
            self.waitingApplications.removeFirst(count)
            self.applying.unlock()
            let outcomes = self.write(group)
            self.applying.lock()
            for (applied, outcome) in zip(group, outcomes) { applied.outcomes = outcome }
            self.committing = false
            // After the unlock, as everywhere here: a lane woken under the lock would only sleep on it.
            self.applying.unlock()
            self.applying.broadcast()
            self.applying.lock()
        }
        return application.outcomes ?? []
    }

    /// Lanes' batches prepared and waiting for a commit (for tests).
    var waitingCommits: Int {
        self.applying.lock()
        defer { self.applying.unlock() }
        return self.waitingApplications.count
    }

    /// Applies `group` in one write transaction; returns each batch's outcomes, in order.
    private func write(_ group: [Application]) -> [[Outcome]] {
        do {
            return try self.writer.write { database in
                try group.map { try self.apply($0, in: database) }
            }
        } catch {
            // The commit itself failed: nothing of the group was applied; try again after a pause.
            let rows = group.reduce(0) { $0 + $1.batch.count }
            self.logger.error("dispatcher.commit_failed", ["events": String(rows), "error": "\(error)"])
            return group.map { application in
                let due = application.now.addingTimeInterval(self.settings.backoff(afterAttempt: 1))
                return application.batch.map { _ in .retry(due) }
            }
        }
    }

    /// Applies one lane's batch inside the open transaction, each row in its own savepoint.
    private func apply(_ application: Application, in database: Database) throws -> [Outcome] {
        var waiting: Set<String> = []
        var outcomes: [Outcome] = []
        for taken in application.batch {
            let key = taken.event.conversationKey
            guard !waiting.contains(key) else {
                outcomes.append(.deferred)
                continue
            }
            guard let row = try self.stored(taken, in: database) else {
                outcomes.append(.skipped)
                continue
            }
            let outcome: Outcome
            do {
                outcome = try database.transaction {
                    try self.process(
                        row, stateRead: taken.sequence < 0, prepared: application.preparations[taken.sequence],
                        now: application.now, in: database)
                }
            } catch {
                outcome = try self.recordFailure(error, of: row, now: application.now, in: database)
            }
            if case .retry = outcome { waiting.insert(key) }
            outcomes.append(outcome)
        }
        return outcomes
    }

    /// `row` as the table holds it. A row taken from the log is stored first, in the open transaction but outside
    /// the row's savepoint, so that a failure is recorded on it, with its pending state as storing it read it;
    /// nil when it was processed before (a delivery seen before, or one the replay stored and a scan's lane
    /// processed first).
    private func stored(_ row: InboxRow, in database: Database) throws -> InboxRow? {
        guard row.sequence < 0 else { return row }
        guard
            let (sequence, attempts, nextAttemptAt) = try InboxStore.store(
                row.event, receivedAt: row.receivedAt, in: database)
        else {
            self.logger.info("webhook.duplicate", ["events": "1", "new": "0"])
            return nil
        }
        var stored = row
        stored.sequence = sequence
        stored.attempts = attempts
        stored.nextAttemptAt = nextAttemptAt
        return stored
    }

    /// A message row read once, with the handler's preparation, before the transaction.
    private struct PreparedMessage {
        var message: InboundMessage
        var context: StepContext
        var preparation: Result<MessagePreparation, any Error>
    }

    /// Reads each message of `batch` and runs the handler's `prepare` for it, outside any transaction.
    /// After a contact's preparation fails, its later messages wait (they are deferred with it).
    private func prepare(_ batch: [InboxRow], now: Date) -> [Int64: PreparedMessage] {
        var prepared: [Int64: PreparedMessage] = [:]
        var failedKeys: Set<String> = []
        for row in batch where row.event.kind == .message {
            guard let message = row.event.inboundMessage(receivedAt: row.receivedAt) else { continue }
            let isStale = now.timeIntervalSince(message.timestamp) > self.settings.staleAge
            let context = StepContext(now: now, isStale: isStale, contact: message.sender)
            let preparation: Result<MessagePreparation, any Error>
            if failedKeys.contains(row.event.conversationKey) {
                preparation = .success(MessagePreparation())
            } else {
                preparation = Result { try self.step.prepare(message, context: context) }
                if case .failure = preparation { failedKeys.insert(row.event.conversationKey) }
            }
            prepared[row.sequence] = PreparedMessage(message: message, context: context, preparation: preparation)
        }
        return prepared
    }

    /// Applies one pending row inside the savepoint already open on `database`.
    /// - Parameter stateRead: whether this transaction already read `row` pending, with its retry time (a row
    ///   taken from the log and just stored); otherwise the row's state is read first.
    private func process(
        _ row: InboxRow, stateRead: Bool, prepared: PreparedMessage?, now: Date, in database: Database
    ) throws -> Outcome {
        var due = row.nextAttemptAt
        if !stateRead {
            let current = try database.queryFirst(
                "SELECT state, next_attempt_at FROM inbox WHERE seq = ?", [.integer(row.sequence)]
            ) { ($0.string(0), $0.optionalDouble(1)) }
            guard let current, current.0 == "pending" else { return .skipped }
            due = current.1.map { Date(timeIntervalSince1970: $0) }
        }
        if let due, due > now { return .retry(due) }
        let recipients = try self.apply(row, prepared: prepared, now: now, in: database)
        try InboxStore.markDone(row.sequence, at: now, in: database)
        return .done(recipients: recipients)
    }

    /// Applies one event; returns the recipients of the outbound messages it queued, one per message.
    private func apply(_ row: InboxRow, prepared: PreparedMessage?, now: Date, in database: Database) throws
        -> [String]
    {
        switch row.event.kind {
        case .message:
            guard let prepared else {
                throw DispatchError.permanent("the stored message JSON cannot be read")
            }
            let (message, context) = (prepared.message, prepared.context)
            let key = message.conversationKey
            guard !key.isEmpty else { throw DispatchError.permanent("the message names no sender") }
            var outbound = try self.step.handle(
                message, preparation: try prepared.preparation.get(), context: context, in: database)
            if context.isStale,
                try InboxStore.claimStaleNotice(for: key, now: now, window: self.settings.staleAge, in: database)
            {
                let notice = try self.step.staleNotice(for: message, in: database)
                outbound.append(OutboundMessage(to: message.replyAddress, payload: .text(notice)))
            }
            if !outbound.isEmpty {
                try self.outbox.enqueue(outbound, in: database, now: now)
            }
            try self.recorder.recordInbound(from: key, at: message.timestamp, in: database)
            self.logger.debug(
                "dispatcher.message_processed",
                [
                    "wa_id": key, "message": message.id, "replies": String(outbound.count),
                    "stale": String(context.isStale),
                ])
            return outbound.map(\.to)
        case .status:
            guard let status = row.event.statusUpdate(receivedAt: row.receivedAt) else {
                throw DispatchError.permanent("the stored status JSON cannot be read")
            }
            try self.recorder.recordStatus(
                messageID: status.messageID, status: status.status, timestamp: status.timestamp,
                errorCodes: status.errors.map(\.code), in: database)
            return []
        }
    }

    /// Records a failed row in the open transaction: failed when permanent or out of attempts, else
    /// pending again with backoff.
    private func recordFailure(_ error: any Error, of row: InboxRow, now: Date, in database: Database) throws
        -> Outcome
    {
        let attempt = row.attempts + 1
        let permanent = (error as? DispatchError)?.isPermanent ?? false
        let fields: KeyValuePairs<String, String> = [
            "seq": String(row.sequence), "kind": row.event.kind.rawValue, "wa_id": row.event.conversationKey,
            "attempt": String(attempt), "error": "\(error)",
        ]
        if permanent || attempt >= self.settings.maxAttempts {
            let reason = permanent ? "\(error)" : "gave up after \(attempt) attempts: \(error)"
            try InboxStore.markFailed(row.sequence, reason: reason, at: now, in: database)
            self.logger.error("dispatcher.event_failed", fields)
            return .failed
        }
        let unprepared = (error as? DispatchError)?.isUnprepared ?? false
        let due = unprepared ? now : now.addingTimeInterval(self.settings.backoff(afterAttempt: attempt))
        try InboxStore.scheduleRetry(row.sequence, at: due, reason: "\(error)", in: database)
        self.logger.warning("dispatcher.event_retry", fields)
        return .retry(due)
    }
}
