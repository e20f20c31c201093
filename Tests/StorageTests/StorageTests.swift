import CSQLite3
import Foundation
import Testing

@testable import Storage

struct StorageTests {
    private static let migrator = Migrator(
        component: "test",
        migrations: [
            Migration(
                version: 1, name: "items", sql: "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)"
            ),
            Migration(version: 2, name: "items.size", sql: "ALTER TABLE items ADD COLUMN size INTEGER"),
        ])

    private func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("storage-\(UUID().uuidString).sqlite").path
    }

    /// A writer on a new file with `migrator` applied; the file goes when `body` returns.
    private func withFileDatabase(maxReaders: Int = 4, _ body: (DatabaseWriter) throws -> Void) throws {
        let path = self.temporaryPath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        try body(try DatabaseWriter(path: path, migrators: [Self.migrator], maxReaders: maxReaders))
    }

    @Test func migrationsRunOnceAndInOrder() throws {
        let database = try Database(path: ":memory:")
        #expect(try Self.migrator.migrate(database) == [1, 2])
        #expect(try Self.migrator.migrate(database) == [])
        #expect(try Self.migrator.currentVersion(in: database) == 2)
        try database.run("INSERT INTO items (name, size) VALUES (?, ?)", ["a", 3])
    }

    @Test func keepsNoMemoryStatistics() throws {
        // With statistics on, this count grows with every allocation and each one takes a process-wide lock.
        let database = try Database(path: ":memory:")
        try Self.migrator.migrate(database)
        for index in 0..<100 { try database.run("INSERT INTO items (name) VALUES (?)", [.text("item \(index)")]) }
        #expect(sqlite3_memory_used() == 0)
    }

    @Test func migratesFromThePreviousVersion() throws {
        let database = try Database(path: ":memory:")
        try Migrator(component: "test", migrations: Array(Self.migrator.migrations.prefix(1))).migrate(database)
        #expect(try Self.migrator.migrate(database) == [2])
    }

    @Test func refusesADatabaseFromANewerVersion() throws {
        let database = try Database(path: ":memory:")
        try Self.migrator.migrate(database)
        let older = Migrator(component: "test", migrations: Array(Self.migrator.migrations.prefix(1)))
        #expect(throws: SQLiteError.newerSchema(component: "test", found: 2, known: 1)) {
            try older.migrate(database)
        }
    }

    @Test func failedTransactionRollsBack() throws {
        let writer = try DatabaseWriter(path: ":memory:", migrators: [Self.migrator])
        #expect(throws: SQLiteError.self) {
            try writer.write { database in
                try database.run("INSERT INTO items (name) VALUES ('a')")
                try database.run("INSERT INTO items (name) VALUES ('a')")
            }
        }
        let count = try writer.read { try $0.queryFirst("SELECT count(*) FROM items") { $0.int(0) } }
        #expect(count == 0)
    }

    /// A text column's bytes as SQLite holds them, without a copy: a number as its text, NULL as nothing.
    @Test func textIsLentAsItsUTF8Bytes() throws {
        let database = try Database(path: ":memory:")
        let statement = try database.prepare("SELECT 'Ärger ✓', NULL, 42, ''")
        #expect(try statement.step())
        #expect(statement.withText(0) { Array($0) } == Array("Ärger ✓".utf8))
        #expect(statement.withText(1) { $0.count } == 0)
        #expect(statement.withText(2) { Array($0) } == Array("42".utf8))
        #expect(statement.withText(3) { $0.count } == 0)
        statement.reset()
    }

    @Test func readsRunOffTheWriterAndSeeTheLastCommit() throws {
        try self.withFileDatabase { writer in
            try writer.write { try $0.run("INSERT INTO items (name) VALUES ('committed')") }

            let inside = DispatchSemaphore(value: 0)
            let release = DispatchSemaphore(value: 0)
            let finished = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                try? writer.write { database in
                    try database.run("INSERT INTO items (name) VALUES ('uncommitted')")
                    inside.signal()
                    release.wait()
                }
                finished.signal()
            }
            inside.wait()
            // The writer is held by the other thread: a read still answers, from the last commit.
            #expect(!writer.isHeldByCurrentThread)
            let names = try writer.read { try $0.query("SELECT name FROM items ORDER BY id") { $0.string(0) } }
            #expect(names == ["committed"])
            #expect(throws: SQLiteError.self, "a read connection cannot write") {
                try writer.read { try $0.run("INSERT INTO items (name) VALUES ('sneaky')") }
            }
            release.signal()
            finished.wait()
            let after = try writer.read { try $0.query("SELECT name FROM items ORDER BY id") { $0.string(0) } }
            #expect(after == ["committed", "uncommitted"])
        }
    }

    @Test func aMappedReadMapsTheFileForItsOwnTransactionOnly() throws {
        try self.withFileDatabase(maxReaders: 1) { writer in
            try writer.write { try $0.run("INSERT INTO items (name) VALUES ('committed')") }
            let mappedSize = { (database: Database) in try database.queryFirst("PRAGMA mmap_size") { $0.int64(0) } }

            let (names, mapped) = try writer.readMapped { database in
                (try database.query("SELECT name FROM items") { $0.string(0) }, try mappedSize(database))
            }
            #expect(names == ["committed"])
            // SQLite's own limit caps the mapping: just under 2 GiB in Debian's build, never less than a GiB.
            #expect((mapped ?? 0) >= 1 << 30)
            // The pool's one reader, back for an ordinary read, no longer maps the file.
            #expect(try writer.read { try mappedSize($0) } == 0)
            #expect(throws: SQLiteError.self, "a mapped read cannot write either") {
                try writer.readMapped { try $0.run("INSERT INTO items (name) VALUES ('sneaky')") }
            }
            #expect(try writer.read { try mappedSize($0) } == 0)
            #expect(try writer.read { try $0.query("SELECT name FROM items") { $0.string(0) } } == ["committed"])
        }
    }

    @Test func twoMappedReadsRunSideBySideAndEachAnswers() throws {
        try self.withFileDatabase { writer in
            try writer.write { try $0.run("INSERT INTO items (name, size) VALUES ('a', 1), ('b', 2)") }
            let firstStarted = DispatchSemaphore(value: 0)
            let secondStarted = DispatchSemaphore(value: 0)

            // Each part waits for the other to have begun: only parts that run at the same time both see it.
            let (names, total) = try writer.readMapped(
                { database in
                    firstStarted.signal()
                    let metSecond = secondStarted.wait(timeout: .now() + 10) == .success
                    return (metSecond, try database.query("SELECT name FROM items ORDER BY id") { $0.string(0) })
                },
                { database in
                    secondStarted.signal()
                    let metFirst = firstStarted.wait(timeout: .now() + 10) == .success
                    return (metFirst, try database.queryFirst("SELECT sum(size) FROM items") { $0.int(0) })
                })
            #expect(names.0 && total.0, "the two reads ran one after the other")
            #expect(names.1 == ["a", "b"] && total.1 == 3)

            struct Refused: Error {}
            #expect(throws: Refused.self, "an error in either part is thrown") {
                try writer.readMapped({ _ in 1 }, { _ -> Int in throw Refused() })
            }
            #expect(throws: SQLiteError.self, "the first part's error comes first") {
                try writer.readMapped(
                    { try $0.run("INSERT INTO items (name) VALUES ('sneaky')") }, { _ -> Int in throw Refused() })
            }
            #expect(try writer.read { try $0.queryFirst("PRAGMA mmap_size") { $0.int64(0) } } == 0)
        }
    }

    @Test func theWriterKnowsWhichThreadHoldsIt() throws {
        let writer = try DatabaseWriter(path: ":memory:")
        #expect(!writer.isHeldByCurrentThread)
        #expect(try writer.write { _ in writer.isHeldByCurrentThread })
        #expect(try writer.exclusive { _ in writer.isHeldByCurrentThread })
        #expect(!writer.isHeldByCurrentThread)
    }

    @Test func uniqueViolationIsReportedAsConstraint() throws {
        let writer = try DatabaseWriter(path: ":memory:", migrators: [Self.migrator])
        try writer.write { try $0.run("INSERT INTO items (name) VALUES ('a')") }
        do {
            try writer.write { try $0.run("INSERT INTO items (name) VALUES ('a')") }
            Issue.record("expected a constraint violation")
        } catch let error as SQLiteError {
            #expect(error.isConstraintViolation)
        }
    }

    @Test func nestedTransactionRollsBackOnlyItsSavepoint() throws {
        let writer = try DatabaseWriter(path: ":memory:", migrators: [Self.migrator])
        try writer.write { database in
            try database.run("INSERT INTO items (name) VALUES ('outer')")
            _ = try? database.transaction {
                try database.run("INSERT INTO items (name) VALUES ('inner')")
                try database.run("INSERT INTO items (name) VALUES ('inner')")
            }
        }
        let names = try writer.read { try $0.query("SELECT name FROM items ORDER BY id") { $0.string(0) } }
        #expect(names == ["outer"])
    }

    @Test func valuesRoundTrip() throws {
        let database = try Database(path: ":memory:")
        try database.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n TEXT)")
        try database.run("INSERT INTO t VALUES (?, ?, ?, ?, ?)", [42, 1.5, "héllo", .blob([0, 1, 255]), nil])
        let row = try database.queryFirst("SELECT i, r, s, b, n FROM t") {
            ($0.int(0), $0.double(1), $0.string(2), $0.bytes(3), $0.optionalString(4))
        }
        #expect(row?.0 == 42)
        #expect(row?.1 == 1.5)
        #expect(row?.2 == "héllo")
        #expect(row?.3 == [0, 1, 255])
        #expect(row?.4 == nil)
    }

    /// The statement cache hashes a text's length and four words of it: texts of one length that differ only
    /// between those words share a hash, and each still runs as itself.
    @Test func statementsThatDifferOutsideTheHashedBytesEachRunAsThemselves() throws {
        let database = try Database(path: ":memory:")
        let padding = String(repeating: " ", count: 400)
        // 426 bytes: the words hashed start at 0, 139, 278 and 418; the digit, at 20, is in none of them.
        let texts = (0..<10).map { "SELECT \(String(repeating: " ", count: 13))\($0)\(padding) AS v" }
        #expect(Set(texts.map(\.utf8.count)) == [426])
        #expect(Set(texts.map { StatementKey($0).hashValue }).count == 1)
        for _ in 0..<3 {
            for (expected, sql) in texts.enumerated() {
                #expect(try database.queryFirst(sql) { $0.int(0) } == expected)
            }
        }
        let built = ["SELECT", "1"].joined(separator: " ")
        #expect(StatementKey("SELECT 1") == StatementKey(built))
        #expect(StatementKey("SELECT 1").hashValue == StatementKey(built).hashValue)
        #expect(StatementKey("SELECT 1") != StatementKey("SELECT 2"))
        #expect(StatementKey("SELECT 1").hashValue != StatementKey("SELECT 2").hashValue)
    }

    @Test func backupCopiesAConsistentSnapshot() throws {
        let source = self.temporaryPath()
        let copy = self.temporaryPath()
        defer {
            for path in [source, copy] {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
        }
        let writer = try DatabaseWriter(path: source, migrators: [Self.migrator])
        try writer.write { database in
            for index in 0..<500 { try database.run("INSERT INTO items (name) VALUES (?)", [.text("n\(index)")]) }
        }
        try writer.read { try $0.backup(to: copy) }
        let restored = try Database(path: copy)
        #expect(try restored.queryFirst("SELECT count(*) FROM items") { $0.int(0) } == 500)
        #expect(try Self.migrator.currentVersion(in: restored) == 2)
    }
}
