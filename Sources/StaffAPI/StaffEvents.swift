import Foundation
import HTTPServer
import Storage
import Support
import Synchronization

/// The console's live stream (Server-Sent Events): a ticket's new activity (a new ticket, a provider's
/// message, another member's take or reply) and a change in what was sent to a contact (a delivery tick),
/// each within a tenth of a second. Every event's id is a cursor into the store
/// (`<ticket event id>-<outbox change time in ms>`), so a browser reconnecting with `Last-Event-ID` gets
/// exactly what it missed. Streams get a comment every 15 seconds to keep proxies from closing them, and
/// their number is capped.
public final class StaffEvents: Service, Sendable {
    struct Cursor: Equatable, Hashable {
        var event: Int64
        var outboxMillis: Int64

        var text: String { "\(self.event)-\(self.outboxMillis)" }

        init(event: Int64, outboxMillis: Int64) {
            self.event = event
            self.outboxMillis = outboxMillis
        }

        /// Reads `<event>-<millis>`; nil for anything else.
        init?(text: String) {
            let parts = text.split(separator: "-")
            guard parts.count == 2, let event = Int64(parts[0]), let millis = Int64(parts[1]), event >= 0, millis >= 0
            else { return nil }
            self.init(event: event, outboxMillis: millis)
        }
    }

    private struct Subscriber {
        var stream: HTTPStream
        var cursor: Cursor
        var lastWrite: Date
    }

    private struct State {
        var subscribers: [Int: Subscriber] = [:]
        var nextID = 0
        var running = false
        var finished: DispatchSemaphore?
    }

    public let maxStreams: Int
    private let writer: DatabaseWriter
    private let interval: TimeInterval
    private let state = Mutex(State())
    private let logger: Logger

    public init(writer: DatabaseWriter, logger: Logger, maxStreams: Int = 200, interval: TimeInterval = 0.1) {
        self.writer = writer
        self.logger = logger
        self.maxStreams = maxStreams
        self.interval = interval
    }

    public var openStreams: Int { self.state.withLock { $0.subscribers.count } }

    public func start() {
        let finished = DispatchSemaphore(value: 0)
        let started = self.state.withLock { state -> Bool in
            guard !state.running else { return false }
            state.running = true
            state.finished = finished
            return true
        }
        guard started else { return }
        WorkerThread.start(name: "loket-staff-events", background: true) { [self] in
            while self.state.withLock({ $0.running }) {
                self.tick()
                Thread.sleep(forTimeInterval: self.interval)
            }
            for subscriber in self.state.withLock({ $0.subscribers.values }) { subscriber.stream.finish() }
            finished.signal()
        }
    }

    public func stop() {
        let finished = self.state.withLock { state -> DispatchSemaphore? in
            guard state.running else { return nil }
            state.running = false
            return state.finished
        }
        finished?.wait()
    }

    /// The cursor of everything stored now: a new stream without `Last-Event-ID` starts there.
    func currentCursor() throws -> Cursor {
        try self.writer.read { try self.currentCursor(in: $0) }
    }

    private func currentCursor(in database: Database) throws -> Cursor {
        Cursor(
            event: try database.queryFirst("SELECT coalesce(max(id), 0) FROM ticket_events") { $0.int64(0) } ?? 0,
            outboxMillis: try database.queryFirst(
                "SELECT coalesce(max(updated_at), 0) * 1000 FROM outbound_messages"
            ) { Int64($0.double(0)) } ?? 0)
    }

    /// Registers an open stream from `cursor`; false when the cap is reached.
    func subscribe(_ stream: HTTPStream, from cursor: Cursor) -> Bool {
        self.state.withLock { state in
            guard state.subscribers.count < self.maxStreams else { return false }
            state.nextID += 1
            state.subscribers[state.nextID] = Subscriber(stream: stream, cursor: cursor, lastWrite: Date())
            return true
        }
    }

    /// Sends each subscriber what happened after its cursor (one query per distinct cursor), and a comment
    /// to those that heard nothing for 15 seconds; forgets closed streams.
    func tick() {
        let subscribers = self.state.withLock { state in
            state.subscribers = state.subscribers.filter { $0.value.stream.isOpen }
            return state.subscribers
        }
        guard !subscribers.isEmpty else { return }
        var batches: [Cursor: (text: String, cursor: Cursor)] = [:]
        for cursor in Set(subscribers.values.map(\.cursor)) {
            do {
                batches[cursor] = try self.events(after: cursor)
            } catch {
                self.logger.error("staff_events.read_failed", ["error": "\(error)"])
                return
            }
        }
        let now = Date()
        var advanced: [Int: (Cursor, Date)] = [:]
        for (id, subscriber) in subscribers {
            guard let batch = batches[subscriber.cursor] else { continue }
            if !batch.text.isEmpty {
                subscriber.stream.send(Array(batch.text.utf8))
                advanced[id] = (batch.cursor, now)
            } else if now.timeIntervalSince(subscriber.lastWrite) >= 15 {
                subscriber.stream.send(Array(": ping\n\n".utf8))
                advanced[id] = (subscriber.cursor, now)
            }
        }
        self.state.withLock { state in
            for (id, (cursor, at)) in advanced {
                state.subscribers[id]?.cursor = cursor
                state.subscribers[id]?.lastWrite = at
            }
        }
    }

    /// The most events of each kind a stream is sent one by one. A stream further behind (a browser that slept
    /// through a busy day, or an old or forged `Last-Event-ID`) gets one `reset` event instead and resumes from
    /// now: the console then reloads what it shows once, rather than once per missed event, and the server does
    /// not stream history the console would only skip.
    public static let catchUpLimit = 500

    /// The SSE text of what happened after `cursor` (each change, or one reset when more than `catchUpLimit` of
    /// a kind happened), and the cursor after it.
    func events(after cursor: Cursor) throws -> (text: String, cursor: Cursor) {
        try self.writer.read { database in
            var next = cursor
            var text = ""
            let now = try self.currentCursor(in: database)
            let outboxAfter = SQLiteValue.real(Double(cursor.outboxMillis) / 1000 + 0.0005)
            let outboxChanges =
                try database.queryFirst(
                    "SELECT count(*) FROM (SELECT 1 FROM outbound_messages WHERE updated_at > ? LIMIT ?)",
                    [outboxAfter, .int(Self.catchUpLimit + 1)]
                ) { $0.int(0) } ?? 0
            // A cursor past the newest event comes from another database (one restored from a backup, whose
            // ids start lower again): from it, the stream would miss every event until the ids caught up.
            let eventsBehind = now.event - cursor.event
            if eventsBehind > Int64(Self.catchUpLimit) || eventsBehind < 0 || outboxChanges > Self.catchUpLimit {
                return ("id: \(now.text)\nevent: ticket\ndata: {\"reset\":true}\n\n", now)
            }
            let activities = try database.query(
                "SELECT id, ticket_number, kind FROM ticket_events WHERE id > ? ORDER BY id LIMIT ?",
                [.integer(cursor.event), .int(Self.catchUpLimit)]
            ) { ($0.int64(0), $0.int(1), $0.string(2)) }
            for (id, ticket, kind) in activities {
                next.event = id
                text += "id: \(next.text)\nevent: ticket\ndata: {\"ticket\":\(ticket),\"kind\":\"\(kind)\"}\n\n"
            }
            let changes = try database.query(
                """
                SELECT recipient, max(updated_at) FROM outbound_messages WHERE updated_at > ?
                GROUP BY recipient ORDER BY 2 LIMIT ?
                """, [outboxAfter, .int(Self.catchUpLimit)]
            ) { ($0.string(0), $0.double(1)) }
            for (recipient, updated) in changes {
                next.outboxMillis = max(next.outboxMillis, Int64(updated * 1000))
                let digits = recipient.filter(\.isNumber)
                text += "id: \(next.text)\nevent: delivery\ndata: {\"contact\":\"\(digits)\"}\n\n"
            }
            return (text, next)
        }
    }
}
