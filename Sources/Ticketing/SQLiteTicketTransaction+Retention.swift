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

    /// Deletes the oldest events of the console's live stream, up to `limit`, so that only the newest `kept` stay;
    /// returns how many went. The stream only needs the events a browser may still resume from: the activities
    /// themselves stay in `ticket_activities`.
    public func deleteLiveEvents(keepingNewest kept: Int, limit: Int) throws -> Int {
        try self.database.run(
            """
            DELETE FROM ticket_events WHERE id IN (
                SELECT id FROM ticket_events WHERE id <= (SELECT coalesce(max(id), 0) FROM ticket_events) - ?
                ORDER BY id LIMIT ?)
            """, [.int(max(0, kept)), .int(limit)])
        return self.database.changes
    }
}
