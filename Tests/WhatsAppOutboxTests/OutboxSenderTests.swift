import Dispatch
import Foundation
import Storage
import Support
import Synchronization
import Testing

@testable import WhatsAppOutbox

/// A clock the test moves by hand.
private final class ManualClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date) {
        self.current = Mutex(start)
    }

    var now: Date { self.current.withLock { $0 } }

    func advance(to date: Date) {
        self.current.withLock { $0 = max($0, date) }
    }

    func advance(by seconds: TimeInterval) {
        self.current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}

/// Collects log lines and metric results.
private final class Recorder: Sendable {
    private let state = Mutex<(lines: [String], results: [OutboxMetrics.SendResult])>(([], []))

    var lines: [String] { self.state.withLock { $0.lines } }
    var results: [OutboxMetrics.SendResult] { self.state.withLock { $0.results } }

    func log(_ line: String) { self.state.withLock { $0.lines.append(line) } }
    func record(_ result: OutboxMetrics.SendResult) { self.state.withLock { $0.results.append(result) } }
}

/// A sleeper that only counts its wake-ups.
private final class CountingSleeper: OutboxSleeper, Sendable {
    private let count = Mutex(0)

    var wakes: Int { self.count.withLock { $0 } }

    func sleep(until deadline: Date) {}
    func wake() { self.count.withLock { $0 += 1 } }
}

/// A transport that fails the first `failures` calls `matching` selects (every call unless told), with a
/// transport error or an HTTP status, and forwards the rest.
private final class FlakyTransport: GraphTransport {
    enum Failure {
        case timeout
        case status(Int)
    }

    let failures: Mutex<Int>
    let failure: Failure
    let matching: @Sendable (GraphHTTPRequest) -> Bool
    let next: any GraphTransport

    init(
        failures: Int, with failure: Failure = .timeout,
        matching: @escaping @Sendable (GraphHTTPRequest) -> Bool = { _ in true }, next: any GraphTransport
    ) {
        self.failures = Mutex(failures)
        self.failure = failure
        self.matching = matching
        self.next = next
    }

    func perform(_ request: GraphHTTPRequest) throws(GraphTransportError) -> GraphHTTPResponse {
        let fail =
            self.matching(request)
            && self.failures.withLock { count -> Bool in
                defer { count = max(0, count - 1) }
                return count > 0
            }
        guard fail else { return try self.next.perform(request) }
        switch self.failure {
        case .timeout: throw .timedOut("scripted")
        case .status(let status): return GraphHTTPResponse(status: status, body: Array("scripted".utf8))
        }
    }
}

/// Meta unreachable until `end` on the injected clock: the failures cycle through a timeout, a 503 and a
/// 130429 rate-limit answer; from `end` on, calls go through and are timed.
private final class OutageTransport: GraphTransport {
    private let end: Date
    private let clock: @Sendable () -> Date
    private let next: any GraphTransport
    private let state = Mutex<(failed: Int, succeededAt: [Date])>((0, []))

    init(until end: Date, clock: @escaping @Sendable () -> Date, next: any GraphTransport) {
        self.end = end
        self.clock = clock
        self.next = next
    }

    var failedCalls: Int { self.state.withLock { $0.failed } }
    var succeededAt: [Date] { self.state.withLock { $0.succeededAt } }

    func perform(_ request: GraphHTTPRequest) throws(GraphTransportError) -> GraphHTTPResponse {
        let now = self.clock()
        guard now >= self.end else {
            let failed = self.state.withLock { state in
                state.failed += 1
                return state.failed
            }
            switch failed % 3 {
            case 0: throw .timedOut("scripted outage")
            case 1: return GraphHTTPResponse(status: 503, body: Array("Service Unavailable".utf8))
            default:
                let body = #"{"error":{"message":"Rate limit hit","type":"OAuthException","code":130429}}"#
                return GraphHTTPResponse(status: 400, body: Array(body.utf8), contentType: "application/json")
            }
        }
        let response = try self.next.perform(request)
        self.state.withLock { $0.succeededAt.append(now) }
        return response
    }
}

struct OutboxSenderTests {
    private let start = Date(timeIntervalSince1970: 1_800_000_000)
    private let clock: ManualClock
    private let recorder = Recorder()
    private let writer: DatabaseWriter
    private let standIn = GraphAPIStandIn(
        configuration: .init(accessToken: "token", publicBaseURL: "http://graph.test/v21.0"))
    private let outbox = Outbox()
    private let template = OutboundMessage.Template(name: "pesan_baru", language: "id", bodyParameters: ["Budi"])

    init() throws {
        self.clock = ManualClock(self.start)
        self.writer = try DatabaseWriter(path: ":memory:", migrators: [Outbox.migrator])
    }

    private func sender(
        outbox: Outbox? = nil, messagesPerSecond: Double = 80, burst: Int = 5, transport: (any GraphTransport)? = nil,
        retryPolicy: RetryPolicy = RetryPolicy(baseDelay: 2, maxDelay: 60, maxAttempts: 4), workerCount: Int = 1,
        logLevel: Logger.Level = .debug
    ) -> OutboxSender {
        let clock = self.clock
        let recorder = self.recorder
        let local = transport ?? LocalGraphTransport(responder: self.standIn, accessToken: "token")
        return OutboxSender(
            configuration: .init(
                phoneNumberID: "106540352242922", workerCount: workerCount, messagesPerSecond: messagesPerSecond,
                recipientBurst: burst, recipientInterval: 6,
                retryPolicy: retryPolicy),
            outbox: outbox ?? self.outbox, writer: self.writer, makeTransport: { _ in local }, clock: { clock.now },
            random: { 0.5 }, metrics: OutboxMetrics { recorder.record($0) },
            logger: Logger(minimumLevel: logLevel) { recorder.log($0) })
    }

    /// Runs passes until nothing more is due at the current time; returns when the next falls due.
    @discardableResult
    private func runUntilIdle(_ sender: OutboxSender) -> Date? {
        while true {
            guard let next = sender.runDue() else { return nil }
            if next > self.clock.now { return next }
        }
    }

    private func inbound(_ contact: String = "628111", ago: TimeInterval = 60) throws {
        try self.writer.write {
            try self.outbox.recordInbound(from: contact, at: self.start.addingTimeInterval(-ago), in: $0)
        }
    }

    private func enqueue(_ messages: OutboundMessage...) throws {
        try self.writer.write { try self.outbox.enqueue(messages, in: $0, now: self.clock.now) }
    }

    private func records(_ recipient: String = "628111") throws -> [OutboundRecord] {
        try self.writer.read { try self.outbox.records(to: recipient, in: $0) }
    }

    @Test func serverErrorIsRetriedAndTheMessageSentOnceWithTwoAttempts() throws {
        try self.inbound()
        try self.enqueue(OutboundMessage(to: "628111", payload: .text("Halo")))
        self.standIn.failNext(1, with: .httpStatus(500))
        let sender = self.sender()

        let retryAt = try #require(sender.runDue())
        #expect(retryAt == self.start.addingTimeInterval(1.5))  // equal jitter at 0.5 of a 2 s first backoff
        #expect(try self.records().first?.state == .queued)
        #expect(sender.runDue() == retryAt)  // nothing is due before then
        #expect(self.standIn.calls.count == 1)

        self.clock.advance(to: retryAt)
        #expect(sender.runDue() == nil)
        let record = try #require(try self.records().first)
        #expect(record.state == .sent)
        #expect(record.attempts == 2)
        #expect(self.standIn.acceptedMessages.count == 1)
        #expect(record.wamid == self.standIn.acceptedMessages.first?.wamid)
        #expect(self.recorder.results == [.retried, .sent])
    }

    @Test func permanentErrorIsRecordedAndNeverRetried() throws {
        try self.inbound()
        try self.enqueue(OutboundMessage(to: "628111", payload: .text("Halo")))
        self.standIn.failNext(1, with: .metaError(code: 131008, status: 400))
        let sender = self.sender()

        #expect(sender.runDue() == nil)
        self.clock.advance(by: 3600)
        #expect(sender.runDue() == nil)
        let record = try #require(try self.records().first)
        #expect(record.state == .failed)
        #expect(record.errorCodes == [131008])
        #expect(record.attempts == 1)
        #expect(self.standIn.calls.count == 1)
        #expect(self.recorder.results == [.failed])
    }

    @Test func outsideTheWindowTheFallbackTemplateIsSentInstead() throws {
        try self.inbound(ago: 25 * 3600)
        try self.enqueue(
            OutboundMessage(to: "628111", payload: .text("Besok jadwal Anda"), fallbackTemplate: self.template))
        self.sender().runDue()
        let call = try #require(self.standIn.acceptedMessages.first)
        #expect(
            call.bodyText
                == #"{"messaging_product":"whatsapp","recipient_type":"individual","to":"628111","type":"template","#
                + #""template":{"name":"pesan_baru","language":{"code":"id"},"components":[{"type":"body","parameters":["#
                + #"{"type":"text","text":"Budi"}]}]}}"#)
        let record = try #require(try self.records().first)
        #expect(record.state == .sent)
        #expect(record.sentAsTemplate)
    }

    @Test func outsideTheWindowWithoutItsOwnTemplateTheMessageIsHeldAndANoticeSent() throws {
        let outbox = Outbox(configuration: .init(defaultTemplate: self.template))
        try self.writer.write {
            try outbox.enqueue([OutboundMessage(to: "628999", payload: .text("Halo"))], in: $0, now: self.start)
        }
        self.runUntilIdle(self.sender(outbox: outbox))
        #expect(try self.records("628999").map(\.state) == [.held, .sent])
        #expect(self.standIn.acceptedMessages.count == 1)
        #expect(self.standIn.acceptedMessages.first?.bodyText.contains(#""name":"pesan_baru""#) == true)
        #expect(self.recorder.results == [.held, .sent])
    }

    @Test func oneNoticeCoversEveryMessageHeldUntilTheContactWrites() throws {
        let outbox = Outbox(configuration: .init(defaultTemplate: self.template))
        try self.writer.write {
            try outbox.enqueue(
                [
                    OutboundMessage(to: "628999", payload: .text("Satu")),
                    OutboundMessage(to: "628999", payload: .text("Dua")),
                ], in: $0, now: self.start)
        }
        let sender = self.sender(outbox: outbox)
        self.runUntilIdle(sender)
        #expect(try self.records("628999").map(\.state) == [.held, .held, .sent])
        #expect(self.standIn.acceptedMessages.count == 1)

        self.clock.advance(by: 60)
        try self.writer.write { try outbox.recordInbound(from: "628999", at: self.clock.now, in: $0) }
        self.runUntilIdle(sender)
        let texts = self.standIn.acceptedMessages.map(\.bodyText)
        #expect(texts.count == 3)
        #expect(texts[1].contains(#""body":"Satu""#))
        #expect(texts[2].contains(#""body":"Dua""#))
        #expect(try self.records("628999").map(\.state) == [.sent, .sent, .sent])
    }

    @Test func outsideTheWindowWithoutTemplateTheMessageFailsUnsent() throws {
        try self.enqueue(OutboundMessage(to: "628111", payload: .text("Halo")))
        self.sender().runDue()
        let record = try #require(try self.records().first)
        #expect(record.state == .failed)
        #expect(record.lastError == "outside the 24-hour window and no template is configured to replace the message")
        #expect(self.standIn.calls.isEmpty)
    }

    /// A read receipt queued on its own becomes its recipient's head once the reply before it is sent; the
    /// worker sends it in the same pass, in order, without looking for due messages again.
    @Test func aReplyAndAReceiptQueuedAfterItGoInOnePass() throws {
        try self.inbound()
        try self.inbound("628222")
        try self.enqueue(
            OutboundMessage(to: "628111", payload: .text("Jawaban")),
            OutboundMessage(to: "628222", payload: .text("Jawaban 2")))
        try self.enqueue(
            OutboundMessage(to: "628111", payload: .markRead(messageID: "wamid.IN1", typingIndicator: false)))
        self.sender().runDue()
        let bodies = self.standIn.acceptedMessages.map(\.bodyText)
        #expect(bodies.count == 3, "\(bodies)")
        #expect(bodies.first?.contains("Jawaban") == true)
        #expect(bodies.dropFirst().first?.contains(#""status":"read""#) == true, "the receipt follows its reply")
        #expect(try self.records().map(\.state) == [.sent, .sent])
        #expect(try self.records("628222").map(\.state) == [.sent])
    }

    /// A receipt carried by a reply goes right after the reply's record, with no write of its own.
    @Test func aCarriedReceiptFollowsItsReplyWithoutAWrite() throws {
        let recipients = ["628111", "628222", "628333"]
        for recipient in recipients {
            try self.inbound(recipient)
            try self.enqueue(
                OutboundMessage(to: recipient, payload: .text("Jawaban untuk \(recipient)")),
                OutboundMessage(
                    to: recipient, payload: .markRead(messageID: "wamid.\(recipient)", typingIndicator: false)))
        }
        let commits = self.writer.commitCount
        self.sender().runDue()
        let bodies = self.standIn.acceptedMessages.map(\.bodyText)
        #expect(bodies.count == 6)
        for (index, recipient) in recipients.enumerated() {
            #expect(bodies[2 * index].contains("Jawaban untuk \(recipient)"))
            #expect(bodies[2 * index + 1].contains(#""message_id":"wamid.\#(recipient)""#), "\(bodies)")
            #expect(try self.records(recipient).map(\.state) == [.sent], "\(recipient)")
        }
        #expect(self.writer.commitCount - commits == 3, "one write per reply")
        #expect(self.recorder.results == Array(repeating: .sent, count: 6))
    }

    /// A carried receipt that cannot go with its reply (no token left, or Meta refused it) is queued on its
    /// own and sent later like any receipt.
    @Test func aCarriedReceiptThatCannotGoIsQueuedOnItsOwn() throws {
        for recipient in ["628111", "628222"] {
            try self.inbound(recipient)
            try self.enqueue(
                OutboundMessage(to: recipient, payload: .text("Jawaban")),
                OutboundMessage(
                    to: recipient, payload: .markRead(messageID: "wamid.\(recipient)", typingIndicator: false)))
        }
        let sender = self.sender(messagesPerSecond: 1)
        let next = try #require(sender.runDue())
        #expect(self.standIn.acceptedMessages.count == 1, "the reply took the only token")
        #expect(
            self.recorder.lines.contains {
                $0.contains(" level=info event=outbox_receipt_queued id=1 ") && $0.hasSuffix("reason=no_token")
            })
        #expect(try self.records().map(\.message.payload.kindName) == ["text", "read"])
        #expect(try self.records().map(\.state) == [.sent, .queued])

        // The second reply fails once and is retried; its receipt finds no token after it and is queued.
        self.standIn.failNext(1, with: .httpStatus(503))
        var wakeUp: Date? = next
        for _ in 0..<20 {
            guard let date = wakeUp else { break }
            self.clock.advance(to: date)
            wakeUp = self.runUntilIdle(sender)
        }
        #expect(wakeUp == nil, "everything went out")
        for recipient in ["628111", "628222"] {
            #expect(try self.records(recipient).map(\.state) == [.sent, .sent], "\(recipient)")
            #expect(
                try self.records(recipient).last?.message.payload
                    == .markRead(messageID: "wamid.\(recipient)", typingIndicator: false))
        }
    }

    /// A carried receipt Meta refuses is queued on its own, and the retry policy sends it again.
    @Test func aCarriedReceiptMetaRefusesIsRetriedOnItsOwn() throws {
        try self.inbound()
        try self.enqueue(
            OutboundMessage(to: "628111", payload: .text("Jawaban")),
            OutboundMessage(to: "628111", payload: .markRead(messageID: "wamid.IN1", typingIndicator: false)))
        let local = LocalGraphTransport(responder: self.standIn, accessToken: "token")
        let refusing = FlakyTransport(
            failures: 1, with: .status(503),
            matching: { request in
                request.body.map { String(decoding: $0, as: UTF8.self).contains(#""status":"read""#) } ?? false
            }, next: local)
        let sender = self.sender(transport: refusing)
        let retryAt = try #require(sender.runDue())
        #expect(try self.records().map(\.state) == [.sent, .queued])
        #expect(self.recorder.lines.last?.contains("event=outbox_receipt_queued") == true)
        self.clock.advance(to: retryAt)
        #expect(self.runUntilIdle(sender) == nil)
        #expect(try self.records().map(\.state) == [.sent, .sent])
        #expect(self.standIn.acceptedMessages.map(\.bodyText).last?.contains(#""message_id":"wamid.IN1""#) == true)
    }

    /// A read receipt queued on its own needs no transaction of its own: its record joins the worker's next
    /// write of the pass, and the receipts still unrecorded when the pass ends are recorded together before
    /// it returns.
    @Test func receiptsAreRecordedWithTheNextWrite() throws {
        let recipients = ["628111", "628222", "628333"]
        for recipient in recipients {
            try self.inbound(recipient)
            try self.enqueue(OutboundMessage(to: recipient, payload: .text("Jawaban untuk \(recipient)")))
            try self.enqueue(
                OutboundMessage(
                    to: recipient, payload: .markRead(messageID: "wamid.\(recipient)", typingIndicator: false)))
        }
        let commits = self.writer.commitCount
        self.sender().runDue()
        #expect(self.standIn.acceptedMessages.count == 6)
        for recipient in recipients {
            #expect(try self.records(recipient).map(\.state) == [.sent, .sent], "\(recipient)")
        }
        // Three replies, each recorded with the receipt sent before it, and the last receipt at the end.
        #expect(self.writer.commitCount - commits == 4)
        #expect(try self.writer.read { try self.outbox.pendingCount(in: $0) } == 0)
    }

    /// A commit that queued messages wakes the workers serving their recipients, and no other: a woken
    /// worker reads the queue, so waking all of them for every commit would make the idle ones read it too.
    @Test func onlyTheWorkersOfTheRecipientsAreWoken() throws {
        let sleepers = (0..<8).map { _ in CountingSleeper() }
        let index = Mutex(0)
        let sender = OutboxSender(
            configuration: .init(phoneNumberID: "106540352242922", workerCount: 8), outbox: self.outbox,
            writer: self.writer, makeTransport: { _ in LocalGraphTransport(responder: self.standIn, accessToken: "t") },
            makeSleeper: {
                index.withLock { next in
                    defer { next += 1 }
                    return sleepers[next]
                }
            })
        let recipients = ["628111", "628222", "628333"]
        sender.wake(recipients: recipients + recipients)
        let serving = Set(recipients.map { Outbox.lane(of: $0, laneCount: self.outbox.configuration.laneCount) % 8 })
        for (worker, sleeper) in sleepers.enumerated() {
            #expect(sleeper.wakes == (serving.contains(worker) ? 1 : 0), "worker \(worker)")
        }
        sender.wake()
        #expect(sleepers.allSatisfy { $0.wakes >= 1 })
    }

    /// Workers that find the global rate spent take turns at the tokens as they come back, instead of all
    /// waking when they are back and all but one going back to sleep; a commit does not wake a worker before
    /// its turn, since it could send nothing sooner.
    @Test func workersWaitingForTheRateTakeTurns() throws {
        let recipients = (0..<700).map { "62816\(String(format: "%04d", $0))" }
        try self.writer.write { database in
            for recipient in recipients {
                try self.outbox.recordInbound(from: recipient, at: self.start.addingTimeInterval(-60), in: database)
                try self.outbox.enqueue(
                    [OutboundMessage(to: recipient, payload: .text("Halo"))], in: database, now: self.start)
            }
        }
        let sleepers = (0..<4).map { _ in CountingSleeper() }
        let index = Mutex(0)
        let clock = self.clock
        let sender = OutboxSender(
            configuration: .init(phoneNumberID: "106540352242922", workerCount: 4, messagesPerSecond: 100),
            outbox: self.outbox, writer: self.writer,
            makeTransport: { _ in LocalGraphTransport(responder: self.standIn, accessToken: "t") },
            clock: { clock.now },
            makeSleeper: {
                index.withLock { next in
                    defer { next += 1 }
                    return sleepers[next]
                }
            })

        // The workers as their threads would run them: each passes again when its last pass said.
        var nextPass = Array(repeating: self.start, count: 4)
        var (passes, idlePasses) = (0, 0)
        var spentAt: Date?
        while self.standIn.calls.count < 300 {
            let worker = try #require(nextPass.indices.min { nextPass[$0] < nextPass[$1] })
            self.clock.advance(to: nextPass[worker])
            let before = self.standIn.calls.count
            let next = sender.runDue(worker: worker)
            if let spentAt, self.clock.now > spentAt {
                passes += 1
                if self.standIn.calls.count == before { idlePasses += 1 }
            } else if self.standIn.calls.count >= 100 {
                spentAt = self.clock.now
            }
            nextPass[worker] = max(next ?? self.clock.now.addingTimeInterval(1), self.clock.now)
        }
        let elapsed = self.clock.now.timeIntervalSince(try #require(spentAt))
        #expect(elapsed >= 1.98 && elapsed <= 2.2, "200 messages after the full bucket, at 100/s: \(elapsed) s")
        #expect(idlePasses * 10 <= passes, "\(idlePasses) of \(passes) passes found no token")

        // Every worker now waits for its turn: a commit for their recipients wakes none of them.
        let waiting = (0..<4).filter { nextPass[$0] > self.clock.now }
        #expect(!waiting.isEmpty)
        sender.wake(recipients: recipients)
        for worker in waiting { #expect(sleepers[worker].wakes == 0, "worker \(worker)") }
        sender.wake()
        #expect(sleepers.allSatisfy { $0.wakes == 1 }, "waking every worker still does")
    }

    @Test func markAsReadNeedsNoWindow() throws {
        try self.enqueue(
            OutboundMessage(to: "628111", payload: .markRead(messageID: "wamid.IN1", typingIndicator: true)))
        self.sender().runDue()
        #expect(
            self.standIn.acceptedMessages.map(\.bodyText)
                == [
                    #"{"messaging_product":"whatsapp","status":"read","message_id":"wamid.IN1","typing_indicator":{"type":"text"}}"#
                ])
        #expect(try self.records().first?.state == .sent)
        #expect(try self.records().first?.wamid == nil)
    }

    @Test func outsideWindowAnswerSwitchesToTheTemplate() throws {
        try self.inbound()
        try self.enqueue(OutboundMessage(to: "628111", payload: .text("Halo"), fallbackTemplate: self.template))
        self.standIn.failNext(1, with: .metaError(code: 131047, status: 400))
        let sender = self.sender()
        #expect(sender.runDue() == self.start)
        sender.runDue()
        let bodies = self.standIn.calls.map(\.bodyText)
        #expect(bodies.count == 2)
        #expect(bodies.last?.contains(#""name":"pesan_baru""#) == true)
        let record = try #require(try self.records().first)
        #expect(record.state == .sent)
        #expect(record.sentAsTemplate)
        #expect(self.recorder.results == [.templateSwitched, .sent])
    }

    @Test func failureStatusOutsideTheWindowSendsTheTemplateNext() throws {
        try self.inbound()
        try self.enqueue(OutboundMessage(to: "628111", payload: .text("Halo"), fallbackTemplate: self.template))
        let sender = self.sender()
        sender.runDue()
        let wamid = try #require(try self.records().first?.wamid)
        try self.writer.write {
            try self.outbox.recordStatus(
                messageID: wamid, status: "failed", timestamp: self.start, errorCodes: [131047], in: $0)
        }
        sender.runDue()
        let records = try self.records()
        #expect(records.map(\.state) == [.sent, .sent])
        #expect(records.last?.message.payload == .template(self.template))
        #expect(self.standIn.acceptedMessages.last?.bodyText.contains(#""type":"template""#) == true)
    }

    @Test func undeliverableAnswerFlagsTheContactAndStopsFurtherSends() throws {
        try self.inbound()
        try self.enqueue(
            OutboundMessage(to: "628111", payload: .text("Satu")), OutboundMessage(to: "628111", payload: .text("Dua")))
        self.standIn.failNext(1, with: .metaError(code: 131026, status: 400))
        self.runUntilIdle(self.sender())
        #expect(try self.records().map(\.state) == [.failed, .failed])
        #expect(self.standIn.calls.count == 1)
        #expect(try self.writer.read { try self.outbox.contact("628111", in: $0) }.isUndeliverable)
        #expect(self.recorder.results == [.undeliverable, .undeliverable])
    }

    @Test func invalidTokenIsRecordedAndAlertsTheOperator() throws {
        try self.inbound()
        try self.enqueue(OutboundMessage(to: "628111", payload: .text("Halo")))
        let wrongToken = LocalGraphTransport(responder: self.standIn, accessToken: "expired")
        self.sender(transport: wrongToken).runDue()
        #expect(try self.records().first?.errorCodes == [190])
        #expect(
            self.recorder.lines.contains { $0.contains(" level=error event=operator_alert alert=graph_token_invalid") })
        #expect(!self.recorder.lines.joined().contains("expired"))
    }

    @Test func anOfficeLoggingWarningsOnlySeesFailuresAndAlertsButNoLinePerSend() throws {
        try self.inbound()
        try self.enqueue(OutboundMessage(to: "628111", payload: .text("Halo")))
        self.runUntilIdle(self.sender(logLevel: .warning))
        #expect(self.recorder.results == [.sent])
        #expect(self.recorder.lines.isEmpty, "a message sent is an info line")
        try self.enqueue(OutboundMessage(to: "628111", payload: .text("Sekali lagi")))
        let wrongToken = LocalGraphTransport(responder: self.standIn, accessToken: "expired")
        self.sender(transport: wrongToken, logLevel: .warning).runDue()
        #expect(
            self.recorder.lines.contains { $0.contains(" level=error event=operator_alert alert=graph_token_invalid") })
        #expect(self.recorder.lines.contains { $0.contains(" level=warning event=outbox_send result=failed ") })
    }

    @Test func timeoutIsRetried() throws {
        try self.inbound()
        try self.enqueue(OutboundMessage(to: "628111", payload: .text("Halo")))
        let flaky = FlakyTransport(
            failures: 1, next: LocalGraphTransport(responder: self.standIn, accessToken: "token"))
        let sender = self.sender(transport: flaky)
        let retryAt = try #require(sender.runDue())
        self.clock.advance(to: retryAt)
        sender.runDue()
        #expect(try self.records().first?.state == .sent)
        #expect(try self.records().first?.attempts == 2)
    }

    @Test func transientFailuresGiveUpAfterTheMaximumAttempts() throws {
        try self.inbound()
        try self.enqueue(OutboundMessage(to: "628111", payload: .text("Halo")))
        self.standIn.failNext(10, with: .metaError(code: 131000, status: 500))
        let sender = self.sender()
        while let next = sender.runDue() {
            self.clock.advance(to: next)
        }
        let record = try #require(try self.records().first)
        #expect(record.state == .failed)
        #expect(record.attempts == 4)
        #expect(self.standIn.calls.count == 4)
    }

    /// Three hours without Meta (timeouts, 503s, 130429) while 40 providers are written to: with the default
    /// retry policy nothing is lost or sent twice; afterwards every message goes out, in order per provider,
    /// within the global rate, and the queue's state shows the outage while it lasts.
    @Test func aLongGraphOutageLosesNothingAndDeliversInOrderWithinTheRate() throws {
        let providers = (0..<40).map { "62812000\(1000 + $0)" }
        let outageEnd = self.start.addingTimeInterval(3 * 3600)
        let clock = self.clock
        let transport = OutageTransport(
            until: outageEnd, clock: { clock.now },
            next: LocalGraphTransport(responder: self.standIn, accessToken: "token"))
        let rate = 10.0
        let sender = self.sender(messagesPerSecond: rate, burst: 100, transport: transport, retryPolicy: RetryPolicy())

        // Replies are queued through the outage: every 10 minutes each provider writes and gets two messages.
        var expected: [String: [String]] = [:]
        var retryingSeen = 0
        for round in 0..<18 {
            for provider in providers {
                try self.writer.write { try self.outbox.recordInbound(from: provider, at: clock.now, in: $0) }
                let texts = ["Balasan \(round)a untuk \(provider)", "Balasan \(round)b untuk \(provider)"]
                try self.enqueue(
                    OutboundMessage(to: provider, payload: .text(texts[0])),
                    OutboundMessage(to: provider, payload: .text(texts[1])))
                expected[provider, default: []] += texts
            }
            let roundEnd = clock.now.addingTimeInterval(600)
            while let next = sender.runDue(), next < roundEnd {
                clock.advance(to: max(next, clock.now.addingTimeInterval(0.001)))
            }
            clock.advance(to: roundEnd)
            let state = sender.refreshQueueState()
            #expect(state.pending == expected.values.reduce(0) { $0 + $1.count }, "nothing leaves the queue unsent")
            #expect(state.oldestAge(at: clock.now) >= Double(round + 1) * 600 - 1)
            retryingSeen = max(retryingSeen, state.retryingRecipients)
        }
        #expect(retryingSeen == providers.count, "every waiting provider shows as retrying")
        #expect(self.standIn.acceptedMessages.isEmpty)
        #expect(transport.failedCalls > 0)

        // Meta answers again: drain with the clock, then check order, count and pace.
        clock.advance(to: outageEnd)
        var passes = 0
        while let next = sender.runDue(), passes < 100_000 {
            passes += 1
            clock.advance(to: max(next, clock.now.addingTimeInterval(0.001)))
        }
        let accepted = self.standIn.acceptedMessages
        let total = expected.values.reduce(0) { $0 + $1.count }
        #expect(accepted.count == total, "each message delivered exactly once")
        for provider in providers {
            let records = try self.records(provider)
            #expect(records.allSatisfy { $0.state == .sent })
            let sentTexts = accepted.map(\.bodyText).filter { $0.contains("untuk \(provider)") }
            #expect(sentTexts.count == 36)
            #expect(zip(sentTexts, expected[provider] ?? []).allSatisfy { $0.contains($1) }, "in order for \(provider)")
        }
        let times = transport.succeededAt.sorted()
        let window = 10.0
        var low = 0
        for high in times.indices {
            while times[high].timeIntervalSince(times[low]) >= window { low += 1 }
            #expect(Double(high - low + 1) <= rate * window + 100, "no more than the rate (plus one burst) in 10 s")
        }
        #expect(sender.refreshQueueState() == OutboxQueueState())
    }

    @Test func countingALargeQueueRunsLessOften() {
        let poll = 1.0
        #expect(OutboxSender.countInterval(afterCounting: 0.002, idlePoll: poll) == poll)
        #expect(OutboxSender.countInterval(afterCounting: 0.02, idlePoll: poll) == poll)
        let slow = OutboxSender.countInterval(afterCounting: 0.05, idlePoll: poll)
        #expect(abs(slow - 2.5) < 1e-9, "a 50 ms count runs every 2.5 s: 2 % of a core")
        let slower = OutboxSender.countInterval(afterCounting: 0.2, idlePoll: 0.5)
        #expect(abs(slower - 10) < 1e-9)
    }

    @Test func laterMessagesWaitBehindARetriedOne() throws {
        try self.inbound()
        try self.enqueue(
            OutboundMessage(to: "628111", payload: .text("Satu")), OutboundMessage(to: "628111", payload: .text("Dua")))
        self.standIn.failNext(1, with: .httpStatus(503))
        let sender = self.sender()
        let retryAt = try #require(sender.runDue())
        #expect(self.standIn.acceptedMessages.isEmpty)
        self.clock.advance(to: retryAt)
        self.runUntilIdle(sender)
        let texts = self.standIn.acceptedMessages.map(\.bodyText)
        #expect(texts.count == 2)
        #expect(texts.first?.contains("Satu") == true)
        #expect(texts.last?.contains("Dua") == true)
    }

    @Test func invalidMessageIsNeverSent() throws {
        try self.inbound()
        try self.enqueue(
            OutboundMessage(to: "628111", payload: .buttons(body: "Pilih", buttons: [])),
            OutboundMessage(to: "628111", payload: .text("Halo")))
        self.runUntilIdle(self.sender())
        #expect(try self.records().map(\.state) == [.invalid, .sent])
        #expect(self.standIn.calls.count == 1)
    }

    @Test func globalRateLimitHoldsBackTheExcess() throws {
        for index in 0..<5 {
            try self.inbound("62810\(index)")
            try self.enqueue(OutboundMessage(to: "62810\(index)", payload: .text("Halo")))
        }
        let sender = self.sender(messagesPerSecond: 2)
        #expect(sender.runDue() == self.start.addingTimeInterval(0.5))
        #expect(self.standIn.calls.count == 2)
        self.clock.advance(by: 0.5)
        sender.runDue()
        #expect(self.standIn.calls.count == 3)
        self.clock.advance(by: 1)
        sender.runDue()
        #expect(self.standIn.calls.count == 5)
    }

    /// A pass takes the tokens it may spend before it reads the queue; those it did not spend go back, for
    /// the next pass, and a carried receipt spends one of them.
    @Test func tokensAPassDoesNotSpendGoBackToTheRate() throws {
        try self.inbound()
        try self.inbound("628222")
        try self.enqueue(
            OutboundMessage(to: "628111", payload: .text("Jawaban")),
            OutboundMessage(to: "628111", payload: .markRead(messageID: "wamid.IN1", typingIndicator: false)))
        let sender = self.sender(messagesPerSecond: 3)
        sender.runDue()
        #expect(self.standIn.acceptedMessages.count == 2, "the reply and the receipt it carries")
        #expect(try self.records().map(\.state) == [.sent], "the receipt needed no row of its own")

        try self.enqueue(OutboundMessage(to: "628222", payload: .text("Jawaban 2")))
        sender.runDue()
        #expect(try self.records("628222").map(\.state) == [.sent], "the first pass gave back a token")
        try self.enqueue(OutboundMessage(to: "628222", payload: .text("Jawaban 3")))
        #expect(sender.runDue() == self.start.addingTimeInterval(1.0 / 3), "the rate is spent")
        #expect(self.standIn.acceptedMessages.count == 3)
    }

    /// A pass takes no more than its worker's share of the tokens there are: a worker whose calls are slow
    /// does not hold the tokens the other workers could spend meanwhile.
    @Test func aWorkerTakesItsShareOfTheRate() throws {
        let laneCount = self.outbox.configuration.laneCount
        let candidates = (0..<400).map { "62815\(String(format: "%04d", $0))" }
        let first = candidates.filter { Outbox.lane(of: $0, laneCount: laneCount) % 4 == 0 }.prefix(6)
        let second = try #require(candidates.first { Outbox.lane(of: $0, laneCount: laneCount) % 4 == 1 })
        for recipient in first + [second] {
            try self.inbound(recipient)
            try self.enqueue(OutboundMessage(to: recipient, payload: .text("Halo")))
        }
        let sender = self.sender(messagesPerSecond: 8, workerCount: 4)
        sender.runDue(worker: 0)
        #expect(self.standIn.calls.count == 2, "8 tokens over 4 workers")
        sender.runDue(worker: 1)
        #expect(try self.records(second).map(\.state) == [.sent])
        sender.runDue(worker: 0)
        #expect(self.standIn.calls.count == 5, "5 tokens left: a share of 2")
    }

    /// While the rate is spent, a worker waits until a hundredth of a second's worth of tokens is back
    /// instead of reading the queue for each one.
    @Test func aSpentRateIsWaitedOutForSeveralTokens() throws {
        let recipients = (0..<510).map { "62810\($0)" }
        try self.writer.write { database in
            for recipient in recipients {
                try self.outbox.recordInbound(from: recipient, at: self.start.addingTimeInterval(-60), in: database)
                try self.outbox.enqueue(
                    [OutboundMessage(to: recipient, payload: .text("Halo"))], in: database, now: self.start)
            }
        }
        let sender = self.sender(messagesPerSecond: 500, burst: 1)
        let next = try #require(self.runUntilIdle(sender))
        #expect(self.standIn.calls.count == 500, "a full bucket")
        #expect(next == self.start.addingTimeInterval(0.01), "five tokens at 500/s, not the first one")
        self.clock.advance(to: next)
        sender.runDue()
        #expect(self.standIn.calls.count == 505, "the five tokens, in one pass")
    }

    @Test func messagesToOneRecipientArePacedAfterABurst() throws {
        try self.inbound()
        try self.enqueue(
            OutboundMessage(to: "628111", payload: .text("1")), OutboundMessage(to: "628111", payload: .text("2")),
            OutboundMessage(to: "628111", payload: .text("3")))
        let sender = self.sender(burst: 2)
        // The first pass sends the head; the second the next, within the burst; the third must wait 6 s.
        sender.runDue()
        sender.runDue()
        #expect(sender.runDue() == self.start.addingTimeInterval(6))
        #expect(self.standIn.calls.count == 2)
        self.clock.advance(by: 6)
        sender.runDue()
        #expect(self.standIn.acceptedMessages.last?.bodyText.contains(#""body":"3""#) == true)
    }

    @Test func messageLeftSendingByACrashIsSentAgain() throws {
        try self.inbound()
        try self.enqueue(OutboundMessage(to: "628111", payload: .text("Halo")))
        // As an earlier version left a row whose first attempt a crash interrupted.
        try self.writer.write { database in
            try database.run("UPDATE outbound_messages SET state = 'sending', attempts = 1")
        }
        self.sender().runDue()
        let record = try #require(try self.records().first)
        #expect(record.state == .sent)
        #expect(record.attempts == 2)
    }

    @Test func pendingCountIsCachedForMetrics() throws {
        try self.inbound()
        try self.enqueue(
            OutboundMessage(to: "628111", payload: .text("Satu")), OutboundMessage(to: "628222", payload: .text("Dua")))
        let sender = self.sender()
        #expect(sender.pendingCount == 0)
        #expect(sender.refreshQueueState().pending == 2)
        #expect(sender.pendingCount == 2)
        self.runUntilIdle(sender)
        #expect(sender.refreshQueueState().pending == 0)
    }

    @Test func startedWorkersDeliverQueuedMessagesUntilStopped() throws {
        try self.inbound()
        let delivered = DispatchSemaphore(value: 0)
        let sender = OutboxSender(
            configuration: .init(phoneNumberID: "106540352242922", workerCount: 2),
            outbox: self.outbox, writer: self.writer,
            makeTransport: { _ in LocalGraphTransport(responder: self.standIn, accessToken: "token") },
            metrics: OutboxMetrics { if $0 == .sent { delivered.signal() } })
        sender.start()
        try self.writer.write { database in
            try self.outbox.enqueue([OutboundMessage(to: "628111", payload: .text("Halo"))], in: database, now: Date())
        }
        sender.wake()
        #expect(delivered.wait(timeout: .now() + 10) == .success)
        sender.stop()
        #expect(try self.records().first?.state == .sent)
    }
}
