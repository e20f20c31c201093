import Foundation
import Storage

extension Outbox {
    public func recordStatus(
        messageID: String, status: String, timestamp: Date, errorCodes: [Int], in database: Database
    ) throws {
        guard let status = DeliveryStatus(rawValue: status) else { return }  // unknown statuses are ignored
        let row = try database.queryFirst(
            "SELECT id, recipient, kind, sent_as_template FROM outbound_messages WHERE wamid = ?",
            [.text(messageID)]
        ) { statement in
            (
                id: statement.int64(0), recipient: statement.string(1),
                isTemplate: statement.string(2) == "template" || statement.int(3) != 0
            )
        }
        guard let row else {
            // The status overtook the sender's own record of the wamid: keep it until that record lands.
            try database.run(
                "INSERT OR IGNORE INTO outbound_status_backlog (wamid, status, timestamp, error_codes) VALUES (?, ?, ?, ?)",
                [
                    .text(messageID), .text(status.rawValue), .real(timestamp.timeIntervalSince1970),
                    .text(Self.encodeCodes(errorCodes)),
                ])
            return
        }
        try self.apply(
            status, errorCodes: errorCodes, timestamp: timestamp, toMessage: row.id, recipient: row.recipient,
            isTemplate: row.isTemplate, in: database)
    }

    public func recordInbound(from contact: String, at timestamp: Date, in database: Database) throws {
        // A message from the contact proves it reachable again, so the undeliverable flag is cleared; it
        // opens the window, so messages held outside it are queued again (in their order) unless stale.
        try database.run(
            """
            INSERT INTO contacts (id, last_inbound_at, undeliverable, updated_at) VALUES (?, ?, 0, ?)
            ON CONFLICT (id) DO UPDATE SET
                last_inbound_at = max(coalesce(last_inbound_at, 0), excluded.last_inbound_at),
                undeliverable = 0, notice_sent_at = NULL, updated_at = excluded.updated_at
            """,
            [.text(contact), .real(timestamp.timeIntervalSince1970), .real(timestamp.timeIntervalSince1970)])
        // Through the held index only: the contact's other messages, however many, are never read.
        let holdsMessages =
            try database.queryFirst(
                """
                SELECT 1 FROM outbound_messages INDEXED BY outbound_messages_held
                WHERE recipient = ? AND state = 'held' LIMIT 1
                """,
                [.text(contact)]
            ) { _ in true } ?? false
        guard holdsMessages else { return }
        let cutoff = timestamp.addingTimeInterval(-self.configuration.heldLifetime).timeIntervalSince1970
        try database.run(
            """
            UPDATE outbound_messages INDEXED BY outbound_messages_held
            SET state = 'failed', updated_at = ?,
                last_error = 'held outside the 24-hour window until it was too old to send'
            WHERE recipient = ? AND state = 'held' AND created_at < ?
            """,
            [.real(timestamp.timeIntervalSince1970), .text(contact), .real(cutoff)])
        try database.run(
            """
            UPDATE outbound_messages INDEXED BY outbound_messages_held
            SET state = 'queued', next_attempt_at = ?, updated_at = ?
            WHERE recipient = ? AND state = 'held'
            """,
            [.real(timestamp.timeIntervalSince1970), .real(timestamp.timeIntervalSince1970), .text(contact)])
    }

    /// Holds message `id` until the contact writes again, and sends the default template as a notice unless
    /// one went out since the contact's last message. Returns whether a notice was queued.
    @discardableResult
    func holdOutsideWindow(_ id: Int64, recipient: String, now: Date, in database: Database) throws -> Bool {
        try self.releaseReadReceipt(of: id, in: database)
        try database.run(
            """
            UPDATE outbound_messages SET state = 'held', last_error = ?, updated_at = ? WHERE id = ?
            """,
            [
                .text("outside the 24-hour window; held until the contact writes again"),
                .real(now.timeIntervalSince1970), .integer(id),
            ])
        guard let notice = self.configuration.defaultTemplate,
            try self.contact(recipient, in: database).noticeSentAt == nil
        else { return false }
        try self.insert(
            OutboundMessage(to: recipient, payload: .template(notice)), fallbackOf: id, in: database, now: now)
        try database.run(
            """
            INSERT INTO contacts (id, notice_sent_at, updated_at) VALUES (?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET notice_sent_at = excluded.notice_sent_at, updated_at = excluded.updated_at
            """,
            [.text(recipient), .real(now.timeIntervalSince1970), .real(now.timeIntervalSince1970)])
        return true
    }

    /// What the outbox knows about `contact`.
    public func contact(_ contact: String, in database: Database) throws -> ContactState {
        try database.queryFirst(
            "SELECT last_inbound_at, undeliverable, undeliverable_reason, notice_sent_at FROM contacts WHERE id = ?",
            [.text(contact)]
        ) { ContactState(row: $0, from: 0) }
            ?? ContactState(lastInboundAt: nil, isUndeliverable: false, undeliverableReason: nil)
    }

    /// Flags `contact` as unable to receive messages (131026); the sender stops sending to it.
    func flagUndeliverable(_ contact: String, reason: String, at now: Date, in database: Database) throws {
        try database.run(
            """
            INSERT INTO contacts (id, undeliverable, undeliverable_reason, undeliverable_at, updated_at)
            VALUES (?, 1, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET undeliverable = 1, undeliverable_reason = excluded.undeliverable_reason,
                undeliverable_at = excluded.undeliverable_at, updated_at = excluded.updated_at
            """,
            [.text(contact), .text(reason), .real(now.timeIntervalSince1970), .real(now.timeIntervalSince1970)])
    }

    /// Applies statuses that arrived before the sender recorded `wamid` for message `id`.
    func applyBacklog(wamid: String, toMessage id: Int64, in database: Database) throws {
        let pending = try database.query(
            "SELECT status, timestamp, error_codes FROM outbound_status_backlog WHERE wamid = ? ORDER BY timestamp",
            [.text(wamid)]
        ) { statement in
            (statement.string(0), Date(timeIntervalSince1970: statement.double(1)), statement.string(2))
        }
        guard !pending.isEmpty else { return }
        try database.run("DELETE FROM outbound_status_backlog WHERE wamid = ?", [.text(wamid)])
        for (status, timestamp, codes) in pending {
            try self.recordStatus(
                messageID: wamid, status: status, timestamp: timestamp, errorCodes: Self.decodeCodes(codes),
                in: database)
        }
    }

    private func apply(
        _ status: DeliveryStatus, errorCodes: [Int], timestamp: Date, toMessage id: Int64, recipient: String,
        isTemplate: Bool, in database: Database
    ) throws {
        guard status == .failed else {
            guard let rank = status.rank else { return }
            try database.run(
                """
                UPDATE outbound_messages SET delivery_status = ?, delivery_rank = ?, delivery_updated_at = ?,
                    updated_at = max(updated_at, ?)
                WHERE id = ? AND delivery_rank < ?
                """,
                [
                    .text(status.rawValue), .int(rank), .real(timestamp.timeIntervalSince1970),
                    .real(timestamp.timeIntervalSince1970), .integer(id), .int(rank),
                ])
            return
        }
        try database.run(
            """
            UPDATE outbound_messages SET delivery_failed_at = coalesce(delivery_failed_at, ?),
                delivery_error_codes = ?, updated_at = max(updated_at, ?)
            WHERE id = ?
            """,
            [
                .real(timestamp.timeIntervalSince1970), .text(Self.encodeCodes(errorCodes)),
                .real(timestamp.timeIntervalSince1970), .integer(id),
            ])
        if errorCodes.contains(RetryPolicy.undeliverableCode) {
            try self.flagUndeliverable(
                recipient, reason: "status failed with 131026 for message \(id)", at: timestamp, in: database)
        }
        if errorCodes.contains(RetryPolicy.outsideWindowCode), !isTemplate {
            try self.enqueueFallback(forMessage: id, at: timestamp, in: database)
        }
    }

    /// Queues the template that replaces message `id`, once, however often the failure is reported. Only
    /// this rare path reads the message's payload; other statuses never load it.
    private func enqueueFallback(forMessage id: Int64, at now: Date, in database: Database) throws {
        let already =
            try database.queryFirst(
                "SELECT 1 FROM outbound_messages WHERE fallback_of = ?", [.integer(id)]
            ) { _ in true } ?? false
        guard !already,
            let payload = try database.queryFirst(
                "SELECT payload FROM outbound_messages WHERE id = ?", [.integer(id)], row: { $0.bytes(0) })
        else { return }
        let original = try Self.decodePayload(payload)
        if let template = original.fallbackTemplate {
            try self.insert(
                OutboundMessage(to: original.to, payload: .template(template)), fallbackOf: id, in: database, now: now)
            return
        }
        guard self.configuration.defaultTemplate != nil else {
            try database.run(
                "UPDATE outbound_messages SET last_error = ? WHERE id = ?",
                [.text("outside the 24-hour window and no template is configured to replace it"), .integer(id)])
            return
        }
        // The message is sent again once the contact writes; a notice tells them something is waiting.
        let copy = try self.insert(original, fallbackOf: id, in: database, now: now)
        try self.holdOutsideWindow(copy, recipient: original.to, now: now, in: database)
    }

    static func encodeCodes(_ codes: [Int]) -> String {
        codes.map(String.init).joined(separator: ",")
    }

    static func decodeCodes(_ text: String) -> [Int] {
        text.split(separator: ",").compactMap { Int($0) }
    }
}
