import CSQLite3

extension Database {
    /// Copies this database to `path` with SQLite's online backup API; the copy is one consistent snapshot.
    ///
    /// With `pagesPerStep: -1` the copy is taken in one step under one read transaction, which finishes
    /// however busy other writers are (WAL readers do not block writers). With a positive step, the copy
    /// yields between steps, but SQLite restarts it whenever another connection writes, so under constant
    /// writes it may never finish: use it only on a quiet database.
    public func backup(to path: String, pagesPerStep: Int32 = -1) throws {
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
