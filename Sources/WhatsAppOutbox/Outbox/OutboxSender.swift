import Foundation
import Storage
import Support
import Synchronization

/// Delivers the outbox through the Graph API: worker threads pull due messages (in order per recipient),
/// respect the global rate and per-recipient pacing, and send them, recording each outcome as `RetryPolicy`
/// decides. Outside the 24-hour window a message is replaced by its own `fallbackTemplate`; one without
/// is held, the configured default template tells the contact once that something is waiting, and the held
/// messages go out when the contact writes again.
///
/// Rows survive restarts. A row left `sending` by a crash is sent again, so a crash in the instant after
/// Meta accepted a message and before its wamid was committed can deliver that message twice; the Cloud
/// API offers no idempotency key to prevent it. A read receipt's record rides on the worker's next write
/// of the same pass, or on one write at its end, instead of a transaction of its own: marking a message
/// read twice changes nothing for the provider, so a crash in between only sends the receipt again.
///
/// A receipt carried by a reply (see `Outbox.enqueue`) is sent right after the reply's record is
/// committed and is recorded nowhere: a crash in that instant loses it, and the contact's next message
/// marks the chat read again. If it cannot go then, it is queued as a row of its own.
///
/// ```swift
/// curl_global_init(Int(CURL_GLOBAL_DEFAULT))  // once, in main, before any GraphClient exists
/// let outbox = Outbox(configuration: .init(defaultTemplate: template))
/// let writer = try DatabaseWriter(path: path, migrators: [Outbox.migrator /* , ... */])
/// let sender = OutboxSender(
///     configuration: .init(phoneNumberID: phoneNumberID), outbox: outbox, writer: writer,
///     makeTransport: { _ in GraphClient(configuration: .init(baseURL: apiBase, accessToken: token)) },
///     metrics: OutboxMetrics { result in sends.increment(label: result.rawValue) }, log: log)
/// sender.start()
/// // after each commit that queued messages (the dispatcher's transaction):
/// sender.wake()
/// // on shutdown, after the HTTP server stopped:
/// sender.stop()
/// ```
public final class OutboxSender: Sendable, Service {
    /// How the sender behaves.
    public struct Configuration: Sendable {
        /// Our WhatsApp business phone number id: messages are posted to `/{phoneNumberID}/messages`.
        public var phoneNumberID: String
        /// Worker threads; each owns one transport and a share of the recipients.
        public var workerCount: Int
        /// The global rate limit (Meta's default is 80 messages/s per business number).
        public var messagesPerSecond: Double
        /// Messages to one recipient allowed back to back before pacing applies.
        public var recipientBurst: Int
        /// The sustained gap between messages to one recipient once the burst is spent.
        public var recipientInterval: TimeInterval
        public var retryPolicy: RetryPolicy
        /// Rows fetched per pass.
        public var batchSize: Int
        /// The longest a worker sleeps without being woken.
        public var idlePoll: TimeInterval

        public init(
            phoneNumberID: String, workerCount: Int = 4, messagesPerSecond: Double = 80, recipientBurst: Int = 20,
            recipientInterval: TimeInterval = 6, retryPolicy: RetryPolicy = RetryPolicy(), batchSize: Int = 32,
            idlePoll: TimeInterval = 1
        ) {
            self.phoneNumberID = phoneNumberID
            self.workerCount = max(1, workerCount)
            self.messagesPerSecond = messagesPerSecond
            self.recipientBurst = recipientBurst
            self.recipientInterval = recipientInterval
            self.retryPolicy = retryPolicy
            self.batchSize = batchSize
            self.idlePoll = idlePoll
        }
    }

    public let configuration: Configuration
    private let outbox: Outbox
    private let writer: DatabaseWriter
    /// Where the files of `.stored` documents and photos are read from, to be uploaded when they are sent.
    private let mediaStore: MediaStore?
    private let transports: [any GraphTransport]
    private let clock: @Sendable () -> Date
    private let random: @Sendable () -> Double
    private let sleepers: [any OutboxSleeper]
    private let metrics: OutboxMetrics
    private let logger: Logger
    private let encoder = GraphMessageEncoder()
    /// Meta's throughput for the number, shared by the workers, and the workers waiting for it.
    private let globalRate: Mutex<GlobalRate>
    /// One pacer per worker: each worker serves its own recipients.
    private let pacers: Mutex<[RecipientPacer]>
    private let running = Mutex(RunState())
    private let cachedQueueState = Mutex(OutboxQueueState())

    /// The global rate's bucket (full at start), and the workers asleep until their turn at its tokens.
    private struct GlobalRate {
        var bucket: TokenBucket
        /// Workers that found the rate spent: each sleeps until its turn, and a commit does not wake it
        /// sooner, since it could send nothing more before then.
        var waiting: Set<Int> = []
    }

    private struct RunState {
        var stopping = false
        var finished: [DispatchSemaphore] = []
    }

    /// What a worker's pass holds: the global rate's tokens it took and has not spent, and the read receipts
    /// Meta accepted that are not yet marked sent.
    private struct Pass {
        var worker: Int
        var tokens: Int
        var receipts: [AcceptedReceipt] = []
        /// Whether the pass's writes look ahead: set once the rows it read are all taken and there were fewer
        /// than it asked for, so that it ends after them unless a recipient's next message is due now.
        var looksAhead = false
        /// When the worker's next message falls due, read at the end of the pass's latest write if that write
        /// looked ahead (nil otherwise): it spares the pass a read transaction of its own at its end.
        var nextDue: Date?? = nil
    }

    /// A read receipt Meta accepted in the current pass, not yet marked sent.
    private struct AcceptedReceipt {
        var id: Int64
        var wamid: String
        var attempts: Int
        var acceptedAt: Date
    }

    /// - Parameters:
    ///   - makeTransport: called once per worker (index `0..<workerCount`); give each its own `GraphClient`.
    ///   - mediaStore: where a stored document or photo is read from (staff's files); without it such a
    ///     message fails.
    ///   - clock: the current time; inject a fixed or stepped clock in tests.
    ///   - random: values in `0..<1` for retry jitter.
    ///   - makeSleeper: how each worker waits; `ConditionSleeper` in production.
    ///   - logger: receives one line per event, recipients masked, no secrets: sends at `info` (failures at
    ///     `warning`), the sender's own errors and operator alerts at `error`.
    public init(
        configuration: Configuration, outbox: Outbox, writer: DatabaseWriter, mediaStore: MediaStore? = nil,
        makeTransport: (Int) -> any GraphTransport,
        clock: @escaping @Sendable () -> Date = { Date() },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        makeSleeper: () -> any OutboxSleeper = { ConditionSleeper() },
        metrics: OutboxMetrics = .none,
        logger: Logger = .discarding
    ) {
        self.configuration = configuration
        self.outbox = outbox
        self.writer = writer
        self.mediaStore = mediaStore
        self.transports = (0..<configuration.workerCount).map(makeTransport)
        self.clock = clock
        self.random = random
        self.sleepers = (0..<configuration.workerCount).map { _ in makeSleeper() }
        self.metrics = metrics
        self.logger = logger
        self.globalRate = Mutex(
            GlobalRate(
                bucket: TokenBucket(
                    capacity: max(1, configuration.messagesPerSecond),
                    ratePerSecond: configuration.messagesPerSecond, now: clock())))
        self.pacers = Mutex(
            Array(
                repeating: RecipientPacer(
                    burst: configuration.recipientBurst, interval: configuration.recipientInterval),
                count: configuration.workerCount))
    }

    /// Starts the worker threads. Call once, after `curl_global_init` in `main`.
    public func start() {
        self.running.withLock { state in
            precondition(state.finished.isEmpty, "Invalid state: OutboxSender.start() called twice")
            for worker in 0..<self.configuration.workerCount {
                let finished = DispatchSemaphore(value: 0)
                state.finished.append(finished)
                WorkerThread.start(name: "loket-outbox-\(worker)") { [self] in
                    self.runWorker(worker)
                    finished.signal()
                }
            }
        }
    }

    /// Wakes the workers that serve `recipients` (the others have nothing new to send); call after committing
    /// outbox rows for them. A worker waiting for its turn at the spent global rate is left to it: it reads
    /// the queue then.
    public func wake(recipients: some Sequence<String>) {
        var workers = Set<Int>()
        for recipient in recipients {
            let lane = Outbox.lane(of: recipient, laneCount: self.outbox.configuration.laneCount)
            workers.insert(lane % self.configuration.workerCount)
        }
        workers.subtract(self.globalRate.withLock { $0.waiting })
        for worker in workers {
            self.sleepers[worker].wake()
        }
    }

    /// Wakes every worker to look for due messages now; call after committing new outbox rows.
    public func wake() {
        self.sleepers.forEach { $0.wake() }
    }

    /// Stops the workers after their current send and waits for them to finish.
    public func stop() {
        let finished = self.running.withLock { state -> [DispatchSemaphore] in
            state.stopping = true
            return state.finished
        }
        self.wake()
        finished.forEach { $0.wait() }
    }

    private var isStopping: Bool { self.running.withLock { $0.stopping } }

    /// The queue as counted after the workers' latest pass (about `idlePoll` old, older while a large backlog
    /// waits: see `countInterval(afterCounting:idlePoll:)`); reading it never touches the database, so a
    /// metrics endpoint may call it on any thread.
    public var queueState: OutboxQueueState {
        self.cachedQueueState.withLock { $0 }
    }

    /// Messages waiting to be sent, as of `queueState`.
    public var pendingCount: Int {
        self.queueState.pending
    }

    /// Counts the queue now and caches the figures for `queueState`.
    @discardableResult
    public func refreshQueueState() -> OutboxQueueState {
        let counted = try? self.writer.read { database in
            var state = try self.outbox.queueState(in: database)
            state.pending = try self.outbox.pendingCount(in: database)
            return state
        }
        guard let counted else { return self.queueState }
        self.cachedQueueState.withLock { $0 = counted }
        return counted
    }

    private func runWorker(_ worker: Int) {
        var countedAt = Date.distantPast
        var countInterval = self.configuration.idlePoll
        while !self.isStopping {
            let next = self.runDue(worker: worker)
            if worker == 0, abs(self.clock().timeIntervalSince(countedAt)) >= countInterval {
                let started = self.clock()
                self.refreshQueueState()
                countedAt = self.clock()
                countInterval = Self.countInterval(
                    afterCounting: countedAt.timeIntervalSince(started), idlePoll: self.configuration.idlePoll)
            }
            if self.isStopping { break }
            let now = self.clock()
            let latest = now.addingTimeInterval(self.configuration.idlePoll)
            let deadline = min(next ?? latest, latest)
            if deadline > now {
                self.sleepers[worker].sleep(until: deadline)
            }
        }
    }

    /// The share of one core that counting the queue for `queueState` may take, at most.
    static let countingShare = 0.02

    /// How long after a count of the queue that took `elapsed` the next one runs: every `idlePoll` while the
    /// queue is small, less often once it is large enough that counting it takes tens of milliseconds (a
    /// backlog of a hundred thousand messages after a burst), so the count never takes more than
    /// `countingShare` of a core from the sends it reports on.
    static func countInterval(afterCounting elapsed: TimeInterval, idlePoll: TimeInterval) -> TimeInterval {
        max(idlePoll, elapsed / Self.countingShare)
    }

    /// Sends what is due now for `worker` and returns when there will be more to do (`nil`: nothing pending).
    ///
    /// The worker threads call it in a loop; tests call it directly instead of `start()`. Never call it for a
    /// worker whose thread is running: the two would send the same row.
    @discardableResult
    public func runDue(worker: Int = 0) -> Date? {
        let now = self.clock()
        let count = self.configuration.workerCount
        // The pass takes the global rate's tokens before it reads the queue, and reads no more rows than it
        // holds tokens: workers that wake together do not all read the queue for the one token there is.
        // While the rate is spent there is nothing to send: the worker skips the queue (and the writer
        // lock) until its turn (see `turn(of:in:ready:)`), so a backlog the rate holds back costs about
        // one wake-up and one query per pass that sends, not one per worker per token.
        var pass = Pass(worker: worker, tokens: self.takeGlobalTokens(worker: worker, now: now))
        guard pass.tokens > 0 else { return self.nextPass(worker: worker, now: now) }
        defer { self.giveBackGlobalTokens(&pass) }
        let limit = pass.tokens
        do {
            let due = try self.writer.read { database in
                try self.outbox.dueMessages(worker: worker, of: count, now: now, limit: limit, in: database)
            }
            // A send hands over to the recipient's next message when it is due: it goes next, in this pass.
            var queue = due[...]
            while let pending = queue.popFirst() {
                pass.looksAhead = pass.looksAhead || (queue.isEmpty && due.count < limit)
                if self.isStopping {
                    try self.recordReceipts(&pass)
                    return now
                }
                let isPaced = !pending.message.payload.isMarkRead
                if isPaced, let slot = self.pacers.withLock({ $0[worker].nextSlot(for: pending.message.to, now: now) })
                {
                    try self.write(recording: &pass) { try self.outbox.postpone(pending.id, until: slot, in: $0) }
                    continue
                }
                if let turn = self.takeGlobalToken(for: &pass, turnOf: worker, now: now) {
                    try self.recordReceipts(&pass)
                    return turn
                }
                if isPaced {
                    self.pacers.withLock { $0[worker].recordSend(to: pending.message.to, now: now) }
                }
                if let next = try self.send(pending, worker: worker, pass: &pass) {
                    queue.insert(next, at: queue.startIndex)
                }
            }
            try self.recordReceipts(&pass)
            if due.count == limit {
                // More may be due: now, or once the global rate allows the next few sends.
                self.giveBackGlobalTokens(&pass)
                return self.nextPass(worker: worker, now: now)
            }
            if let nextDue = pass.nextDue { return nextDue }
            return try self.writer.read { database in
                try self.outbox.nextDueDate(worker: worker, of: count, in: database)
            }
        } catch {
            self.logger.passthrough(.error, "event=outbox_error worker=\(worker) error=\"\(error)\"")
            // Receipts the failed write did not record are recorded now, or sent again later.
            try? self.recordReceipts(&pass)
            return now.addingTimeInterval(1)
        }
    }

    /// Runs `body` in one write transaction that first marks the pass's accepted receipts sent, and empties
    /// them. Once the pass looks ahead, the transaction ends by reading when the worker's next message falls
    /// due (`Pass.nextDue`): the pass's last write then leaves nothing for its end to read. A commit by
    /// another thread after it wakes the worker, as it would after a read of its own.
    private func write<Result>(
        recording pass: inout Pass, _ body: (Database) throws -> Result
    ) throws -> Result {
        let accepted = pass.receipts
        let (looksAhead, worker) = (pass.looksAhead, pass.worker)
        pass.nextDue = nil
        let (result, nextDue) = try self.writer.write { database in
            for receipt in accepted {
                try self.outbox.markSent(
                    receipt.id, wamid: receipt.wamid, asTemplate: false, attempts: receipt.attempts,
                    now: receipt.acceptedAt,
                    in: database)
            }
            let result = try body(database)
            guard looksAhead else { return (result, Date??.none) }
            let count = self.configuration.workerCount
            return (result, try self.outbox.nextDueDate(worker: worker, of: count, in: database))
        }
        pass.receipts.removeAll()
        pass.nextDue = nextDue
        return result
    }

    /// Marks the pass's accepted receipts sent, in one transaction, unless there are none.
    private func recordReceipts(_ pass: inout Pass) throws {
        guard !pass.receipts.isEmpty else { return }
        try self.write(recording: &pass) { _ in }
    }

    /// While the global rate is spent, a worker waits until this long's worth of tokens is back (at least one).
    static let refillSpan: TimeInterval = 0.01

    /// Takes a worker's share of the global bucket's whole tokens at `now`: at least one if there is one, at
    /// most a batch, and no more than the tokens spread over the workers, so that one worker waiting on slow
    /// calls does not hold the tokens the others could spend. A worker that wakes when the others have taken
    /// them all goes back to sleep without reading the queue. The worker is no longer waiting for its turn.
    private func takeGlobalTokens(worker: Int, now: Date) -> Int {
        self.globalRate.withLock { rate in
            rate.waiting.remove(worker)
            let share = (rate.bucket.available(now: now) / Double(self.configuration.workerCount)).rounded(.up)
            return rate.bucket.take(upTo: min(self.configuration.batchSize, max(1, Int(share))), now: now)
        }
    }

    /// When a worker with more to send passes again: now, unless the global rate is (nearly) spent, then at
    /// its turn once `refillSpan`'s worth of tokens is back.
    private func nextPass(worker: Int, now: Date) -> Date {
        self.globalRate.withLock { rate in
            guard
                let ready = rate.bucket.instant(
                    when: self.configuration.messagesPerSecond * Self.refillSpan, now: now)
            else { return now }
            return self.turn(of: worker, in: &rate, ready: ready)
        }
    }

    /// The instant `worker`, finding the global rate spent, passes again: when tokens are back (`ready`), after
    /// the workers already waiting, one token's time apart.
    /// Without turns every waiting worker would wake at `ready`, the first few would take the tokens there
    /// are and the others go back to sleep: after a burst, several wake-ups for each message sent.
    private func turn(of worker: Int, in rate: inout GlobalRate, ready: Date) -> Date {
        rate.waiting.remove(worker)
        let ahead = rate.waiting.count
        rate.waiting.insert(worker)
        return ready.addingTimeInterval(Double(ahead) / self.configuration.messagesPerSecond)
    }

    /// Puts back the tokens `pass` took and did not spend.
    private func giveBackGlobalTokens(_ pass: inout Pass) {
        guard pass.tokens > 0 else { return }
        let count = pass.tokens
        pass.tokens = 0
        self.globalRate.withLock { $0.bucket.giveBack(count) }
    }

    /// Spends one of the tokens `pass` holds, or takes one from the global bucket. If there is none, returns
    /// when the next token will be there, or with `worker`, that worker's turn (see `turn(of:in:ready:)`).
    private func takeGlobalToken(for pass: inout Pass, turnOf worker: Int? = nil, now: Date) -> Date? {
        guard pass.tokens == 0 else {
            pass.tokens -= 1
            return nil
        }
        return self.globalRate.withLock { rate in
            guard let ready = rate.bucket.take(now: now) else { return nil }
            guard let worker else { return ready }
            return self.turn(of: worker, in: &rate, ready: ready)
        }
    }

    /// Sends `pending` and records the outcome.
    /// - Returns: the recipient's next message, when the send succeeded and that message is due now.
    private func send(_ pending: PendingMessage, worker: Int, pass: inout Pass) throws
        -> PendingMessage?
    {
        let now = self.clock()
        let original = pending.message
        let contact = pending.contact
        if contact.isUndeliverable && !original.payload.isMarkRead {
            let reason = "the contact cannot receive WhatsApp messages (131026): \(contact.undeliverableReason ?? "")"
            try self.write(recording: &pass) {
                try self.outbox.markFailed(pending.id, reason: reason, codes: [131026], now: now, in: $0)
            }
            self.report(.undeliverable, pending, detail: "reason=contact_undeliverable")
            return nil
        }
        var message = original
        var asTemplate = false
        let windowOpen = contact.isWindowOpen(at: now, length: self.outbox.configuration.windowLength)
        if !original.payload.isAllowedOutsideWindow && (pending.sendAsTemplate || !windowOpen) {
            if original.fallbackTemplate == nil, self.outbox.configuration.defaultTemplate != nil {
                let notified = try self.write(recording: &pass) {
                    try self.outbox.holdOutsideWindow(pending.id, recipient: original.to, now: now, in: $0)
                }
                self.report(.held, pending, detail: "notice_queued=\(notified)")
                return nil
            }
            guard let template = original.fallbackTemplate else {
                let reason = "outside the 24-hour window and no template is configured to replace the message"
                try self.write(recording: &pass) {
                    try self.outbox.markFailed(pending.id, reason: reason, codes: [], now: now, in: $0)
                }
                self.report(.failed, pending, detail: "reason=outside_window_no_template")
                return nil
            }
            message = OutboundMessage(to: original.to, payload: .template(template))
            asTemplate = true
        }
        let outcome: GraphSendOutcome
        switch self.uploadStoredFile(of: &message, worker: worker) {
        case .failed(let failure):
            outcome = failure
        case .missing(let sha256):
            let reason = "the file \(sha256.prefix(12))… is no longer kept"
            try self.write(recording: &pass) {
                try self.outbox.markFailed(pending.id, reason: reason, codes: [], now: now, in: $0)
            }
            self.report(.failed, pending, detail: "reason=file_missing")
            return nil
        case .ready:
            let body: JSONValue
            do {
                body = try self.encoder.encode(message)
            } catch {
                try self.write(recording: &pass) {
                    try self.outbox.markInvalid(pending.id, reason: error.description, now: now, in: $0)
                }
                self.report(.invalid, pending, detail: "error=\"\(error.description)\"")
                return nil
            }
            outcome = self.post(body, worker: worker)
        }
        let after = self.clock()
        let attempts = pending.attempts + 1
        let isTemplate = asTemplate || message.payload.isTemplate
        let decision = self.configuration.retryPolicy.decide(
            after: outcome, attempts: attempts, queuedAt: pending.queuedAt, isTemplate: isTemplate, now: after,
            jitter: self.random())
        return try self.record(
            decision, for: pending, asTemplate: asTemplate, attempts: attempts, now: after, worker: worker,
            pass: &pass)
    }

    /// Records `decision` for `pending`.
    /// - Returns: after a send Meta accepted, the recipient's next message if it is due now (read with the
    ///   record, in its transaction).
    private func record(
        _ decision: RetryPolicy.Decision, for pending: PendingMessage, asTemplate: Bool, attempts: Int, now: Date,
        worker: Int, pass: inout Pass
    ) throws -> PendingMessage? {
        let id = pending.id
        let outbox = self.outbox
        let template = asTemplate ? " template=1" : ""
        switch decision {
        case .recordSent(let wamid) where pending.message.payload.isMarkRead:
            pass.receipts.append(AcceptedReceipt(id: id, wamid: wamid, attempts: attempts, acceptedAt: now))
            self.report(.sent, pending, detail: "attempts=\(attempts)\(template) wamid=\(wamid)")
        case .recordSent(let wamid):
            let next = try self.write(recording: &pass) { database in
                try outbox.markSent(
                    id, wamid: wamid, asTemplate: asTemplate, attempts: attempts, now: now, in: database)
                return try outbox.dueHead(of: pending.message.to, now: now, in: database)
            }
            self.report(.sent, pending, detail: "attempts=\(attempts)\(template) wamid=\(wamid)")
            if let receipt = pending.readReceipt {
                try self.sendReadReceipt(receipt, carriedBy: pending, worker: worker, pass: &pass)
            }
            return next
        case .retry(let date, let reason):
            try self.write(recording: &pass) {
                try outbox.scheduleRetry(
                    id, at: date, reason: reason, codes: [], attempts: attempts, now: now, in: $0)
            }
            let delay = Int(date.timeIntervalSince(now).rounded())
            self.report(.retried, pending, detail: "attempts=\(attempts) retry_in_s=\(delay) error=\"\(reason)\"")
        case .recordFailed(let reason, let codes):
            try self.write(recording: &pass) {
                try outbox.markFailed(id, reason: reason, codes: codes, attempts: attempts, now: now, in: $0)
            }
            self.report(.failed, pending, detail: "attempts=\(attempts) error=\"\(reason)\"")
        case .flagUndeliverable(let reason, let codes):
            try self.write(recording: &pass) { database in
                try outbox.markFailed(id, reason: reason, codes: codes, attempts: attempts, now: now, in: database)
                try outbox.flagUndeliverable(pending.message.to, reason: reason, at: now, in: database)
            }
            self.report(.undeliverable, pending, detail: "attempts=\(attempts) error=\"\(reason)\"")
        case .alertOperator(let reason, let codes):
            try self.write(recording: &pass) {
                try outbox.markFailed(id, reason: reason, codes: codes, attempts: attempts, now: now, in: $0)
            }
            self.logger.passthrough(
                .error,
                "event=operator_alert alert=graph_token_invalid action=\"renew WHATSAPP_ACCESS_TOKEN\" error=\"\(reason)\""
            )
            self.report(.failed, pending, detail: "attempts=\(attempts) error=\"\(reason)\"")
        case .sendTemplateInstead:
            try self.write(recording: &pass) {
                try outbox.switchToTemplate(
                    id, reason: "outside the 24-hour window (131047)", attempts: attempts, now: now, in: $0)
            }
            self.report(.templateSwitched, pending, detail: "attempts=\(attempts)")
        }
        return nil
    }

    /// Marks `messageID` read, now that `pending`, which carried the receipt, is recorded as sent. A receipt
    /// that cannot go now (the global rate is spent, or Meta did not take it) is queued on its own, where it
    /// waits behind the replies and the retry policy applies.
    private func sendReadReceipt(
        _ messageID: String, carriedBy pending: PendingMessage, worker: Int, pass: inout Pass
    ) throws {
        let now = self.clock()
        let recipient = pending.message.to
        let receipt = OutboundMessage(to: recipient, payload: .markRead(messageID: messageID, typingIndicator: false))
        var detail = "reason=no_token"
        if self.takeGlobalToken(for: &pass, now: now) == nil, let body = try? self.encoder.encode(receipt) {
            let outcome = self.post(body, worker: worker)
            if case .accepted = outcome {
                var carried = pending
                carried.message = receipt
                self.report(.sent, carried, detail: "carried=1")
                return
            }
            detail = "outcome=\"\(outcome)\""
        }
        try self.write(recording: &pass) {
            try self.outbox.queueReadReceipt(messageID, to: recipient, carrierQueuedAt: pending.queuedAt, in: $0)
        }
        self.logger.passthrough(
            .info,
            "event=outbox_receipt_queued id=\(pending.id) to=\(Self.mask(recipient)) \(detail)")
    }

    /// What became of the upload a document of a stored file needs before it can be sent.
    private enum StoredFileUpload {
        /// Nothing to upload, or the message now names the uploaded media's id.
        case ready
        /// Meta refused the upload or could not be reached: the retry policy decides, as for a send.
        case failed(GraphSendOutcome)
        /// The file is no longer kept (removed after its retention or by an erasure).
        case missing(sha256: String)
    }

    /// Uploads the file of a `.stored` document or photo through `worker`'s transport and names the media id
    /// Meta gave it in `message`; any other message is left as it is. A retried message uploads its file again:
    /// Meta keeps a media id for 30 days, and a retry may come later than that.
    private func uploadStoredFile(of message: inout OutboundMessage, worker: Int) -> StoredFileUpload {
        guard let (sha256, mimeType, filename) = message.payload.storedFile else { return .ready }
        guard let bytes = self.mediaStore?.bytes(of: sha256) else { return .missing(sha256: sha256) }
        let response: GraphHTTPResponse
        do {
            response = try self.transports[worker].perform(
                .mediaUpload(
                    "/\(self.configuration.phoneNumberID)/media", bytes: bytes, mimeType: mimeType,
                    filename: filename ?? sha256))
        } catch {
            return .failed(.unreachable(error))
        }
        guard (200..<300).contains(response.status) else { return .failed(.classify(response)) }
        guard let id = GraphJSONReading.object(response.body)?["id"]?.stringValue, !id.isEmpty else {
            return .failed(
                .rejected(
                    GraphAPIError(httpStatus: response.status, code: nil, message: "the upload's answer carried no id"))
            )
        }
        message.payload = message.payload.naming(mediaID: id)
        return .ready
    }

    /// Posts `body` to the messages endpoint through `worker`'s transport.
    private func post(_ body: JSONValue, worker: Int) -> GraphSendOutcome {
        do {
            let response = try self.transports[worker].perform(
                .post("/\(self.configuration.phoneNumberID)/messages", json: body))
            return .classify(response)
        } catch {
            return .unreachable(error)
        }
    }

    private func report(
        _ result: OutboxMetrics.SendResult, _ pending: PendingMessage, detail: @autoclosure () -> String
    ) {
        self.metrics.sendRecorded(result)
        let level: Logger.Level
        switch result {
        case .sent, .retried, .templateSwitched, .held: level = .info
        case .failed, .invalid, .undeliverable: level = .warning
        }
        self.logger.passthrough(
            level,
            "event=outbox_send result=\(result.rawValue) id=\(pending.id) to=\(Self.mask(pending.message.to)) "
                + "kind=\(pending.message.payload.kindName) \(detail())")
    }

    /// A recipient for logs: the first four and last two characters, the rest masked.
    static func mask(_ recipient: String) -> String {
        let characters = Array(recipient)
        guard characters.count > 6 else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(4)) + String(repeating: "*", count: characters.count - 6)
            + String(characters.suffix(2))
    }
}
