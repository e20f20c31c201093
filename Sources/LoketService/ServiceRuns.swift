import Foundation
import Storage

/// Every start of the service and whether the run before it stopped cleanly, so a crash loop under a
/// supervisor shows in `/metrics` (`loket_unclean_restarts_total`) instead of only in the supervisor's log.
enum ServiceRuns {
    static let migrator = Migrator(
        component: "runs",
        migrations: [
            Migration(
                version: 1, name: "service runs",
                sql: """
                    CREATE TABLE service_runs (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        started_at REAL NOT NULL,
                        stopped_at REAL,
                        -- 1 when the run before this one ended without stopping (killed, crashed, power cut).
                        after_unclean_end INTEGER NOT NULL DEFAULT 0
                    );
                    """)
        ])

    /// Records a start; returns its id and whether the previous run ended without `stop`.
    static func begin(at now: Date, in database: Database) throws -> (id: Int64, afterUncleanEnd: Bool) {
        let unclean =
            try database.queryFirst(
                "SELECT count(*) FROM service_runs WHERE stopped_at IS NULL", row: { $0.int(0) }) ?? 0
        try database.run(
            "UPDATE service_runs SET stopped_at = started_at WHERE stopped_at IS NULL")
        try database.run(
            "INSERT INTO service_runs (started_at, after_unclean_end) VALUES (?, ?)",
            [.real(now.timeIntervalSince1970), .int(unclean > 0 ? 1 : 0)])
        return (database.lastInsertRowID, unclean > 0)
    }

    /// Records a clean stop of run `id`.
    static func end(_ id: Int64, at now: Date, in database: Database) throws {
        try database.run(
            "UPDATE service_runs SET stopped_at = ? WHERE id = ?", [.real(now.timeIntervalSince1970), .integer(id)])
    }

    /// Starts that followed a run that ended without stopping: in all, and within the last hour.
    static func uncleanRestarts(since: Date, in database: Database) throws -> (total: Int, recent: Int) {
        try database.queryFirst(
            """
            SELECT count(*), coalesce(sum(started_at >= ?), 0) FROM service_runs WHERE after_unclean_end = 1
            """, [.real(since.timeIntervalSince1970)], row: { ($0.int(0), $0.int(1)) }) ?? (0, 0)
    }
}
