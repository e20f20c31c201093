import Foundation
import Testing

@testable import Storage

/// The writer's transactions reach the write-ahead log in one write each, and nothing about what is read
/// changes: other connections see every commit at once, a rolled-back transaction leaves nothing, and the
/// files read back whole after the writer is gone, closed or not.
struct LogWriteGroupingTests {
    private static let migrator = Migrator(
        component: "test",
        migrations: [
            Migration(version: 1, name: "notes", sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
        ])

    private let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("log-writes-\(UUID().uuidString).sqlite").path

    private func removeFiles(at path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Write calls this thread has made (`syscw` of `/proc/thread-self/io`): the writer's transaction runs on
    /// the calling thread.
    private static func writeCalls() throws -> Int {
        let text = try String(contentsOfFile: "/proc/thread-self/io", encoding: .utf8)
        let line = text.split(separator: "\n").first { $0.hasPrefix("syscw:") }
        return Int(line?.split(separator: " ").last ?? "") ?? 0
    }

    private static func insert(_ count: Int, size: Int, in database: Database) throws {
        for index in 0..<count {
            try database.run(
                "INSERT INTO notes (body) VALUES (?)", [.text(String(repeating: "\(index % 10)", count: size))])
        }
    }

    private static func count(_ writer: DatabaseWriter) throws -> Int {
        try writer.read { try $0.queryFirst("SELECT count(*) FROM notes") { $0.int(0) } ?? 0 }
    }

    @Test func aTransactionOfSeveralPagesIsOneWriteAndAReaderSeesEachCommit() throws {
        defer { self.removeFiles(at: self.path) }
        let writer = try DatabaseWriter(path: self.path, migrators: [Self.migrator])
        for round in 1...40 {
            let before = try Self.writeCalls()
            // About five pages of rows, each page a frame of its own.
            try writer.write { try Self.insert(20, size: 900, in: $0) }
            #expect(try Self.writeCalls() - before == 1, "round \(round)")
            #expect(try Self.count(writer) == round * 20)
        }
    }

    @Test func aLargeTransactionARollbackAndAPowerLossCommitReadBackWhole() throws {
        defer { self.removeFiles(at: self.path) }
        let writer = try DatabaseWriter(path: self.path, migrators: [Self.migrator])
        // More than a mebibyte of frames: passed on in parts, visible only once committed.
        try writer.write { try Self.insert(2_500, size: 900, in: $0) }
        #expect(try Self.count(writer) == 2_500)
        struct Abandoned: Error {}
        #expect(throws: Abandoned.self) {
            try writer.write { database in
                try Self.insert(500, size: 900, in: database)
                throw Abandoned()
            }
        }
        #expect(try Self.count(writer) == 2_500)
        try writer.write(durability: .powerLoss) { try Self.insert(10, size: 900, in: $0) }
        try writer.write { try Self.insert(10, size: 100, in: $0) }
        #expect(try Self.count(writer) == 2_520)

        // The files as a killed process leaves them: copied while the writer is open.
        let copy = self.path + "-copy"
        defer { self.removeFiles(at: copy) }
        for suffix in ["", "-wal"] {
            try FileManager.default.copyItem(atPath: self.path + suffix, toPath: copy + suffix)
        }
        let recovered = try Database(path: copy)
        #expect(try recovered.queryFirst("SELECT count(*) FROM notes") { $0.int(0) } == 2_520)
        #expect(try recovered.queryFirst("PRAGMA integrity_check") { $0.string(0) } == "ok")
    }

    @Test func checkpointsAndTheLogsRestartKeepEveryCommit() throws {
        defer { self.removeFiles(at: self.path) }
        let writer = try DatabaseWriter(path: self.path, migrators: [Self.migrator])
        for round in 1...30 {
            try writer.write { try Self.insert(30, size: 700, in: $0) }
            if round % 7 == 0 {
                try writer.exclusive { try $0.execute("PRAGMA wal_checkpoint(TRUNCATE)") }
            } else if round % 5 == 0 {
                try writer.exclusive { try $0.execute("PRAGMA wal_checkpoint(RESTART)") }
            }
            #expect(try Self.count(writer) == round * 30)
        }
        let reopened = try DatabaseWriter(path: self.path)
        #expect(try Self.count(reopened) == 900)
        #expect(try reopened.read { try $0.queryFirst("PRAGMA integrity_check") { $0.string(0) } } == "ok")
    }
}
