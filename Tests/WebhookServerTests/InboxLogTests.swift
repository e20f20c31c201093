import Foundation
import Storage
import Support
import Synchronization
import Testing

@testable import WebhookServer

/// The inbox log: what precedes a webhook's 200 is an fsync'd, checksummed record; a torn tail is cut on
/// opening; the replayer moves records into the inbox table once, and segments go once they are stored.
struct InboxLogTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loket-log-\(UUID().uuidString)")
    var logDirectory: String { self.directory.appendingPathComponent("inbox-log").path }

    private func record(_ id: String, from phone: String = "6281234567890") -> [UInt8] {
        let event = DispatcherTests.message(id, from: phone)
        return InboxLogRecord(receivedAt: Date(timeIntervalSince1970: 1_800_000_000), events: [event]).encoded
    }

    private func size(of path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
    }

    private func database() throws -> DatabaseWriter {
        try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
        return try DatabaseWriter(
            path: self.directory.appendingPathComponent("loket.sqlite").path, migrators: [InboxStore.migrator])
    }

    @Test func aRecordRoundTripsWithEveryField() throws {
        let event = WebhookEvent(
            kind: .status, messageID: "wamid.x", status: "delivered", conversationKey: "wa:628123",
            contact: WebhookContact(waID: "628123", userID: nil, profileName: "Budi ✓"), timestamp: 1_764_000_000,
            raw: Array(#"{"id":"wamid.x"}"#.utf8))
        let plain = DispatcherTests.message("wamid.y", from: "628999")
        let record = InboxLogRecord(receivedAt: Date(timeIntervalSince1970: 1_800_000_000.25), events: [event, plain])
        #expect(InboxLogRecord(decoding: record.encoded) == record)
        #expect(InboxLogRecord(decoding: Array(record.encoded.dropLast())) == nil)
    }

    @Test func appendsAreReadBackInOrderAndEachGroupIsOneFsync() throws {
        defer { try? FileManager.default.removeItem(at: self.directory) }
        let log = try InboxLog(directory: self.logDirectory)
        try log.append([self.record("wamid.1"), self.record("wamid.2")])
        try log.append([self.record("wamid.3")])
        #expect(log.fsyncCount == 2)
        #expect(log.appendedRecords == 3)
        let (payloads, end) = try log.records(after: InboxLog.Position(segment: 0, offset: 0), limit: 10)
        #expect(
            payloads.compactMap { InboxLogRecord(decoding: $0)?.events.first?.messageID } == [
                "wamid.1", "wamid.2", "wamid.3",
            ])
        #expect(end == log.durableEnd)
        let (first, middle) = try log.records(after: InboxLog.Position(segment: 0, offset: 0), limit: 1)
        #expect(first.count == 1)
        let (rest, _) = try log.records(after: middle, limit: 10)
        #expect(rest.count == 2)
    }

    @Test func eachGroupCountsTheTimeItsFdatasyncTook() throws {
        defer { try? FileManager.default.removeItem(at: self.directory) }
        // A disk that takes 20 ms to sync, and one whose sync fails.
        let failing = Atomic<Bool>(false)
        let log = try InboxLog(directory: self.logDirectory) { descriptor in
            if failing.load(ordering: .acquiring) { return -1 }
            usleep(20_000)
            return fdatasync(descriptor)
        }
        #expect(log.groupSyncs.count == 0)
        #expect(log.groupSyncs.seconds == 0)
        try log.append([self.record("wamid.1"), self.record("wamid.2")])
        try log.append([self.record("wamid.3")])
        let (groups, seconds) = log.groupSyncs
        #expect(groups == 2)
        #expect(seconds >= 0.040, "two syncs of at least 20 ms each took \(seconds) s in all")
        // A failed sync acknowledged nothing and is not a group.
        failing.store(true, ordering: .releasing)
        #expect(throws: InboxLog.Failure.self) { try log.append([self.record("wamid.5")]) }
        #expect(log.groupSyncs.count == 2)
    }

    @Test func theLogIsReadUpToItsDurableEndWhileAnAppendWaitsForTheDisk() throws {
        defer { try? FileManager.default.removeItem(at: self.directory) }
        let holding = Atomic<Bool>(false)
        let syncing = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let log = try InboxLog(directory: self.logDirectory) { descriptor in
            if holding.load(ordering: .acquiring) {
                syncing.signal()
                release.wait()
            }
            return fdatasync(descriptor)
        }
        try log.append([self.record("wamid.1")])
        let durable = log.durableEnd
        holding.store(true, ordering: .releasing)
        let appended = DispatchSemaphore(value: 0)
        let second = self.record("wamid.2")
        Thread.detachNewThread {
            try? log.append([second])
            appended.signal()
        }
        syncing.wait()

        // The replayer and the metrics read while the group waits for its fdatasync: they see what is
        // durable, at once.
        let read = DispatchSemaphore(value: 0)
        let seen = Mutex<(InboxLog.Position, Int, Int)?>(nil)
        Thread.detachNewThread {
            let records = try? log.records(after: InboxLog.Position(segment: 0, offset: 0), limit: 10)
            seen.withLock { $0 = (log.durableEnd, log.fsyncCount, records?.payloads.count ?? -1) }
            read.signal()
        }
        let answered = read.wait(timeout: .now() + 5) == .success
        release.signal()
        appended.wait()
        #expect(answered, "reading the log waited for an append's fdatasync")
        let (end, fsyncs, records) = try #require(seen.withLock { $0 })
        #expect(end == durable)
        #expect(fsyncs == 1)
        #expect(records == 1)
        #expect(log.durableEnd > durable)
        #expect(log.fsyncCount == 2)
    }

    @Test func appendsFromSeveralThreadsAreEachWholeAndFsyncd() throws {
        defer { try? FileManager.default.removeItem(at: self.directory) }
        let log = try InboxLog(directory: self.logDirectory, preallocation: 4096)
        let group = DispatchGroup()
        let records = (0..<4).map { thread in (0..<50).map { self.record("wamid.\(thread).\($0)") } }
        for thread in 0..<4 {
            group.enter()
            Thread.detachNewThread {
                for record in records[thread] { try? log.append([record]) }
                group.leave()
            }
        }
        group.wait()
        #expect(log.fsyncCount == 200)
        let (payloads, end) = try log.records(after: InboxLog.Position(segment: 0, offset: 0), limit: 1000)
        #expect(end == log.durableEnd)
        let ids = payloads.compactMap { InboxLogRecord(decoding: $0)?.events.first?.messageID }
        #expect(ids.count == 200)
        for thread in 0..<4 {
            let own = ids.filter { $0.hasPrefix("wamid.\(thread).") }
            #expect(own == (0..<50).map { "wamid.\(thread).\($0)" })
        }
    }

    @Test func aLongBacklogIsReadInBatchesAcrossChunksAndARecordLargerThanAChunkWhole() throws {
        defer { try? FileManager.default.removeItem(at: self.directory) }
        let log = try InboxLog(directory: self.logDirectory)
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: 8_000)
        for index in 0..<300 { try log.append([body + Array("\(index)".utf8)]) }
        try log.append([[UInt8](repeating: UInt8(ascii: "y"), count: 1_500_000)])
        var position = InboxLog.Position(segment: 0, offset: 0)
        var read: [[UInt8]] = []
        while position < log.durableEnd {
            let (payloads, end) = try log.records(after: position, limit: 50)
            #expect(payloads.count <= 50)
            read += payloads
            position = end
        }
        #expect(read.count == 301)
        let serials = read.prefix(300).map { String(decoding: $0.dropFirst(8_000), as: UTF8.self) }
        #expect(serials == (0..<300).map(String.init))
        #expect(read.last?.count == 1_500_000)
    }

    @Test func aTornTailIsCutOnOpeningAndAppendsGoOnAfterTheLastWholeRecord() throws {
        defer { try? FileManager.default.removeItem(at: self.directory) }
        do {
            let log = try InboxLog(directory: self.logDirectory)
            try log.append([self.record("wamid.1"), self.record("wamid.2")])
        }
        // A crash in the middle of a write: half a record after the last whole one, in the zeros grown ahead.
        let segment = self.logDirectory + "/00000000000000000000.log"
        let recordsEnd = UInt64(2 * (self.record("wamid.1").count + 8))
        let handle = try #require(FileHandle(forWritingAtPath: segment))
        #expect(try handle.seekToEnd() > recordsEnd, "the segment grew ahead of its records")
        try handle.seek(toOffset: recordsEnd)
        let torn = Array(self.record("wamid.torn").prefix(20))
        try handle.write(contentsOf: torn)
        try handle.close()

        let reopened = try InboxLog(directory: self.logDirectory)
        #expect(try self.size(of: segment) == Int(recordsEnd), "the torn record and the zeros after it are cut")
        #expect(reopened.durableEnd == InboxLog.Position(segment: 0, offset: recordsEnd))
        try reopened.append([self.record("wamid.3")])
        let (payloads, _) = try reopened.records(after: InboxLog.Position(segment: 0, offset: 0), limit: 10)
        #expect(
            payloads.compactMap { InboxLogRecord(decoding: $0)?.events.first?.messageID } == [
                "wamid.1", "wamid.2", "wamid.3",
            ])

        // A flipped byte inside the last record: it fails its checksum and is cut too.
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: segment)))
        bytes[Int(reopened.durableEnd.offset) - 3] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: segment))
        let again = try InboxLog(directory: self.logDirectory)
        let (kept, _) = try again.records(after: InboxLog.Position(segment: 0, offset: 0), limit: 10)
        #expect(kept.count == 2)
    }

    /// Appends land in zeros written ahead: the file grows once per step, not with every group, and readers
    /// take the zeros after a segment's last record as its end, across rotations and reopening.
    @Test func aSegmentGrowsInZeroFilledStepsThatReadAsItsEnd() throws {
        defer { try? FileManager.default.removeItem(at: self.directory) }
        let segmentSize: UInt64 = 16_384
        let log = try InboxLog(directory: self.logDirectory, segmentSize: segmentSize, preallocation: 4_096)
        let first = self.logDirectory + "/00000000000000000000.log"
        try log.append([self.record("wamid.0")])
        #expect(try self.size(of: first) == 4_096)
        var sizes: Set<Int> = []
        for index in 1..<8 {
            try log.append([self.record("wamid.\(index)")])
            sizes.insert(try #require(try self.size(of: first)))
        }
        #expect(sizes.allSatisfy { $0 % 4_096 == 0 && $0 > Int(log.durableEnd.offset) })
        #expect(sizes.count < 7, "the file grows by steps, not with each group")
        var index = 8
        while log.durableEnd.segment < 2 {
            try log.append([self.record("wamid.\(index)")])
            index += 1
        }
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: first)))
        #expect(bytes.count > 0 && bytes.last == 0, "a finished segment keeps its zeros")

        for reader in [log, try InboxLog(directory: self.logDirectory)] {
            var position = InboxLog.Position(segment: 0, offset: 0)
            var read: [String] = []
            while position < reader.durableEnd {
                let (payloads, end) = try reader.records(after: position, limit: 3)
                read += payloads.compactMap { InboxLogRecord(decoding: $0)?.events.first?.messageID }
                position = end
            }
            #expect(read == (0..<index).map { "wamid.\($0)" })
        }
    }

    @Test func theReplayerStoresEachDeliveryOnceAndDeletesStoredSegments() throws {
        defer { try? FileManager.default.removeItem(at: self.directory) }
        let writer = try self.database()
        // Small segments, so the log rotates several times.
        let log = try InboxLog(directory: self.logDirectory, segmentSize: 1_024)
        for index in 0..<20 { try log.append([self.record("wamid.\(index)", from: "6281\(index % 3)")]) }
        // Meta delivers one again.
        try log.append([self.record("wamid.4", from: "62811")])
        #expect(log.segmentCount > 3)
        let replayer = InboxLogReplayer(log: log, writer: writer, logger: .discarding, batchSize: 7)
        #expect(replayer.backlog == 21)
        #expect(try replayer.replay() == 21)
        #expect(replayer.backlog == 0)
        #expect(try writer.read { try InboxStore.count(state: "pending", in: $0) } == 20)
        #expect(log.segmentCount == 1, "every segment before the current one is stored and deleted")
        #expect(try replayer.replay() == 0)

        // A crash after the rows were committed but before the position was: the records are read again
        // and add nothing.
        try log.append([self.record("wamid.20")])
        try writer.write { try InboxStore.setLogPosition(InboxLog.Position(segment: 0, offset: 0), in: $0) }
        let restarted = InboxLogReplayer(log: log, writer: writer, logger: .discarding)
        #expect(try restarted.recover() >= 1)
        #expect(try writer.read { try InboxStore.count(state: "pending", in: $0) } == 21)
        #expect(try writer.read { try InboxStore.logPosition(in: $0) } == log.durableEnd)
    }

    @Test func onlyTheCommitThatLetsASegmentGoIsFsyncd() throws {
        defer { try? FileManager.default.removeItem(at: self.directory) }
        let writer = try self.database()
        let log = try InboxLog(directory: self.logDirectory, segmentSize: 2_048)
        let replayer = InboxLogReplayer(log: log, writer: writer, logger: .discarding)
        try log.append([self.record("wamid.a")])
        try replayer.replay()
        #expect(writer.durableCommitCount == 0, "the log still holds the record: no fsync needed")
        while log.durableEnd.segment == 0 { try log.append([self.record("wamid.\(log.appendedRecords)")]) }
        try replayer.replay()
        #expect(writer.durableCommitCount == 1)
        #expect(log.firstSegment == 1)
        #expect(log.segmentCount == 1)
    }

    @Test func aWebhookArrivingAloneIsWrittenByItsCallerAndThoseArrivingMeanwhileShareTheNextGroup() throws {
        defer { try? FileManager.default.removeItem(at: self.directory) }
        let writer = try self.database()
        let holding = Atomic<Bool>(false)
        let syncing = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let log = try InboxLog(directory: self.logDirectory) { descriptor in
            if holding.exchange(false, ordering: .acquiringAndReleasing) {
                syncing.signal()
                release.wait()
            }
            return fdatasync(descriptor)
        }
        let inbox = InboxWriter(writer: writer, log: log, logger: .discarding)
        inbox.start()
        defer { inbox.stop() }

        // Alone: written and acknowledged on the caller's thread, before `submit` returns.
        let caller = pthread_self()
        let answeredOn = Mutex<pthread_t?>(nil)
        inbox.submit([DispatcherTests.message("wamid.alone", from: "62811")]) { result in
            if case .success = result { answeredOn.withLock { $0 = pthread_self() } }
        }
        #expect(answeredOn.withLock { $0 }.map { pthread_equal($0, caller) != 0 } == true)
        #expect(log.fsyncCount == 1)

        // A caller's write waits for the disk; ten webhooks arriving meanwhile queue behind it and are
        // written by the writer thread, all ten in one group once the disk answers.
        holding.store(true, ordering: .releasing)
        let first = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            inbox.submit([DispatcherTests.message("wamid.first", from: "62812")]) { _ in first.signal() }
        }
        syncing.wait()
        let done = DispatchGroup()
        let acknowledged = Mutex(0)
        for index in 0..<10 {
            done.enter()
            inbox.submit([DispatcherTests.message("wamid.meanwhile.\(index)", from: "6281\(index)")]) { result in
                if case .success = result { acknowledged.withLock { $0 += 1 } }
                done.leave()
            }
        }
        #expect(acknowledged.withLock { $0 } == 0, "acknowledged before the write ahead of them was durable")
        release.signal()
        #expect(first.wait(timeout: .now() + 10) == .success)
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(acknowledged.withLock { $0 } == 10)
        #expect(log.fsyncCount == 3, "\(log.fsyncCount) fsyncs: one alone, one held back, one for the ten queued")
        let (payloads, _) = try log.records(after: InboxLog.Position(segment: 0, offset: 0), limit: 100)
        let ids = payloads.compactMap { InboxLogRecord(decoding: $0)?.events.first?.messageID }
        #expect(ids.prefix(2) == ["wamid.alone", "wamid.first"])
        #expect(Set(ids.dropFirst(2)) == Set((0..<10).map { "wamid.meanwhile.\($0)" }))

        // After a group, the next webhook goes to the writer thread; once it was written alone, the one after it
        // is written by its caller again.
        let afterGroup = DispatchSemaphore(value: 0)
        let afterGroupOnCaller = Mutex<Bool?>(nil)
        inbox.submit([DispatcherTests.message("wamid.after-group", from: "62813")]) { _ in
            afterGroupOnCaller.withLock { $0 = pthread_equal(pthread_self(), caller) != 0 }
            afterGroup.signal()
        }
        #expect(afterGroup.wait(timeout: .now() + 10) == .success)
        #expect(afterGroupOnCaller.withLock { $0 } == false)
        // (Its completion runs before the writer thread notes the group's size: the next ones may still queue.)
        var writtenByCaller = false
        for attempt in 0..<200 where !writtenByCaller {
            let onCaller = Mutex(false)
            inbox.submit([DispatcherTests.message("wamid.alone-again.\(attempt)", from: "62814")]) { _ in
                onCaller.withLock { $0 = pthread_equal(pthread_self(), caller) != 0 }
            }
            writtenByCaller = onCaller.withLock { $0 }
            if !writtenByCaller { usleep(5_000) }
        }
        #expect(writtenByCaller, "webhooks arriving one at a time again never went back to their callers' writes")
    }

    @Test func aStopWaitsForTheWriteOfACallerInProgress() throws {
        defer { try? FileManager.default.removeItem(at: self.directory) }
        let writer = try self.database()
        let syncing = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let log = try InboxLog(directory: self.logDirectory) { descriptor in
            syncing.signal()
            release.wait()
            return fdatasync(descriptor)
        }
        let inbox = InboxWriter(writer: writer, log: log, logger: .discarding)
        inbox.start()
        let answered = Atomic<Bool>(false)
        Thread.detachNewThread {
            inbox.submit([DispatcherTests.message("wamid.stopping", from: "62811")]) { result in
                if case .success = result { answered.store(true, ordering: .releasing) }
            }
        }
        syncing.wait()
        let stopped = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            inbox.stop()
            stopped.signal()
        }
        #expect(stopped.wait(timeout: .now() + 0.2) == .timedOut, "stop returned while a write was in progress")
        release.signal()
        #expect(stopped.wait(timeout: .now() + 10) == .success)
        let wasAnswered = answered.load(ordering: .acquiring)
        #expect(wasAnswered)
    }

    @Test func aWebhookIsAcknowledgedOnlyAfterItsRecordIsFsyncd() throws {
        defer { try? FileManager.default.removeItem(at: self.directory) }
        let writer = try self.database()
        let log = try InboxLog(directory: self.logDirectory)
        let inbox = InboxWriter(writer: writer, log: log, logger: .discarding)
        inbox.start()
        defer { inbox.stop() }
        let done = DispatchGroup()
        let seen = Mutex<[(fsyncs: Int, durable: InboxLog.Position)]>([])
        for index in 0..<100 {
            done.enter()
            inbox.submit([DispatcherTests.message("wamid.ack.\(index)", from: "6281\(index % 5)")]) { result in
                if case .success = result { seen.withLock { $0.append((log.fsyncCount, log.durableEnd)) } }
                done.leave()
            }
        }
        #expect(done.wait(timeout: .now() + 30) == .success)
        let acknowledged = seen.withLock { $0 }
        #expect(acknowledged.count == 100)
        #expect(acknowledged.allSatisfy { $0.fsyncs >= 1 && $0.durable.offset > 0 })
        #expect(log.fsyncCount >= 1 && log.fsyncCount <= 100, "\(log.fsyncCount) fsyncs for 100 webhooks")
        // Every acknowledged delivery is in the log, readable after a restart.
        let (payloads, _) = try InboxLog(directory: self.logDirectory)
            .records(after: InboxLog.Position(segment: 0, offset: 0), limit: 1_000)
        #expect(Set(payloads.compactMap { InboxLogRecord(decoding: $0)?.events.first?.messageID }).count == 100)
        // The inbox table is untouched until the dispatcher's replayer runs.
        #expect(try writer.read { try InboxStore.count(state: "pending", in: $0) } == 0)
    }
}
