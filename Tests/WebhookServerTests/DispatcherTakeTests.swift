import Foundation
import Storage
import Support
import Synchronization
import Testing
import WhatsAppOutbox

@testable import WebhookServer

/// Events handed to the lanes straight from the inbox log: stored by the transaction that processes them,
/// refused while anything older waits, and processed once across a replay, a delivery seen again and a
/// restart.
struct DispatcherTakeTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loket-take-\(UUID().uuidString)")
    let clock = TestClock(Date(timeIntervalSince1970: 1_700_000_100))

    /// The inbox as Loket wires it: the log, its replayer, and the dispatcher taking each append.
    struct Inbox {
        var writer: DatabaseWriter
        var log: InboxLog
        var replayer: InboxLogReplayer
        var dispatcher: Dispatcher
        var inbox: InboxWriter

        func start() {
            self.dispatcher.start()
            self.inbox.start()
        }

        func stop() {
            self.inbox.stop()
            self.dispatcher.stop()
        }

        /// Submits `events` as one webhook and waits for its acknowledgement.
        func submit(_ events: [WebhookEvent]) throws {
            let done = DispatchSemaphore(value: 0)
            let result = Mutex<Result<Int, any Error>?>(nil)
            self.inbox.submit(events) { outcome in
                result.withLock { $0 = outcome }
                done.signal()
            }
            done.wait()
            _ = try result.withLock { $0 }?.get()
        }

        func outbox() throws -> [String] {
            try self.writer.read {
                try $0.query("SELECT recipient || ':' || body FROM test_outbox ORDER BY id") { $0.string(0) }
            }
        }

        func states() throws -> [String] {
            try self.writer.read { try $0.query("SELECT state FROM inbox ORDER BY seq") { $0.string(0) } }
        }
    }

    /// No sweep runs by itself during a test: each replay is one the test causes.
    /// - Parameter restarting: the inbox whose database and log a restarted process finds.
    func inbox(step: any MessageHandler = EchoStep(), restarting: Inbox? = nil) throws -> Inbox {
        try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
        let writer =
            try restarting?.writer
            ?? DatabaseWriter(
                path: self.directory.appendingPathComponent("loket.sqlite").path,
                migrators: [InboxStore.migrator, DispatcherTests.testTables])
        let log = try restarting?.log ?? InboxLog(directory: self.directory.appendingPathComponent("inbox-log").path)
        let replayer = InboxLogReplayer(log: log, writer: writer, logger: .discarding)
        try replayer.recover()
        let clock = self.clock
        let dispatcher = Dispatcher(
            writer: writer, step: step, outbox: TableOutbox(), recorder: TableRecorder(),
            settings: DispatcherSettings(sweepInterval: 3600), metrics: Metrics(), logger: .discarding,
            now: { clock.now }, replayer: replayer)
        let inbox = InboxWriter(
            writer: writer, log: log, logger: .discarding, now: { clock.now }, onCommit: { dispatcher.wake() },
            handOff: { dispatcher.take($0, through: $1) })
        return Inbox(writer: writer, log: log, replayer: replayer, dispatcher: dispatcher, inbox: inbox)
    }

    @Test func anAppendedEventIsStoredAndProcessedInOneTransactionAndOnlyOnce() throws {
        defer { try? FileManager.default.removeItem(at: self.directory) }
        let inbox = try self.inbox()
        inbox.start()
        defer { inbox.stop() }
        #expect(inbox.dispatcher.waitUntilIdle(timeout: 10))

        let commits = inbox.writer.commitCount
        try inbox.submit([DispatcherTests.message("m1", from: "62811")])
        #expect(inbox.dispatcher.waitUntilIdle(timeout: 10))
        #expect(try inbox.outbox() == ["62811:echo Halo"])
        #expect(try inbox.states() == ["done"])
        #expect(inbox.writer.commitCount - commits == 1, "stored and processed by one transaction")
        #expect(inbox.replayer.backlog == 0, "a taken event is not waiting")

        // The replay finds it stored: its position moves on and nothing is added.
        #expect(try inbox.replayer.replay() == 1)
        #expect(try inbox.states() == ["done"])

        // Meta delivers it again, alone and beside a new one: the new one alone is answered.
        try inbox.submit([DispatcherTests.message("m1", from: "62811")])
        try inbox.submit([
            DispatcherTests.message("m1", from: "62811"), DispatcherTests.message("m2", from: "62811", body: "lagi"),
        ])
        #expect(inbox.dispatcher.waitUntilIdle(timeout: 10))
        #expect(try inbox.outbox() == ["62811:echo Halo", "62811:echo lagi"])
        #expect(try inbox.states() == ["done", "done"])
    }

    @Test func anAppendBehindARetryIsRefusedAndTheReplayKeepsTheConversationInOrder() throws {
        defer { try? FileManager.default.removeItem(at: self.directory) }
        let inbox = try self.inbox(step: FlakyStep(failuresBeforeSuccess: 1))
        inbox.start()
        defer { inbox.stop() }
        #expect(inbox.dispatcher.waitUntilIdle(timeout: 10))

        try inbox.submit([DispatcherTests.message("m1", from: "62811", body: "a")])
        #expect(inbox.dispatcher.waitUntilIdle(timeout: 10))
        #expect(try inbox.states() == ["pending"], "stored by its own transaction, failed, to be retried")
        // The conversation waits for its retry: its next message is not taken but stored by the replay.
        try inbox.submit([DispatcherTests.message("m2", from: "62811", body: "b")])
        #expect(inbox.dispatcher.waitUntilIdle(timeout: 10))
        // Another conversation's message goes straight to its lane again.
        let commits = inbox.writer.commitCount
        try inbox.submit([DispatcherTests.message("m3", from: "62822", body: "c")])
        #expect(inbox.dispatcher.waitUntilIdle(timeout: 10))
        #expect(inbox.writer.commitCount - commits == 1)
        #expect(try inbox.outbox() == ["62822:echo c"])
        #expect(try inbox.states() == ["pending", "pending", "done"])

        self.clock.advance(by: 60)
        inbox.dispatcher.wake()
        #expect(inbox.dispatcher.waitUntilIdle(timeout: 10))
        #expect(try inbox.outbox() == ["62822:echo c", "62811:echo a", "62811:echo b"])
        #expect(try inbox.states() == ["done", "done", "done"])
    }

    @Test func anEventTakenButNeverCommittedIsProcessedAfterARestartAndOnlyOnce() throws {
        defer { try? FileManager.default.removeItem(at: self.directory) }
        let held = HeldPreparationStep()
        let first = try self.inbox(step: held)
        first.start()
        #expect(first.dispatcher.waitUntilIdle(timeout: 10))
        try first.submit([DispatcherTests.message("m1", from: "62811")])
        // The lane has the event and never commits it, as if the process ended here.
        held.entered.wait()
        #expect(try first.states() == [])

        // The restart's recovery stores it from the log, and the new dispatcher answers it.
        let second = try self.inbox(restarting: first)
        second.start()
        #expect(second.dispatcher.waitUntilIdle(timeout: 10))
        #expect(try second.outbox() == ["62811:echo Halo"])
        #expect(try second.states() == ["done"])
        second.stop()

        // The first lane's transaction, late, finds it processed and adds nothing.
        held.release.signal()
        #expect(first.dispatcher.waitUntilIdle(timeout: 10))
        first.stop()
        #expect(try first.outbox() == ["62811:echo Halo"])
        #expect(try first.states() == ["done"])
    }

    @Test func appendsWaitingInTheLogBeforeTheFirstReplayAreStoredByItInOrder() throws {
        defer { try? FileManager.default.removeItem(at: self.directory) }
        let inbox = try self.inbox()
        inbox.inbox.start()
        // Appended before the dispatcher runs: refused, left to the replay.
        try inbox.submit([DispatcherTests.message("m1", from: "62811", body: "a")])
        let record = InboxLogRecord(
            receivedAt: self.clock.now, events: [DispatcherTests.message("m2", from: "62811", body: "b")])
        #expect(!inbox.dispatcher.take([record], through: 1), "nothing is taken before the dispatcher runs")
        inbox.dispatcher.start()
        defer { inbox.stop() }
        #expect(inbox.dispatcher.waitUntilIdle(timeout: 10))
        try inbox.submit([DispatcherTests.message("m3", from: "62811", body: "c")])
        #expect(inbox.dispatcher.waitUntilIdle(timeout: 10))
        #expect(try inbox.outbox() == ["62811:echo a", "62811:echo c"])
        #expect(try inbox.states() == ["done", "done"])
    }
}

/// Holds each message's preparation, before any transaction, until `release` is signalled.
final class HeldPreparationStep: MessageHandler, Sendable {
    let entered = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)

    func prepare(_ message: InboundMessage, context: StepContext) throws -> MessagePreparation {
        self.entered.signal()
        self.release.wait()
        return MessagePreparation()
    }

    func handle(
        _ message: InboundMessage, preparation: MessagePreparation, context: StepContext, in database: Database
    ) throws -> [OutboundMessage] {
        try EchoStep().handle(message, preparation: preparation, context: context, in: database)
    }

    func staleNotice(for message: InboundMessage, in database: Database) throws -> String { EchoStep.staleNotice }
}
