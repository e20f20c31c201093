import Foundation
import Storage

extension SQLiteTicketTransaction {
    public func documentsDueForPurge(finishedBefore: Date, receivedBefore: Date, limit: Int) throws -> [String] {
        try self.database.query(
            """
            SELECT a.sha256 FROM ticket_attachments a JOIN tickets t ON t.number = a.ticket_number
            WHERE a.purged_at IS NULL
            GROUP BY a.sha256
            HAVING max(a.received_at) < ?
                OR sum(CASE WHEN t.is_open = 0 AND coalesce(t.closed_at, t.updated_at) < ? THEN 0 ELSE 1 END) = 0
            LIMIT ?
            """,
            [.millis(receivedBefore), .millis(finishedBefore), .int(limit)]
        ) { $0.string(0) }
    }

    public func isDocumentRetained(_ sha256: String) throws -> Bool {
        try self.database.queryFirst(
            "SELECT 1 FROM ticket_attachments WHERE sha256 = ? AND purged_at IS NULL LIMIT 1", [.text(sha256)]
        ) { _ in true } ?? false
    }

    public func markDocumentsPurged(_ sha256: [String], at now: Date) throws {
        for hash in sha256 {
            try self.database.run(
                "UPDATE ticket_attachments SET purged_at = ? WHERE sha256 = ? AND purged_at IS NULL",
                [.millis(now), .text(hash)])
        }
    }
}
