import Foundation
import Storage
import Support
import Ticketing
import WebhookServer

/// Deletes stored documents when their retention is over, as the privacy notice promises (UU 27/2022: keep
/// scans only as long as the purpose needs): a week after every ticket holding the file finished, and a year
/// after it arrived at the latest; files no ticket holds (an intake abandoned after an upload) a week after
/// they were stored. The metadata (name, size, hash) stays in the ticket's log.
///
/// Processed webhooks go the same way a month after they arrived: their raw bodies repeat what the tickets
/// and conversations hold, and the inbox's unique index then grows with the traffic of a month, not of every
/// year Loket has run. The console's live stream keeps its newest events only (a browser resumes from the last
/// one it saw; the activities themselves stay): about a week of a busy office's, where a year's would be
/// five million rows.
public struct DocumentRetention: Sendable {
    public struct Policy: Equatable, Sendable {
        /// How long a document is kept after the last ticket holding it finished.
        public var afterFinished: TimeInterval
        /// The longest a document is kept at all.
        public var maximum: TimeInterval
        /// How long a file no ticket holds is kept.
        public var unattached: TimeInterval
        /// How long a processed webhook stays in the inbox after it arrived (pending and failed ones stay).
        public var processedWebhooks: TimeInterval
        /// How many of the newest events the console's live stream keeps.
        public var liveEvents: Int

        public init(
            afterFinished: TimeInterval = 7 * 86_400, maximum: TimeInterval = 365 * 86_400,
            unattached: TimeInterval = 7 * 86_400, processedWebhooks: TimeInterval = 30 * 86_400,
            liveEvents: Int = 100_000
        ) {
            self.afterFinished = afterFinished
            self.maximum = maximum
            self.unattached = unattached
            self.processedWebhooks = processedWebhooks
            self.liveEvents = max(0, liveEvents)
        }
    }

    public let dataDirectory: String
    public let policy: Policy
    let writer: DatabaseWriter
    let tickets: TicketStoreConfiguration
    let logger: Logger
    /// How the purge leaves the writer to the others between two batches, for the seconds given.
    let pause: @Sendable (TimeInterval) -> Void

    /// - Parameter pause: how the purge waits between two of its transactions (tests record it).
    public init(
        dataDirectory: String, policy: Policy, writer: DatabaseWriter, tickets: TicketStoreConfiguration,
        logger: Logger, pause: @escaping @Sendable (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) }
    ) {
        self.dataDirectory = dataDirectory
        self.policy = policy
        self.writer = writer
        self.tickets = tickets
        self.logger = logger
        self.pause = pause
    }

    /// Deletes what is due at `now`; returns how many attached documents, unattached files, processed webhooks
    /// and live-stream events went.
    /// - Parameter going: asked before each batch; once it says no (the service is stopping), the purge ends
    ///   there and the next run deletes the rest.
    @discardableResult
    public func purge(now: Date, while going: () -> Bool = { true }) throws -> (
        documents: Int, unattached: Int, webhooks: Int, liveEvents: Int
    ) {
        var documents = 0
        while going() {
            let due = try self.writer.read {
                try SQLiteTicketStore.transaction(on: $0, configuration: self.tickets).documentsDueForPurge(
                    finishedBefore: now.addingTimeInterval(-self.policy.afterFinished),
                    receivedBefore: now.addingTimeInterval(-self.policy.maximum), limit: 200)
            }
            guard !due.isEmpty else { break }
            // Files first: a crash in between leaves rows that the next run deletes again, harmlessly.
            for hash in due { self.removeFile(hash) }
            try self.writeInTurn {
                try SQLiteTicketStore.transaction(on: $0, configuration: self.tickets).markDocumentsPurged(due, at: now)
            }
            documents += due.count
        }
        let unattached = try self.purgeUnattached(now: now, while: going)
        let webhooks = try self.deleteInBatches(while: going) { database, limit in
            try InboxStore.deleteProcessed(
                receivedBefore: now.addingTimeInterval(-self.policy.processedWebhooks), limit: limit, in: database)
        }
        let liveEvents = try self.deleteInBatches(while: going) { database, limit in
            try SQLiteTicketStore.transaction(on: database, configuration: self.tickets).deleteLiveEvents(
                keepingNewest: self.policy.liveEvents, limit: limit)
        }
        if documents + unattached + webhooks + liveEvents > 0 {
            self.logger.info(
                "retention.purged",
                [
                    "documents": String(documents), "unattached": String(unattached), "webhooks": String(webhooks),
                    "live_events": String(liveEvents),
                ])
        }
        return (documents, unattached, webhooks, liveEvents)
    }

    /// Runs `delete` with a limit of 2,000 rows per transaction, short because the intake shares the writer, until
    /// one deletes fewer or `going` says no; returns how many rows went.
    private func deleteInBatches(while going: () -> Bool, _ delete: (Database, Int) throws -> Int) throws -> Int {
        let batch = 2_000
        var total = 0
        while going() {
            let deleted = try self.writeInTurn { try delete($0, batch) }
            total += deleted
            if deleted < batch { return total }
        }
        return total
    }

    /// Runs one batch's transaction, then leaves the writer to the other threads for as long as the batch held
    /// it (`longestPause` at most). A backlog takes thousands of batches (the first purge of the live stream
    /// after a year: five million events), and back to back they would keep the writer for seconds, although
    /// each is short: a thread that releases a lock and takes it again at once wins it over the threads woken
    /// to take it, so the dispatcher's lanes would answer no provider until the purge ended. With the pause,
    /// the purge has the writer half the time at most.
    private func writeInTurn<Result>(_ body: (Database) throws -> Result) throws -> Result {
        let started = Date()
        let result = try self.writer.write(body)
        self.pause(min(Self.longestPause, max(0, Date().timeIntervalSince(started))))
        return result
    }

    /// The longest pause between two batches: a slow disk's transaction does not stretch the purge further.
    static let longestPause: TimeInterval = 0.05

    private func purgeUnattached(now: Date, while going: () -> Bool) throws -> Int {
        let media = URL(fileURLWithPath: self.dataDirectory).appendingPathComponent("media")
        let files = FileManager.default.enumerator(
            at: media, includingPropertiesForKeys: [.contentModificationDateKey, .isRegularFileKey])
        let cutoff = now.addingTimeInterval(-self.policy.unattached)
        var removed = 0
        while going(), let file = files?.nextObject() as? URL {
            let values = try? file.resourceValues(forKeys: [.contentModificationDateKey, .isRegularFileKey])
            let hash = file.lastPathComponent
            guard values?.isRegularFile == true, let modified = values?.contentModificationDate, modified < cutoff,
                hash.count == 64, hash.allSatisfy(\.isHexDigit)
            else { continue }
            let retained = try self.writer.read {
                try SQLiteTicketStore.transaction(on: $0, configuration: self.tickets).isDocumentRetained(hash)
            }
            if !retained {
                self.removeFile(hash)
                removed += 1
            }
        }
        return removed
    }

    private func removeFile(_ hash: String) {
        let path = "\(self.dataDirectory)/media/\(hash.prefix(2))/\(hash)"
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch let error as CocoaError where error.code == .fileNoSuchFile {
            return
        } catch {
            self.logger.error("retention.delete_failed", ["file": hash, "error": "\(error)"])
        }
    }
}
