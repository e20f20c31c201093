import Foundation
import Testing

@testable import Storage

struct WALCheckpointerTests {
    private static let migrator = Migrator(
        component: "test",
        migrations: [Migration(version: 1, name: "rows", sql: "CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT)")])

    private func makeWriter() throws -> (DatabaseWriter, String) {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("checkpointer-\(UUID().uuidString).sqlite").path
        return (try DatabaseWriter(path: path, migrators: [Self.migrator]), path)
    }

    private func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Writes `count` rows of about 2 KB, one transaction each.
    private func write(_ count: Int, to writer: DatabaseWriter) throws {
        let body = String(repeating: "x", count: 2000)
        for _ in 0..<count {
            try writer.write { try $0.run("INSERT INTO rows (body) VALUES (?)", [.text(body)]) }
        }
    }

    @Test func passiveCheckpointCopiesTheWholeLog() throws {
        let (writer, path) = try self.makeWriter()
        defer { self.remove(path) }
        let checkpointer = try WALCheckpointer(writer: writer, settings: .init(restartFrames: 100_000))
        try self.write(20, to: writer)
        let pass = try checkpointer.checkpoint()
        #expect(pass.logFrames > 0)
        #expect(pass.checkpointedFrames == pass.logFrames)
        #expect(!pass.restarted)
    }

    @Test func rewindsTheLogOncePastTheBound() throws {
        let (writer, path) = try self.makeWriter()
        defer { self.remove(path) }
        let checkpointer = try WALCheckpointer(writer: writer, settings: .init(restartFrames: 10))
        try self.write(30, to: writer)
        let pass = try checkpointer.checkpoint()
        #expect(pass.restarted)
        #expect(pass.logFrames >= 10)
        // The next transaction writes the log from its start: the log holds only its frames.
        try self.write(1, to: writer)
        #expect(try checkpointer.checkpoint().logFrames < 10)
    }

    @Test func keepsTheLogBelowTheBoundWhileRowsKeepComing() throws {
        let (writer, path) = try self.makeWriter()
        defer { self.remove(path) }
        let checkpointer = try WALCheckpointer(writer: writer, settings: .init(restartFrames: 50))
        for _ in 0..<20 {
            try self.write(20, to: writer)
            try checkpointer.checkpoint()
        }
        let size = (try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        let pageSize = try writer.read { try $0.queryFirst("PRAGMA page_size") { $0.int(0) } } ?? 4096
        #expect(size < 120 * (pageSize + 24))
    }

    @Test func leavesTheWriterOnlyABackstopAutomaticCheckpoint() throws {
        let (writer, path) = try self.makeWriter()
        defer { self.remove(path) }
        _ = try WALCheckpointer(writer: writer, settings: .init(writerAutocheckpoint: 12345))
        let pages = try writer.exclusive { try $0.queryFirst("PRAGMA wal_autocheckpoint") { $0.int(0) } }
        #expect(pages == 12345)
    }

    @Test func refusesAnInMemoryDatabase() throws {
        let writer = try DatabaseWriter(path: ":memory:")
        #expect(throws: SQLiteError.self) { try WALCheckpointer(writer: writer) }
    }

    @Test func stopsItsThreadAndKeepsCommittedRows() throws {
        let (writer, path) = try self.makeWriter()
        defer { self.remove(path) }
        let checkpointer = try WALCheckpointer(writer: writer, settings: .init(interval: 0.001, restartFrames: 5))
        checkpointer.start()
        try self.write(50, to: writer)
        checkpointer.stop()
        let count = try writer.read { try $0.queryFirst("SELECT count(*) FROM rows") { $0.int(0) } }
        #expect(count == 50)
        let reopened = try Database(path: path, readOnly: true)
        #expect(try reopened.queryFirst("SELECT count(*) FROM rows") { $0.int(0) } == 50)
    }
}
