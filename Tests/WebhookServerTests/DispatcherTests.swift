import Foundation
import Storage
import Support
import Synchronization
import Testing
import WhatsAppOutbox

@testable import WebhookServer

/// The dispatcher: one transaction per event, order per conversation, retries, stale replays.
struct DispatcherTests {
    static let testTables = Migrator(
        component: "dispatcher-tests",
        migrations: [
            Migration(
                version: 1, name: "doubles",
                sql: """
                    CREATE TABLE test_outbox (id INTEGER PRIMARY KEY, recipient TEXT NOT NULL, body TEXT NOT NULL);
                    CREATE TABLE test_inbound (contact TEXT NOT NULL, at REAL NOT NULL);
                    CREATE TABLE test_statuses (message_id TEXT NOT NULL, status TEXT NOT NULL, codes TEXT NOT NULL);
                    CREATE TABLE test_steps (id INTEGER PRIMARY KEY, contact TEXT NOT NULL, message_id TEXT NOT NULL,
                        stale INTEGER NOT NULL);
                    """)
        ])

    let clock = TestClock(Date(timeIntervalSince1970: 1_700_000_100))
    let writer: DatabaseWriter

    init() throws {
        self.writer = try DatabaseWriter(path: ":memory:", migrators: [InboxStore.migrator, Self.testTables])
    }

    func dispatcher(
        step: any MessageHandler = EchoStep(), settings: DispatcherSettings = DispatcherSettings(),
        onEnqueued: @escaping @Sendable (Set<String>) -> Void = { _ in }
    ) -> Dispatcher {
        let clock = self.clock
        return Dispatcher(
            writer: self.writer, step: step, outbox: TableOutbox(), recorder: TableRecorder(), settings: settings,
            metrics: Metrics(), logger: .discarding, now: { clock.now }, onEnqueued: onEnqueued)
    }

    func store(_ events: [WebhookEvent]) throws {
        _ = try self.writer.write { try InboxStore.insert(events, receivedAt: self.clock.now, in: $0) }
    }

    static func message(_ id: String, from: String, body: String = "Halo", at timestamp: Int = 1_700_000_000)
        -> WebhookEvent
    {
        WebhookEvent(
            kind: .message, messageID: id, status: "", conversationKey: from,
            contact: WebhookContact(waID: from, profileName: "Budi"), timestamp: timestamp,
            raw: Array(
                #"{"from":"\#(from)","id":"\#(id)","timestamp":"\#(timestamp)","type":"text","text":{"body":"\#(body)"}}"#
                    .utf8))
    }

    func outbox() throws -> [String] {
        try self.writer.read {
            try $0.query("SELECT recipient || ':' || body FROM test_outbox ORDER BY id") { $0.string(0) }
        }
    }

    func states() throws -> [String] {
        try self.writer.read { try $0.query("SELECT state FROM inbox ORDER BY seq") { $0.string(0) } }
    }

    @Test func aMessageIsAnsweredAndMarkedDoneInOneTransaction() throws {
        try self.store([Self.message("m1", from: "62811")])
        let dispatcher = self.dispatcher()
        dispatcher.start()
        defer { dispatcher.stop() }
        #expect(dispatcher.waitUntilIdle(timeout: 10))
        #expect(try self.outbox() == ["62811:echo Halo"])
        #expect(try self.states() == ["done"])
        let inbound = try self.writer.read { try $0.query("SELECT contact FROM test_inbound") { $0.string(0) } }
        #expect(inbound == ["62811"])
    }

    /// The sender is told whom the committed replies go to, so it wakes only the workers serving them.
    @Test func aCommitNamesTheRecipientsOfWhatItQueued() throws {
        try self.store([Self.message("m1", from: "62811"), Self.message("m2", from: "62822")])
        let named = Mutex<Set<String>>([])
        let dispatcher = self.dispatcher(onEnqueued: { recipients in named.withLock { $0.formUnion(recipients) } })
        dispatcher.start()
        defer { dispatcher.stop() }
        #expect(dispatcher.waitUntilIdle(timeout: 10))
        #expect(named.withLock { $0 } == ["62811", "62822"])
    }

    @Test func aDuplicateDeliveryIsAnsweredOnce() throws {
        try self.store([Self.message("m1", from: "62811")])
        try self.store([Self.message("m1", from: "62811")])
        let dispatcher = self.dispatcher()
        dispatcher.start()
        defer { dispatcher.stop() }
        #expect(dispatcher.waitUntilIdle(timeout: 10))
        #expect(try self.outbox() == ["62811:echo Halo"])
    }

    @Test func lanesKeepArrivalOrderPerContact() throws {
        let contacts = (0..<12).map { "62800000\($0)" }
        var events: [WebhookEvent] = []
        for round in 0..<25 {
            for contact in contacts {
                events.append(Self.message("\(contact)-\(round)", from: contact, body: "\(round)"))
            }
        }
        try self.store(events)
        let dispatcher = self.dispatcher(settings: DispatcherSettings(laneCount: 3))
        dispatcher.start()
        defer { dispatcher.stop() }
        #expect(dispatcher.waitUntilIdle(timeout: 30))
        let steps = try self.writer.read {
            try $0.query("SELECT contact, message_id FROM test_steps ORDER BY id") { ($0.string(0), $0.string(1)) }
        }
        #expect(steps.count == 300)
        for contact in contacts {
            let order = steps.filter { $0.0 == contact }.map(\.1)
            #expect(order == (0..<25).map { "\(contact)-\($0)" })
        }
    }

    @Test func lanesReachingTheWriterTogetherShareOneCommitAndEachRowStillStandsAlone() throws {
        let laneCount = 4
        // One contact per lane. The first holds the writer inside its step; the others prepare only once
        // it does, and then wait for the writer together.
        var contacts: [Int: String] = [:]
        for number in 62_810..<62_900 where contacts.count < laneCount {
            let contact = String(number)
            let lane = Dispatcher.lane(for: contact, laneCount: laneCount)
            if contacts[lane] == nil { contacts[lane] = contact }
        }
        let gate = contacts[0]!
        let others = (1..<laneCount).map { contacts[$0]! }
        try self.store(
            [Self.message("held", from: gate)]
                + others.enumerated().map { index, contact in
                    Self.message("m\(index)", from: contact, body: index == 1 ? "poison" : "hai \(index)")
                })
        let step = GateStep(holding: gate)
        let dispatcher = self.dispatcher(step: step, settings: DispatcherSettings(laneCount: laneCount))
        let commitsBefore = self.writer.commitCount
        dispatcher.start()
        defer { dispatcher.stop() }
        let deadline = Date().addingTimeInterval(10)
        while dispatcher.waitingCommits < others.count, Date() < deadline { usleep(1_000) }
        #expect(dispatcher.waitingCommits == others.count, "every other lane prepared its row and waits")
        step.release()
        #expect(dispatcher.waitUntilIdle(timeout: 10))

        #expect(self.writer.commitCount - commitsBefore == 2, "the held commit, then one for the three lanes")
        #expect(
            try self.outbox().sorted()
                == ["\(gate):echo Halo", "\(others[0]):echo hai 0", "\(others[2]):echo hai 2"].sorted())
        let failed = try self.writer.read {
            try $0.query("SELECT message_id FROM inbox WHERE state = 'failed'") { $0.string(0) }
        }
        #expect(failed == ["m1"], "the poison row failed alone; the rows sharing its commit are done")
        #expect(try self.states().filter { $0 == "done" }.count == 3)
    }

    @Test func aTransientFailureIsRetriedAfterBackoffAndHoldsLaterMessagesOfThatContact() throws {
        let step = FlakyStep(failuresBeforeSuccess: 1)
        try self.store([Self.message("m1", from: "62811", body: "a"), Self.message("m2", from: "62811", body: "b")])
        try self.store([Self.message("m3", from: "62822", body: "c")])
        let dispatcher = self.dispatcher(step: step)
        dispatcher.start()
        defer { dispatcher.stop() }
        #expect(dispatcher.waitUntilIdle(timeout: 10))
        #expect(try self.outbox() == ["62822:echo c"])
        #expect(try self.states() == ["pending", "pending", "done"])
        self.clock.advance(by: 60)
        dispatcher.wake()
        #expect(dispatcher.waitUntilIdle(timeout: 10))
        #expect(try self.outbox() == ["62822:echo c", "62811:echo a", "62811:echo b"])
        #expect(try self.states() == ["done", "done", "done"])
    }

    @Test func aPermanentFailureMarksTheEventFailedAndTheLaneMovesOn() throws {
        try self.store([
            Self.message("m1", from: "62811", body: "poison"), Self.message("m2", from: "62811", body: "next"),
        ])
        let dispatcher = self.dispatcher()
        dispatcher.start()
        defer { dispatcher.stop() }
        #expect(dispatcher.waitUntilIdle(timeout: 10))
        #expect(try self.states() == ["failed", "done"])
        #expect(try self.outbox() == ["62811:echo next"])
        let reason = try self.writer.read {
            try $0.queryFirst("SELECT last_error FROM inbox WHERE seq = 1") { $0.string(0) }
        }
        #expect(reason?.contains("poison") == true)
    }

    @Test func aFailingEventRollsBackAloneInsideItsBatch() throws {
        try self.store([
            Self.message("m1", from: "62811", body: "first"), Self.message("m2", from: "62811", body: "poison"),
            Self.message("m3", from: "62811", body: "last"),
        ])
        let dispatcher = self.dispatcher()
        dispatcher.start()
        defer { dispatcher.stop() }
        #expect(dispatcher.waitUntilIdle(timeout: 10))
        let steps = try self.writer.read {
            try $0.query("SELECT message_id FROM test_steps ORDER BY id") { $0.string(0) }
        }
        #expect(steps == ["m1", "m3"])
        #expect(try self.states() == ["done", "failed", "done"])
    }

    @Test func aStatusIsHandedToTheRecorder() throws {
        let status = WebhookEvent(
            kind: .status, messageID: "wamid.OUT", status: "failed", conversationKey: "62811",
            contact: WebhookContact(),
            timestamp: 1_700_000_000,
            raw: Array(
                #"{"id":"wamid.OUT","status":"failed","timestamp":"1700000000","errors":[{"code":131047}]}"#.utf8))
        try self.store([status])
        let dispatcher = self.dispatcher()
        dispatcher.start()
        defer { dispatcher.stop() }
        #expect(dispatcher.waitUntilIdle(timeout: 10))
        let recorded = try self.writer.read {
            try $0.query("SELECT message_id, status, codes FROM test_statuses") {
                [$0.string(0), $0.string(1), $0.string(2)]
            }
        }
        #expect(recorded == [["wamid.OUT", "failed", "131047"]])
    }

    @Test func staleRepliesAreRecordedAndThePersonGetsOneNote() throws {
        let old = 1_700_000_100 - 3 * 24 * 3600
        try self.store([
            Self.message("m1", from: "62811", at: old), Self.message("m2", from: "62811", at: old + 1),
            Self.message("m3", from: "62811", at: 1_700_000_000),
        ])
        let dispatcher = self.dispatcher()
        dispatcher.start()
        defer { dispatcher.stop() }
        #expect(dispatcher.waitUntilIdle(timeout: 10))
        #expect(try self.outbox() == ["62811:" + EchoStep.staleNotice, "62811:echo Halo"])
        let stale = try self.writer.read { try $0.query("SELECT stale FROM test_steps ORDER BY id") { $0.int(0) } }
        #expect(stale == [1, 1, 0])
        #expect(try self.states() == ["done", "done", "done"])
    }

    @Test func pendingEventsFromBeforeARestartAreProcessed() throws {
        try self.store([Self.message("m1", from: "62811")])
        let paused = self.dispatcher(settings: DispatcherSettings(paused: true))
        paused.start()
        paused.stop()
        #expect(try self.states() == ["pending"])
        let dispatcher = self.dispatcher()
        dispatcher.start()
        defer { dispatcher.stop() }
        #expect(dispatcher.waitUntilIdle(timeout: 10))
        #expect(try self.outbox() == ["62811:echo Halo"])
    }

    @Test func lanesAreStableForAKey() {
        #expect(
            Dispatcher.lane(for: "6281234567890", laneCount: 4) == Dispatcher.lane(for: "6281234567890", laneCount: 4))
        let lanes = Set((0..<100).map { Dispatcher.lane(for: "62800\($0)", laneCount: 4) })
        #expect(lanes == [0, 1, 2, 3])
    }
}

/// A clock tests move by hand.
final class TestClock: Sendable {
    private let value: Mutex<Date>

    init(_ start: Date) { self.value = Mutex(start) }

    var now: Date { self.value.withLock { $0 } }

    func advance(by seconds: TimeInterval) { self.value.withLock { $0 += seconds } }
}

/// Answers every text with `echo <text>`, logs each step, and fails permanently on `poison`.
struct EchoStep: MessageHandler {
    func handle(
        _ message: InboundMessage, preparation: MessagePreparation, context: StepContext, in database: Database
    ) throws -> [OutboundMessage] {
        try database.run(
            "INSERT INTO test_steps (contact, message_id, stale) VALUES (?, ?, ?)",
            [.text(message.conversationKey), .text(message.id), .int(context.isStale ? 1 : 0)])
        guard case .text(let body) = message.content else { return [] }
        if body == "poison" { throw DispatchError.permanent("poison message") }
        if context.isStale { return [] }
        return [OutboundMessage(to: message.replyAddress, payload: .text("echo " + body))]
    }

    static let staleNotice = "late: write again if you still need help"

    func staleNotice(for message: InboundMessage, in database: Database) throws -> String { Self.staleNotice }
}

/// Holds the step of `contact` inside the transaction until `release()`; other contacts' messages are
/// prepared only once that step holds the writer.
final class GateStep: MessageHandler, @unchecked Sendable {
    let contact: String
    private let condition = NSCondition()
    private var entered = false
    private var released = false

    init(holding contact: String) { self.contact = contact }

    func release() {
        self.condition.lock()
        self.released = true
        self.condition.broadcast()
        self.condition.unlock()
    }

    func prepare(_ message: InboundMessage, context: StepContext) throws -> MessagePreparation {
        guard message.conversationKey != self.contact else { return MessagePreparation() }
        self.condition.lock()
        while !self.entered && !self.released { self.condition.wait() }
        self.condition.unlock()
        return MessagePreparation()
    }

    func handle(
        _ message: InboundMessage, preparation: MessagePreparation, context: StepContext, in database: Database
    ) throws -> [OutboundMessage] {
        if message.conversationKey == self.contact {
            self.condition.lock()
            self.entered = true
            self.condition.broadcast()
            while !self.released { self.condition.wait() }
            self.condition.unlock()
        }
        return try EchoStep().handle(message, preparation: preparation, context: context, in: database)
    }

    func staleNotice(for message: InboundMessage, in database: Database) throws -> String { EchoStep.staleNotice }
}

/// Fails with a transient error for contact 62811 the first `failuresBeforeSuccess` times.
final class FlakyStep: MessageHandler {
    private let remaining: Mutex<Int>

    init(failuresBeforeSuccess: Int) { self.remaining = Mutex(failuresBeforeSuccess) }

    func handle(
        _ message: InboundMessage, preparation: MessagePreparation, context: StepContext, in database: Database
    ) throws -> [OutboundMessage] {
        if message.conversationKey == "62811" {
            let fail = self.remaining.withLock { remaining in
                defer { remaining -= 1 }
                return remaining > 0
            }
            if fail { throw DispatchError.transient("graph busy") }
        }
        return try EchoStep().handle(message, preparation: preparation, context: context, in: database)
    }

    func staleNotice(for message: InboundMessage, in database: Database) throws -> String { EchoStep.staleNotice }
}

/// An outbox in a table of the same database, so it commits or rolls back with the step.
struct TableOutbox: OutboxQueue {
    func enqueue(_ messages: [OutboundMessage], in database: Database, now: Date) throws {
        for message in messages {
            guard case .text(let body) = message.payload else { continue }
            try database.run(
                "INSERT INTO test_outbox (recipient, body) VALUES (?, ?)", [.text(message.to), .text(body)])
        }
    }
}

/// Records inbound times and statuses in tables of the same database.
struct TableRecorder: DeliveryStatusRecorder {
    func recordStatus(messageID: String, status: String, timestamp: Date, errorCodes: [Int], in database: Database)
        throws
    {
        try database.run(
            "INSERT INTO test_statuses (message_id, status, codes) VALUES (?, ?, ?)",
            [.text(messageID), .text(status), .text(errorCodes.map(String.init).joined(separator: ","))])
    }

    func recordInbound(from contact: String, at timestamp: Date, in database: Database) throws {
        try database.run(
            "INSERT INTO test_inbound (contact, at) VALUES (?, ?)",
            [.text(contact), .real(timestamp.timeIntervalSince1970)])
    }
}
