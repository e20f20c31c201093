import Foundation
import Storage
import Support
import Synchronization
import Testing
import Ticketing
import WebhookServer

@testable import HelpdeskRuntime
@testable import LoketService

/// Stored documents are deleted when their retention is over, and only then.
struct DocumentRetentionTests {
    static let start = Date(timeIntervalSince1970: 1_796_608_800)
    static let day: TimeInterval = 86_400
    static let reporter = "6281234567890"

    let data: URL
    let writer: DatabaseWriter
    let store: SQLiteTicketStore
    let retention: DocumentRetention
    let staff = StaffMember(id: "sari", name: "Sari", level: .level1)

    init() throws {
        self.data = FileManager.default.temporaryDirectory.appendingPathComponent("loket-retention-\(UUID())")
        try FileManager.default.createDirectory(at: self.data, withIntermediateDirectories: true)
        self.writer = try DatabaseWriter(path: ":memory:", migrators: [InboxStore.migrator])
        let calendar = WorkingCalendar(holidays: HolidayCalendar(holidays: [], coveredYears: [2026, 2027]))
        let configuration = TicketStoreConfiguration(lifecycle: TicketLifecycle(calendar: calendar))
        self.store = try SQLiteTicketStore(writer: self.writer, configuration: configuration)
        self.retention = DocumentRetention(
            dataDirectory: self.data.path, policy: DocumentRetention.Policy(), writer: self.writer,
            tickets: configuration, logger: .discarding)
        try self.store.write { try $0.saveStaff(self.staff) }
    }

    /// Writes a stored file for `hash` and returns its path.
    @discardableResult
    func storeFile(_ hash: String, modified: Date = Self.start) throws -> String {
        let directory = self.data.appendingPathComponent("media/\(hash.prefix(2))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(hash).path
        try Data("%PDF-1.4".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: path)
        return path
    }

    /// Opens `count` tickets in one transaction: each adds an event to the console's live stream.
    static func openTickets(_ count: Int, in store: SQLiteTicketStore) throws {
        try store.write { tickets in
            for index in 0..<count {
                _ = try tickets.open(
                    TicketDraft(
                        title: "Reset Password", description: "PT Maju Jaya \(index)", reporterWaID: Self.reporter,
                        reporterName: "Budi"),
                    at: Self.start)
            }
        }
    }

    /// Opens a ticket holding `hash`, received at `at`.
    func ticket(holding hash: String, at: Date = Self.start) throws -> TicketNumber {
        try self.storeFile(hash, modified: at)
        return try self.store.write { tickets in
            let number = try tickets.open(
                TicketDraft(
                    title: "Registrasi dan Verifikasi Berkas", description: "PT Maju Jaya",
                    reporterWaID: Self.reporter, reporterName: "Budi"),
                at: at
            ).ticket.number
            try tickets.addAttachment(
                Attachment(
                    sha256: hash, originalName: "ktp.pdf", size: 8, mimeType: "application/pdf",
                    sender: .reporter(waID: Self.reporter, name: "Budi"), receivedAt: at,
                    storagePath: "media/\(hash.prefix(2))/\(hash)"),
                to: number)
            return number
        }
    }

    func close(_ number: TicketNumber, at: Date) throws {
        try self.store.write { tickets in
            try tickets.apply(
                .take(
                    TicketClassification(
                        category: "Registrasi", type: .permintaanLayanan, priority: .normal, applicationVersion: "4.5")),
                to: number, by: .staff(self.staff), at: at)
            try tickets.apply(.resolve(text: "Selesai."), to: number, by: .staff(self.staff), at: at)
            try tickets.apply(.confirm, to: number, by: .reporter(waID: Self.reporter, name: "Budi"), at: at)
        }
    }

    func exists(_ hash: String) -> Bool {
        FileManager.default.fileExists(atPath: self.data.appendingPathComponent("media/\(hash.prefix(2))/\(hash)").path)
    }

    static let hashA = String(repeating: "a", count: 64)
    static let hashB = String(repeating: "b", count: 64)
    static let hashC = String(repeating: "c", count: 64)

    @Test func aDocumentIsKeptWhileItsTicketIsOpenAndDeletedAWeekAfterItClosed() throws {
        defer { try? FileManager.default.removeItem(at: self.data) }
        let number = try self.ticket(holding: Self.hashA)
        #expect(try self.retention.purge(now: Self.start.addingTimeInterval(30 * Self.day)).documents == 0)
        #expect(self.exists(Self.hashA))

        try self.close(number, at: Self.start.addingTimeInterval(30 * Self.day))
        #expect(try self.retention.purge(now: Self.start.addingTimeInterval(33 * Self.day)).documents == 0)
        #expect(self.exists(Self.hashA), "within a week of closing")
        #expect(try self.retention.purge(now: Self.start.addingTimeInterval(38 * Self.day)).documents == 1)
        #expect(!self.exists(Self.hashA))
        #expect(try self.store.read { try $0.isDocumentRetained(Self.hashA) } == false)
        #expect(try self.store.read { try $0.attachments(of: number) }.count == 1, "the metadata stays")
        #expect(try self.retention.purge(now: Self.start.addingTimeInterval(40 * Self.day)).documents == 0)
    }

    @Test func aFileSharedWithAnOpenTicketIsKept() throws {
        defer { try? FileManager.default.removeItem(at: self.data) }
        let closed = try self.ticket(holding: Self.hashB)
        _ = try self.ticket(holding: Self.hashB, at: Self.start.addingTimeInterval(Self.day))
        try self.close(closed, at: Self.start.addingTimeInterval(Self.day))
        #expect(try self.retention.purge(now: Self.start.addingTimeInterval(60 * Self.day)).documents == 0)
        #expect(self.exists(Self.hashB))
    }

    @Test func noDocumentIsKeptLongerThanAYear() throws {
        defer { try? FileManager.default.removeItem(at: self.data) }
        _ = try self.ticket(holding: Self.hashC)
        #expect(try self.retention.purge(now: Self.start.addingTimeInterval(364 * Self.day)).documents == 0)
        #expect(try self.retention.purge(now: Self.start.addingTimeInterval(366 * Self.day)).documents == 1)
        #expect(!self.exists(Self.hashC))
    }

    @Test func processedWebhooksLeaveTheInboxAfterAMonthAndNothingElseDoes() throws {
        defer { try? FileManager.default.removeItem(at: self.data) }
        func event(_ id: String) -> WebhookEvent {
            WebhookEvent(
                kind: .message, messageID: id, status: "", conversationKey: Self.reporter,
                contact: WebhookContact(waID: Self.reporter, profileName: "Budi"), timestamp: nil,
                raw: Array(#"{"id":"\#(id)","type":"text","text":{"body":"Halo"}}"#.utf8))
        }
        // 2,500 processed, a failed and a pending one 40 days ago; 10 processed 20 days ago.
        try self.writer.write { database in
            let old = Self.start.addingTimeInterval(-40 * Self.day)
            try InboxStore.insert(
                (0..<2_502).map { event("wamid.old.\($0)") }, receivedAt: old, in: database)
            try InboxStore.insert(
                (0..<10).map { event("wamid.recent.\($0)") }, receivedAt: Self.start.addingTimeInterval(-20 * Self.day),
                in: database)
            try database.run(
                "UPDATE inbox SET state = 'done', processed_at = received_at WHERE message_id NOT IN (?, ?)",
                [.text("wamid.old.0"), .text("wamid.old.1")])
            try InboxStore.markFailed(1, reason: "test", at: old, in: database)
        }
        let purged = try self.retention.purge(now: Self.start)
        #expect(purged.webhooks == 2_500, "in two transactions of at most 2,000 rows")
        let left = try self.writer.read { database in
            try database.query("SELECT message_id, state FROM inbox ORDER BY seq") { "\($0.string(0)) \($0.string(1))" }
        }
        #expect(Array(left.prefix(2)) == ["wamid.old.0 failed", "wamid.old.1 pending"])
        #expect(left.count == 12)
        #expect(try self.retention.purge(now: Self.start).webhooks == 0)
        // A month later the recent ones go too.
        #expect(try self.retention.purge(now: Self.start.addingTimeInterval(11 * Self.day)).webhooks == 10)
    }

    /// The console's live stream keeps its newest events only, in batches of 2,000 per transaction; the
    /// activities they point at stay, and the next event's id follows on from the last.
    @Test func theLiveStreamKeepsItsNewestEvents() throws {
        defer { try? FileManager.default.removeItem(at: self.data) }
        for index in 0..<2_005 {
            try self.store.write { tickets in
                _ = try tickets.open(
                    TicketDraft(
                        title: "Reset Password", description: "PT Maju Jaya \(index)", reporterWaID: Self.reporter,
                        reporterName: "Budi"),
                    at: Self.start)
            }
        }
        let events = { (sql: String) in try self.writer.read { try $0.query(sql) { $0.int64(0) } } }
        let before = try events("SELECT id FROM ticket_events ORDER BY id")
        let activities = try events("SELECT count(*) FROM ticket_activities")
        let retention = DocumentRetention(
            dataDirectory: self.data.path, policy: DocumentRetention.Policy(liveEvents: 3), writer: self.writer,
            tickets: self.store.configuration, logger: .discarding)
        #expect(try retention.purge(now: Self.start).liveEvents == before.count - 3)
        #expect(try events("SELECT id FROM ticket_events ORDER BY id") == Array(before.suffix(3)))
        #expect(try events("SELECT count(*) FROM ticket_activities") == activities)
        #expect(try retention.purge(now: Self.start).liveEvents == 0)
        _ = try self.store.write {
            try $0.open(
                TicketDraft(
                    title: "Pengaduan", description: "PT Maju Jaya", reporterWaID: Self.reporter, reporterName: "Budi"),
                at: Self.start)
        }
        #expect(try events("SELECT max(id) FROM ticket_events").first.map { $0 > before.last ?? 0 } == true)
        #expect(try self.retention.purge(now: Self.start).liveEvents == 0, "the default keeps 100,000")
    }

    /// The first purge after a year of data deleted five million live events in batches back to back, and the
    /// dispatcher's lanes, waiting for the writer, answered no provider for four seconds: the purge leaves the
    /// writer between its batches, for as long as each held it, and another thread's transaction gets in then.
    @Test func aLongPurgeLeavesTheWriterToOthersBetweenItsBatches() throws {
        defer { try? FileManager.default.removeItem(at: self.data) }
        let writer = try DatabaseWriter(
            path: self.data.appendingPathComponent("loket.sqlite").path, migrators: [InboxStore.migrator])
        let store = try SQLiteTicketStore(writer: writer, configuration: self.store.configuration)
        try Self.openTickets(4_500, in: store)
        let pauses = Mutex<[(seconds: TimeInterval, otherWrote: Bool)]>([])
        let retention = DocumentRetention(
            dataDirectory: self.data.path, policy: DocumentRetention.Policy(liveEvents: 3), writer: writer,
            tickets: store.configuration, logger: .discarding
        ) { seconds in
            // Another thread's write while the purge pauses: it waits for nobody.
            let wrote = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                _ = try? writer.write { try $0.run("UPDATE inbox_log_position SET segment = segment WHERE id = 1") }
                wrote.signal()
            }
            let otherWrote = wrote.wait(timeout: .now() + 10) == .success
            pauses.withLock { $0.append((seconds, otherWrote)) }
        }
        let purged = try retention.purge(now: Self.start)
        #expect(purged.liveEvents >= 4_500 - 3)
        let recorded = pauses.withLock { $0 }
        // Three batches of live events at least (2,000 each), the last one shorter; nothing else was due.
        #expect(recorded.count >= 3, "\(recorded)")
        #expect(recorded.allSatisfy { $0.otherWrote }, "\(recorded)")
        #expect(recorded.allSatisfy { $0.seconds > 0 && $0.seconds <= DocumentRetention.longestPause }, "\(recorded)")
    }

    /// A stop during a long purge ends it between two batches instead of waiting for the rest, which the next
    /// run deletes: nothing is deleted twice or left behind.
    @Test func aPurgeStopsBetweenBatchesAndTheNextRunDeletesTheRest() throws {
        defer { try? FileManager.default.removeItem(at: self.data) }
        try Self.openTickets(4_500, in: self.store)
        let count = { try self.writer.read { try $0.queryFirst("SELECT count(*) FROM ticket_events") { $0.int(0) } } }
        let before = try count() ?? 0
        let retention = DocumentRetention(
            dataDirectory: self.data.path, policy: DocumentRetention.Policy(liveEvents: 3), writer: self.writer,
            tickets: self.store.configuration, logger: .discarding, pause: { _ in })
        let asked = Mutex(0)
        let first = try retention.purge(now: Self.start) {
            asked.withLock { asked in
                asked += 1
                return asked <= 4
            }
        }
        #expect(first.liveEvents > 0 && first.liveEvents < before - 3, "\(first)")
        #expect(first.liveEvents % 2_000 == 0, "it stopped between batches: \(first)")
        #expect(try count() == before - first.liveEvents)
        let second = try retention.purge(now: Self.start)
        #expect(second.liveEvents == before - 3 - first.liveEvents)
        #expect(try count() == 3)
    }

    @Test func aFileNoTicketHoldsIsDeletedAfterAWeek() throws {
        defer { try? FileManager.default.removeItem(at: self.data) }
        try self.storeFile(Self.hashA, modified: Self.start)
        try self.storeFile(Self.hashB, modified: Self.start.addingTimeInterval(6 * Self.day))
        let purged = try self.retention.purge(now: Self.start.addingTimeInterval(8 * Self.day))
        #expect(purged.unattached == 1)
        #expect(!self.exists(Self.hashA))
        #expect(self.exists(Self.hashB), "an upload of two days ago may still be on its way into a ticket")
    }
}
