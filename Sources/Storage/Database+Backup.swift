import CSQLite3

extension Database {
    /// Copies this database to `path` with SQLite's online backup API, a few pages at a time, so
    /// writers on other connections are blocked only briefly; the copy is one consistent snapshot.
    public func backup(to path: String, pagesPerStep: Int32 = 256) throws {
        let destination = try Database(path: path)
        guard let backup = sqlite3_backup_init(destination.handle, "main", self.handle, "main") else {
            throw destination.error(code: sqlite3_errcode(destination.handle), sql: nil)
        }
        var result: Int32
        repeat {
            result = sqlite3_backup_step(backup, pagesPerStep)
            if result == SQLITE_BUSY || result == SQLITE_LOCKED {
                sqlite3_sleep(5)
            }
        } while result == SQLITE_OK || result == SQLITE_BUSY || result == SQLITE_LOCKED
        let finish = sqlite3_backup_finish(backup)
        guard result == SQLITE_DONE, finish == SQLITE_OK else {
            throw destination.error(code: result == SQLITE_DONE ? finish : result, sql: nil)
        }
    }
}
