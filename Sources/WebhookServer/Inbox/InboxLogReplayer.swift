import Foundation
import Storage
import Support
import Synchronization

/// Moves acknowledged deliveries from the inbox log into the inbox table, where the dispatcher finds them.
///
/// Each batch of records is inserted (a delivery seen before adds nothing: the table is unique by wamid and
/// status) together with the log position after it, in one transaction. That commit is fsync'd only when it
/// lets a segment go (the batch reached a newer segment than the oldest on disk): the segment is deleted after
/// it, so a record is in the table durably before its segment goes. Other commits are like the dispatcher's
/// (`synchronous=NORMAL`): a power cut may take their last moments away, and with them everything the
/// dispatcher committed after, and the records, still in the log, are read again at start. A crash between
/// the rows and the position leaves the position behind and the records are read again, which adds
/// nothing.
///
/// The dispatcher also takes records straight from the inbox after their append (`Dispatcher.take`) and stores
/// each in the transaction that processes it; the replay then finds them stored and adds nothing, and only
/// moves the position past them. A delivery already stored is reported as a duplicate only when it was not
/// taken so: the dispatcher reports its own.
///
/// Called from the dispatcher's coordinator before each scan, and once at start-up before anything else
/// runs; one caller at a time (`@unchecked Sendable`: `position` is only touched under its lock).
public final class InboxLogReplayer: @unchecked Sendable {
    private let log: InboxLog
    private let writer: DatabaseWriter
    private let logger: Logger
    private let batchSize: Int
    private let position = Mutex<InboxLog.Position?>(nil)
    /// Records read since start-up: the ordinal (1 for the first appended since start-up) of the last read.
    private let replayedRecords = Atomic<Int>(0)
    /// The ordinal of the last record the dispatcher took straight from the inbox.
    private let takenRecords = Atomic<Int>(0)

    public init(log: InboxLog, writer: DatabaseWriter, logger: Logger, batchSize: Int = 2_000) {
        self.log = log
        self.writer = writer
        self.logger = logger
        self.batchSize = batchSize
    }

    /// Deliveries appended to the log since start-up that are neither in the table nor taken by the dispatcher.
    public var backlog: Int {
        let handled = max(self.replayedRecords.load(ordering: .relaxed), self.takenRecords.load(ordering: .relaxed))
        return max(0, self.log.appendedRecords - handled)
    }

    /// Notes that the dispatcher took every record up to the `ordinal`-th appended since start-up (`InboxLog`'s
    /// `appendedRecords` after their append); it takes them in order.
    public func noteTaken(through ordinal: Int) {
        self.takenRecords.store(ordinal, ordering: .relaxed)
    }

    /// At start-up, before webhooks are taken: moves what earlier runs left in the log into the table.
    @discardableResult
    public func recover() throws -> Int {
        let count = try self.replay()
        self.replayedRecords.store(0, ordering: .relaxed)
        return count
    }

    /// Moves everything durable in the log into the table; returns how many records were read.
    @discardableResult
    public func replay() throws -> Int {
        var total = 0
        var start = try self.position.withLock { cached in
            if let cached { return cached }
            let stored = try self.writer.read { try InboxStore.logPosition(in: $0) }
            cached = stored
            return stored
        }
        while start < self.log.durableEnd {
            let (payloads, end) = try self.log.records(after: start, limit: self.batchSize)
            guard end > start else { break }
            let releasesSegments = end.segment > self.log.firstSegment
            let durability: DatabaseWriter.Durability = releasesSegments ? .powerLoss : .processCrash
            let (inserted, events) = try self.writer.write(durability: durability) { database in
                // The batch's first records, up to this count, were taken by the dispatcher, which stores them
                // and reports their duplicates (read under the writer's lock: a record is noted taken before
                // any transaction stores it).
                let taken = self.takenRecords.load(ordering: .relaxed) - self.replayedRecords.load(ordering: .relaxed)
                var inserted = 0
                var events = 0
                for (index, payload) in payloads.enumerated() {
                    guard let record = InboxLogRecord(decoding: payload) else {
                        self.logger.error("inbox.log_record_unreadable", ["bytes": String(payload.count)])
                        continue
                    }
                    let stored = try InboxStore.insert(record.events, receivedAt: record.receivedAt, in: database)
                    guard index >= taken else { continue }
                    events += record.events.count
                    inserted += stored
                }
                try InboxStore.setLogPosition(end, in: database)
                return (inserted, events)
            }
            if inserted < events {
                self.logger.info("webhook.duplicate", ["events": String(events), "new": String(inserted)])
            }
            self.position.withLock { $0 = end }
            self.replayedRecords.add(payloads.count, ordering: .relaxed)
            total += payloads.count
            if releasesSegments { self.log.removeSegments(before: end) }
            start = end
        }
        return total
    }
}
