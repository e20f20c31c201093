import Foundation
import Storage
import Support
import Ticketing
import WhatsAppOutbox

/// Erases a contact's personal data everywhere Loket keeps it (UU 27/2022), once staff approved the request:
/// their tickets keep what the helpdesk's records need (service, company, status, times, who of the staff did
/// what, survey answers) with the person taken out, and every message text on them, the staff's included (a
/// reply names the person), is redacted; their documents' files are deleted; their conversation, inbox
/// entries and queued messages go; the messages already sent are redacted.
public struct PersonalDataEraser {
    /// What was erased, for the audit trail and the staff member.
    public struct Summary: Equatable, Sendable {
        public var tickets = 0
        public var documents = 0
        public var inboxEntries = 0
        public var outboundMessages = 0
    }

    public let dataDirectory: String?

    public init(dataDirectory: String?) {
        self.dataDirectory = dataDirectory
    }

    /// A stable stand-in for the number in what is kept: the records of one person stay linked, not named.
    public static func pseudonym(of contact: String) -> String {
        "erased-" + SHA256Digest.hex(Array(contact.utf8)).prefix(12)
    }

    /// Erases `contact`'s personal data inside the caller's transaction; files are deleted after the rows.
    public func erase(contact: String, in database: Database) throws -> Summary {
        var summary = Summary()
        let pseudonym = Self.pseudonym(of: contact)
        let tickets = try database.query(
            "SELECT number FROM tickets WHERE reporter_wa_id = ?", [.text(contact)], row: { $0.int(0) })
        summary.tickets = tickets.count
        var files: [String] = []
        for number in tickets {
            files += try database.query(
                "SELECT storage_path FROM ticket_attachments WHERE ticket_number = ? AND purged_at IS NULL",
                [.int(number)], row: { $0.string(0) })
            try database.run(
                """
                UPDATE ticket_attachments SET original_name = '(dihapus)', sender_id = ?, sender_name = '(dihapus)',
                    purged_at = coalesce(purged_at, ?)
                WHERE ticket_number = ?
                """, [.text(pseudonym), .integer(Int64(Date().timeIntervalSince1970 * 1000)), .int(number)])
            try database.run(
                """
                UPDATE ticket_activities SET body = CASE WHEN body IS NULL THEN NULL ELSE '(dihapus)' END,
                    actor_id = CASE WHEN actor_role = 'reporter' THEN ? ELSE actor_id END,
                    actor_name = CASE WHEN actor_role = 'reporter' THEN '(dihapus)' ELSE actor_name END
                WHERE ticket_number = ?
                """, [.text(pseudonym), .int(number)])
            try database.run("UPDATE survey_responses SET comment = NULL WHERE ticket_number = ?", [.int(number)])
        }
        summary.documents = files.count
        try database.run(
            """
            UPDATE tickets SET reporter_wa_id = ?, reporter_name = '(dihapus)', director_phone = NULL,
                tax_or_staff_id = NULL, description = '(dihapus)'
            WHERE reporter_wa_id = ?
            """, [.text(pseudonym), .text(contact)])
        try database.run("DELETE FROM conversations WHERE contact = ?", [.text(contact)])
        // The consent given stays provable (what was agreed, when, in which language), no longer by whom.
        try database.run("UPDATE consents SET contact = ? WHERE contact = ?", [.text(pseudonym), .text(contact)])
        try database.run("DELETE FROM inbox_stale_notices WHERE conversation_key = ?", [.text(contact)])
        try database.run(
            "DELETE FROM inbox WHERE (wa_id = ? OR conversation_key = ?) AND state != 'pending'",
            [.text(contact), .text(contact)])
        summary.inboxEntries = database.changes
        summary.outboundMessages = try Outbox().erase(recipient: contact, as: pseudonym, in: database)
        // Files last: a file another (not erased) ticket still holds stays.
        if let directory = self.dataDirectory {
            for path in Set(files) {
                let stillHeld =
                    try database.queryFirst(
                        "SELECT count(*) FROM ticket_attachments WHERE storage_path = ? AND purged_at IS NULL",
                        [.text(path)],
                        row: { $0.int(0) }) ?? 0
                if stillHeld == 0 {
                    try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(path))
                }
            }
        }
        return summary
    }
}
