import Foundation
import Storage
import Testing

@testable import WhatsAppOutbox

struct OutboxTests {
    private let now = Date(timeIntervalSince1970: 1_800_000_000)
    private let writer: DatabaseWriter
    private let outbox = Outbox(
        configuration: .init(defaultTemplate: .init(name: "pesan_baru", language: "id", bodyParameters: ["LPSE"])))

    init() throws {
        self.writer = try DatabaseWriter(path: ":memory:", migrators: [Outbox.migrator])
    }

    private func records(_ recipient: String = "628111") throws -> [OutboundRecord] {
        try self.writer.read { try self.outbox.records(to: recipient, in: $0) }
    }

    /// Queues `message` and records it as accepted by Meta under `wamid`.
    private func sent(_ message: OutboundMessage, wamid: String) throws -> Int64 {
        try self.writer.write { database in
            try self.outbox.enqueue([message], in: database, now: self.now)
            let id = database.lastInsertRowID
            try self.outbox.markSent(id, wamid: wamid, asTemplate: false, now: self.now, in: database)
            return id
        }
    }

    private func status(_ wamid: String, _ status: String, codes: [Int] = [], at offset: TimeInterval = 10) throws {
        try self.writer.write {
            try self.outbox.recordStatus(
                messageID: wamid, status: status, timestamp: self.now.addingTimeInterval(offset), errorCodes: codes,
                in: $0)
        }
    }

    @Test func enqueuedMessagesKeepTheirOrderAndPayload() throws {
        let messages = [
            OutboundMessage(to: "628111", payload: .text("Satu"), replyTo: "wamid.IN"),
            OutboundMessage(
                to: "628111", payload: .buttons(body: "Dua", buttons: [.init(id: "a", title: "A")], footer: "f"),
                fallbackTemplate: .init(name: "t", language: "id", bodyParameters: ["x"])),
        ]
        try self.writer.write { try self.outbox.enqueue(messages, in: $0, now: self.now) }
        let records = try self.records()
        #expect(records.map(\.message) == messages)
        #expect(records.map(\.state) == [.queued, .queued])
        #expect(try self.writer.read { try self.outbox.pendingCount(in: $0) } == 2)
    }

    /// Each recipient's oldest pending message is the one the sender sees, however long the queue behind it,
    /// as messages are sent, fail, are postponed and arrive.
    @Test func theSenderSeesEachRecipientsOldestPendingMessage() throws {
        func due(at offset: TimeInterval = 0) throws -> [String] {
            try self.writer.read { database in
                try self.outbox.dueMessages(
                    worker: 0, of: 1, now: self.now.addingTimeInterval(offset), limit: 50, in: database
                ).map { "\($0.message.to):\($0.message.payload)" }
            }
        }
        let burst = (1...500).map { OutboundMessage(to: "628111", payload: .text("m\($0)")) }
        try self.writer.write { database in
            try self.outbox.enqueue(burst, in: database, now: self.now)
            try self.outbox.enqueue(
                [OutboundMessage(to: "628222", payload: .text("other"))], in: database, now: self.now)
        }
        #expect(try due() == ["628111:text(\"m1\")", "628222:text(\"other\")"])
        let first = try #require(try self.records("628111").first?.id)
        try self.writer.write {
            try self.outbox.markSent(first, wamid: "wamid.m1", asTemplate: false, now: self.now, in: $0)
        }
        #expect(try due() == ["628111:text(\"m2\")", "628222:text(\"other\")"])
        let second = try #require(try self.records("628111").dropFirst().first?.id)
        try self.writer.write {
            try self.outbox.postpone(second, until: self.now.addingTimeInterval(60), in: $0)
            try self.outbox.markFailed(second + 1, reason: "x", codes: [], now: self.now, in: $0)
        }
        #expect(try due() == ["628222:text(\"other\")"], "the postponed head holds its queue back")
        #expect(try due(at: 61) == ["628222:text(\"other\")", "628111:text(\"m2\")"], "earliest due first")
        #expect(try self.writer.read { try self.outbox.nextDueDate(worker: 0, of: 1, in: $0) } == self.now)
    }

    /// Each worker reads the heads of its own lanes only, and sees them earliest due first whichever lane
    /// they are in; every head is some worker's, and workers beyond the lanes have none.
    @Test func eachWorkerSeesItsOwnLanesInDueOrder() throws {
        let recipients = (0..<200).map { "62812\(String(format: "%05d", $0 * 7919 % 100_000))" }
        try self.writer.write { database in
            for (index, recipient) in recipients.enumerated() {
                try self.outbox.enqueue(
                    [OutboundMessage(to: recipient, payload: .text("m\(index)"))], in: database,
                    now: self.now.addingTimeInterval(Double((index * 37) % 200)))
            }
        }
        let later = self.now.addingTimeInterval(1000)
        let laneCount = self.outbox.configuration.laneCount
        for workerCount in [1, 3, 8, laneCount, laneCount + 6] {
            var seen: [String] = []
            for worker in 0..<workerCount {
                let due = try self.writer.read {
                    try self.outbox.dueMessages(worker: worker, of: workerCount, now: later, limit: 500, in: $0)
                }
                #expect(due.map(\.queuedAt) == due.map(\.queuedAt).sorted(), "worker \(worker) of \(workerCount)")
                for pending in due {
                    #expect(Outbox.lane(of: pending.message.to, laneCount: laneCount) % workerCount == worker)
                }
                if worker >= laneCount { #expect(due.isEmpty) }
                let first = try self.writer.read {
                    try self.outbox.dueMessages(worker: worker, of: workerCount, now: later, limit: 3, in: $0)
                }
                #expect(first.map(\.id) == Array(due.prefix(3).map(\.id)), "the limit keeps the earliest")
                let next = try self.writer.read { try self.outbox.nextDueDate(worker: worker, of: workerCount, in: $0) }
                #expect(next == due.first?.queuedAt)
                seen += due.map(\.message.to)
            }
            #expect(seen.sorted() == recipients.sorted(), "\(workerCount) workers")
        }
    }

    /// Read receipts are a courtesy: a reply due later still goes before them while only a few messages may
    /// be sent, a recipient's new receipt replaces the one still waiting, and no reply queues behind one.
    @Test func readReceiptsGiveWayToReplies() throws {
        func due(limit: Int) throws -> [String] {
            try self.writer.read { database in
                try self.outbox.dueMessages(
                    worker: 0, of: 1, now: self.now.addingTimeInterval(5), limit: limit, in: database
                )
                .map { "\($0.message.to):\($0.message.payload.kindName)" }
            }
        }
        func receipt(_ id: String) -> OutboundMessage {
            OutboundMessage(to: "628111", payload: .markRead(messageID: id, typingIndicator: false))
        }
        let first = try self.sent(OutboundMessage(to: "628111", payload: .text("Jawaban 1")), wamid: "wamid.R1")
        try self.writer.write { try self.outbox.enqueue([receipt("wamid.IN1")], in: $0, now: self.now) }
        try self.writer.write {
            try self.outbox.enqueue(
                [OutboundMessage(to: "628222", payload: .text("Untuk yang lain"))], in: $0,
                now: self.now.addingTimeInterval(1))
        }
        #expect(try due(limit: 1) == ["628222:text"], "the reply goes first although the receipt is older")
        #expect(try due(limit: 5) == ["628222:text", "628111:read"])

        // The provider writes again before the first receipt went: the answer is not queued behind it.
        try self.writer.write {
            try self.outbox.enqueue(
                [OutboundMessage(to: "628111", payload: .text("Jawaban 2")), receipt("wamid.IN2")], in: $0,
                now: self.now.addingTimeInterval(2))
        }
        #expect(try due(limit: 5) == ["628222:text", "628111:text"])
        let waiting = try self.records().filter { $0.state == .queued && $0.id != first }.map(\.message.payload)
        #expect(waiting == [.text("Jawaban 2")], "the newer receipt marks the earlier message read too")
        let carrier = try self.writer.read {
            try self.outbox.dueMessages(worker: 0, of: 1, now: self.now.addingTimeInterval(5), limit: 5, in: $0)
        }
        #expect(carrier.map(\.readReceipt) == [nil, "wamid.IN2"], "the answer carries the newer receipt")
    }

    /// A receipt rides on the first valid reply before it to the same recipient; one with a typing indicator,
    /// or with no reply to ride on, takes a row of its own.
    @Test func aReceiptRidesOnTheFirstValidReplyToItsRecipient() throws {
        func receipt(_ to: String, _ id: String, typing: Bool = false) -> OutboundMessage {
            OutboundMessage(to: to, payload: .markRead(messageID: id, typingIndicator: typing))
        }
        try self.writer.write {
            try self.outbox.enqueue(
                [
                    OutboundMessage(to: "628111", payload: .text("")),
                    OutboundMessage(to: "628111", payload: .text("Jawaban 1")),
                    OutboundMessage(to: "628222", payload: .text("Untuk yang lain")),
                    OutboundMessage(to: "628111", payload: .text("Jawaban 2")),
                    receipt("628111", "wamid.IN1"),
                    receipt("628333", "wamid.IN3"),
                    OutboundMessage(to: "628444", payload: .text("Jawaban 4")),
                    receipt("628444", "wamid.IN4", typing: true),
                ], in: $0, now: self.now)
        }
        let rows = try self.writer.read { database in
            try database.query(
                "SELECT recipient, kind, state, read_receipt FROM outbound_messages ORDER BY id", [],
                row: { "\($0.string(0)) \($0.string(1)) \($0.string(2)) \($0.optionalString(3) ?? "-")" })
        }
        #expect(
            rows == [
                "628111 text invalid -",
                "628111 text queued wamid.IN1",
                "628222 text queued -",
                "628111 text queued -",
                "628333 read queued -",
                "628444 text queued -",
                "628444 read queued -",
            ])
    }

    /// A message that will not be sent now gives up the receipt it carried to a row of its own, which replaces
    /// an older receipt waiting for the recipient and gives way to a newer one.
    @Test func aReceiptIsReleasedWhenItsCarrierIsNotSent() throws {
        func enqueue(_ text: String, _ id: String, at seconds: TimeInterval) throws {
            try self.writer.write {
                try self.outbox.enqueue(
                    [
                        OutboundMessage(to: "628111", payload: .text(text)),
                        OutboundMessage(to: "628111", payload: .markRead(messageID: id, typingIndicator: false)),
                    ], in: $0, now: self.now.addingTimeInterval(seconds))
            }
        }
        func receipts() throws -> [String] {
            try self.records().compactMap { record in
                guard record.state == .queued, case .markRead(let id, _) = record.message.payload else { return nil }
                return id
            }
        }
        try enqueue("Jawaban 1", "wamid.IN1", at: 0)
        try enqueue("Jawaban 2", "wamid.IN2", at: 1)
        try enqueue("Jawaban 3", "wamid.IN3", at: 2)
        let ids = try self.records().map(\.id)
        #expect(try receipts().isEmpty, "each receipt rides on its reply")

        try self.writer.write { try self.outbox.markFailed(ids[0], reason: "test", codes: [], now: self.now, in: $0) }
        #expect(try receipts() == ["wamid.IN1"])
        try self.writer.write {
            _ = try self.outbox.holdOutsideWindow(ids[2], recipient: "628111", now: self.now, in: $0)
        }
        #expect(try receipts() == ["wamid.IN3"], "the newer receipt replaces the older one")
        try self.writer.write { try self.outbox.markInvalid(ids[1], reason: "test", now: self.now, in: $0) }
        #expect(try receipts() == ["wamid.IN3"], "an older receipt gives way to the newer one waiting")
        let carried = try self.writer.read {
            try $0.queryFirst("SELECT count(*) FROM outbound_messages WHERE read_receipt IS NOT NULL") { $0.int(0) }
        }
        #expect(carried == 0)
    }

    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("outbox-\(UUID().uuidString).sqlite").path
    }

    /// A database at `path` with the first `migrations` of the outbox, `queued` messages (recipient, kind) in
    /// it, then opened with all of them.
    static func upgrade(_ path: String, from migrations: Int, queued: [(String, String)]) throws -> DatabaseWriter {
        let before = Migrator(component: "outbox", migrations: Array(Outbox.migrator.migrations.prefix(migrations)))
        let old = try DatabaseWriter(path: path, migrators: [before])
        try old.write { database in
            for (recipient, kind) in queued {
                try database.run(
                    """
                    INSERT INTO outbound_messages (recipient, lane, kind, payload, state, next_attempt_at, created_at,
                        updated_at)
                    VALUES (?, 0, ?, '{}', 'queued', 0, 0, 0)
                    """, [.text(recipient), .text(kind)])
            }
        }
        return try DatabaseWriter(path: path, migrators: [Outbox.migrator])
    }

    /// A database whose queue holds a receipt when the heads learn about receipts marks that head as one.
    @Test func upgradingMarksTheReceiptsAlreadyQueued() throws {
        let path = Self.temporaryPath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let upgraded = try Self.upgrade(path, from: 5, queued: [("628111", "read"), ("628222", "text")])
        let heads = try upgraded.read { database in
            try database.query("SELECT recipient, receipt FROM outbound_heads ORDER BY recipient") {
                "\($0.string(0)):\($0.int(1))"
            }
        }
        #expect(heads == ["628111:1", "628222:0"])
    }

    /// Rebuilding the heads by recipient keeps every head (a receipt's too), and the triggers that keep them
    /// run on the new table: a postponed head moves, a sent one hands over to the next message, and a
    /// recipient's first message becomes its head.
    @Test func upgradingToHeadsByRecipientKeepsTheQueue() throws {
        let path = Self.temporaryPath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let upgraded = try Self.upgrade(
            path, from: 6, queued: [("628111", "read"), ("628222", "text"), ("628222", "read")])
        func heads() throws -> [String] {
            try upgraded.read { database in
                try database.query("SELECT recipient, message_id, due, receipt FROM outbound_heads ORDER BY recipient")
                {
                    "\($0.string(0)):\($0.int(1)):\(Int($0.double(2))):\($0.int(3))"
                }
            }
        }
        #expect(try heads() == ["628111:1:0:1", "628222:2:0:0"])
        try upgraded.write { database in
            try self.outbox.postpone(2, until: Date(timeIntervalSince1970: 60), in: database)
        }
        #expect(try heads() == ["628111:1:0:1", "628222:2:60:0"])
        try upgraded.write { database in
            try self.outbox.markSent(2, wamid: "wamid.OUT2", asTemplate: false, now: self.now, in: database)
            try self.outbox.enqueue(
                [OutboundMessage(to: "628333", payload: .text("Halo"))], in: database,
                now: Date(timeIntervalSince1970: 90))
        }
        #expect(try heads() == ["628111:1:0:1", "628222:3:0:1", "628333:4:90:0"])
        let schema = try upgraded.read { database in
            try database.queryFirst("SELECT sql FROM sqlite_master WHERE name = 'outbound_heads'") { $0.string(0) }
        }
        #expect(schema?.contains("WITHOUT ROWID") == true)
    }

    @Test func messageBreakingMetaLimitsIsStoredInvalidWithTheReason() throws {
        let message = OutboundMessage(to: "628111", payload: .text(String(repeating: "a", count: 5000)))
        try self.writer.write { try self.outbox.enqueue([message], in: $0, now: self.now) }
        let record = try #require(try self.records().first)
        #expect(record.state == .invalid)
        #expect(record.lastError == "text.body has 5000 characters, WhatsApp allows at most 4096; shorten it")
        #expect(try self.writer.read { try self.outbox.pendingCount(in: $0) } == 0)
    }

    @Test func enqueueRollsBackWithTheCallersTransaction() throws {
        struct Abort: Error {}
        #expect(throws: Abort.self) {
            try self.writer.write { database in
                try self.outbox.enqueue(
                    [OutboundMessage(to: "628111", payload: .text("Halo"))], in: database, now: self.now)
                throw Abort()
            }
        }
        #expect(try self.records().isEmpty)
    }

    @Test func deliveryStatusKeepsTheHighestWhateverTheOrder() throws {
        _ = try self.sent(OutboundMessage(to: "628111", payload: .text("Halo")), wamid: "wamid.OUT1")
        try self.status("wamid.OUT1", "read", at: 30)
        try self.status("wamid.OUT1", "sent", at: 10)
        try self.status("wamid.OUT1", "delivered", at: 20)
        #expect(try self.records().first?.deliveryStatus == .read)
    }

    @Test func playedRanksAboveRead() throws {
        _ = try self.sent(OutboundMessage(to: "628111", payload: .text("Halo")), wamid: "wamid.OUT1")
        try self.status("wamid.OUT1", "played")
        try self.status("wamid.OUT1", "read")
        #expect(try self.records().first?.deliveryStatus == .played)
    }

    @Test func failedStatusIsRecordedBesideTheHighest() throws {
        _ = try self.sent(OutboundMessage(to: "628111", payload: .text("Halo")), wamid: "wamid.OUT1")
        try self.status("wamid.OUT1", "delivered", at: 20)
        try self.status("wamid.OUT1", "failed", codes: [131053], at: 15)
        let record = try #require(try self.records().first)
        #expect(record.deliveryStatus == .delivered)
        #expect(record.deliveryFailedAt == self.now.addingTimeInterval(15))
        #expect(record.deliveryErrorCodes == [131053])
        #expect(record.state == .sent)
    }

    @Test func statusArrivingBeforeTheWamidIsRecordedIsAppliedLater() throws {
        try self.status("wamid.EARLY", "delivered")
        _ = try self.sent(OutboundMessage(to: "628111", payload: .text("Halo")), wamid: "wamid.EARLY")
        #expect(try self.records().first?.deliveryStatus == .delivered)
    }

    @Test func unknownStatusIsIgnored() throws {
        _ = try self.sent(OutboundMessage(to: "628111", payload: .text("Halo")), wamid: "wamid.OUT1")
        try self.status("wamid.OUT1", "deleted")
        #expect(try self.records().first?.deliveryStatus == nil)
    }

    @Test func failureOutsideTheWindowEnqueuesTheFallbackTemplateOnce() throws {
        let template = OutboundMessage.Template(name: "pengingat", language: "id", bodyParameters: ["Senin"])
        let id = try self.sent(
            OutboundMessage(to: "628111", payload: .text("Besok jadwal Anda"), fallbackTemplate: template),
            wamid: "wamid.OUT1")
        try self.status("wamid.OUT1", "failed", codes: [131047])
        try self.status("wamid.OUT1", "failed", codes: [131047], at: 40)
        let records = try self.records()
        #expect(records.count == 2)
        #expect(records.last?.message == OutboundMessage(to: "628111", payload: .template(template)))
        #expect(records.last?.fallbackOf == id)
        #expect(records.last?.state == .queued)
    }

    @Test func failureOutsideTheWindowHoldsACopyAndQueuesTheNotice() throws {
        let id = try self.sent(OutboundMessage(to: "628111", payload: .text("Halo")), wamid: "wamid.OUT1")
        try self.status("wamid.OUT1", "failed", codes: [131047])
        let records = try self.records()
        #expect(records.map(\.state) == [.sent, .held, .queued])
        #expect(records[1].message == OutboundMessage(to: "628111", payload: .text("Halo")))
        #expect(records[1].fallbackOf == id)
        #expect(
            records[2].message
                == OutboundMessage(
                    to: "628111",
                    payload: .template(.init(name: "pesan_baru", language: "id", bodyParameters: ["LPSE"]))))
    }

    @Test func inboundMessageReleasesHeldMessagesInOrder() throws {
        _ = try self.sent(OutboundMessage(to: "628111", payload: .text("Halo")), wamid: "wamid.OUT1")
        try self.status("wamid.OUT1", "failed", codes: [131047])
        try self.writer.write {
            try self.outbox.recordInbound(from: "628111", at: self.now.addingTimeInterval(600), in: $0)
        }
        let records = try self.records()
        #expect(records.map(\.state) == [.sent, .queued, .queued])
        #expect(try self.writer.read { try self.outbox.contact("628111", in: $0) }.noticeSentAt == nil)
    }

    @Test func heldMessagesAreReleasedAmongALongHistory() throws {
        for index in 0..<300 {
            let message = OutboundMessage(to: "628111", payload: .text("Pesan \(index)"))
            _ = try self.sent(message, wamid: "wamid.OLD\(index)")
        }
        _ = try self.sent(OutboundMessage(to: "628111", payload: .text("Halo")), wamid: "wamid.OUT1")
        try self.status("wamid.OUT1", "failed", codes: [131047])
        _ = try self.sent(OutboundMessage(to: "628222", payload: .text("Halo")), wamid: "wamid.OTHER")
        try self.status("wamid.OTHER", "failed", codes: [131047])
        let other = try self.records("628222")
        #expect(other.map(\.state).contains(.held))
        try self.writer.write {
            try self.outbox.recordInbound(from: "628111", at: self.now.addingTimeInterval(600), in: $0)
        }
        let states = try self.records().map(\.state)
        #expect(states.count == 303)
        #expect(states.prefix(301).allSatisfy { $0 == .sent })
        #expect(Array(states.suffix(2)) == [.queued, .queued])
        #expect(try self.records("628222") == other)
    }

    @Test func staleHeldMessagesAreDroppedWhenTheContactWrites() throws {
        _ = try self.sent(OutboundMessage(to: "628111", payload: .text("Halo")), wamid: "wamid.OUT1")
        try self.status("wamid.OUT1", "failed", codes: [131047])
        try self.writer.write {
            try self.outbox.recordInbound(from: "628111", at: self.now.addingTimeInterval(8 * 24 * 3600), in: $0)
        }
        let records = try self.records()
        #expect(records[1].state == .failed)
        #expect(records[1].lastError == "held outside the 24-hour window until it was too old to send")
    }

    @Test func failureOfATemplateOutsideTheWindowEnqueuesNothing() throws {
        _ = try self.sent(
            OutboundMessage(to: "628111", payload: .template(.init(name: "pengingat", language: "id"))),
            wamid: "wamid.OUT1")
        try self.status("wamid.OUT1", "failed", codes: [131047])
        #expect(try self.records().count == 1)
    }

    @Test func undeliverableFailureFlagsTheContact() throws {
        _ = try self.sent(OutboundMessage(to: "628111", payload: .text("Halo")), wamid: "wamid.OUT1")
        try self.status("wamid.OUT1", "failed", codes: [131026])
        #expect(try self.writer.read { try self.outbox.contact("628111", in: $0) }.isUndeliverable)
    }

    @Test func inboundMessageClearsTheUndeliverableFlagAndOpensTheWindow() throws {
        _ = try self.sent(OutboundMessage(to: "628111", payload: .text("Halo")), wamid: "wamid.OUT1")
        try self.status("wamid.OUT1", "failed", codes: [131026])
        try self.writer.write {
            try self.outbox.recordInbound(from: "628111", at: self.now.addingTimeInterval(60), in: $0)
        }
        let contact = try self.writer.read { try self.outbox.contact("628111", in: $0) }
        #expect(!contact.isUndeliverable)
        #expect(contact.isWindowOpen(at: self.now.addingTimeInterval(3600), length: 24 * 3600))
    }

    @Test func olderInboundNeverMovesTheWindowBack() throws {
        try self.writer.write { database in
            try self.outbox.recordInbound(from: "628111", at: self.now, in: database)
            try self.outbox.recordInbound(from: "628111", at: self.now.addingTimeInterval(-7200), in: database)
        }
        #expect(try self.writer.read { try self.outbox.contact("628111", in: $0) }.lastInboundAt == self.now)
    }

    @Test func windowClosesAfterTwentyFourHours() {
        let contact = ContactState(lastInboundAt: self.now, isUndeliverable: false, undeliverableReason: nil)
        #expect(contact.isWindowOpen(at: self.now.addingTimeInterval(24 * 3600 - 1), length: 24 * 3600))
        #expect(!contact.isWindowOpen(at: self.now.addingTimeInterval(24 * 3600), length: 24 * 3600))
    }

    @Test func migrationsApplyOnceToAFileDatabase() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("outbox-\(UUID().uuidString).sqlite")
            .path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        _ = try DatabaseWriter(path: path, migrators: [Outbox.migrator])
        let reopened = try DatabaseWriter(path: path, migrators: [Outbox.migrator])
        #expect(try reopened.read { try Outbox.migrator.currentVersion(in: $0) } == Outbox.migrator.migrations.count)
    }
}
