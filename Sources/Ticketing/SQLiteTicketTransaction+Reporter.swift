import Foundation
import Storage

extension SQLiteTicketTransaction {
    /// The reporter's WhatsApp number changed (Meta's `user_changed_number`): their tickets follow it, so staff
    /// replies, reminders and the survey reach the new number, and each open ticket records the change for
    /// staff ("+6281… → +6285…").
    /// - Returns: the open tickets that recorded it, by number.
    @discardableResult
    public func moveReporter(from old: String, to new: String, at now: Date) throws -> [TicketNumber] {
        guard old != new else { return [] }
        let open = try self.database.query(
            "SELECT number FROM tickets WHERE reporter_wa_id = ? AND is_open = 1 ORDER BY number", [.text(old)]
        ) { TicketNumber($0.int(0)) }
        try self.database.run(
            "UPDATE tickets SET reporter_wa_id = ? WHERE reporter_wa_id = ?", [.text(new), .text(old)])
        for number in open {
            try self.append(
                [
                    TicketActivity(
                        kind: .reporterNumberChanged, actor: .system, at: now, direction: .internal,
                        text: "+\(old) → +\(new)")
                ], to: number)
        }
        return open
    }

    /// The director's WhatsApp number for the verification call changed, as the reporter wrote in the chat: the
    /// ticket keeps the new one, so the call's details, its reminders, the staff's agenda and its description
    /// name it, and staff read the change among its activities ("+6281… → +6285…").
    /// - Returns: false when the ticket is not open or already has that number.
    @discardableResult
    public func changeDirectorPhone(
        of number: TicketNumber, to phone: String, by actor: TicketActor, at now: Date
    ) throws -> Bool {
        guard let ticket = try self.ticket(number), ticket.status.isOpen, ticket.directorPhone != phone else {
            return false
        }
        // The description the form wrote names the number for the call ("Nomor WhatsApp direksi untuk verifikasi
        // video call: +62…"): staff reading it call the new one.
        let description = ticket.directorPhone.map { ticket.description.replacingOccurrences(of: $0, with: phone) }
        try self.database.run(
            "UPDATE tickets SET director_phone = ?, description = ? WHERE number = ?",
            [.text(phone), .text(description ?? ticket.description), .int(number.value)])
        try self.append(
            [
                TicketActivity(
                    kind: .directorNumberChanged, actor: actor, at: now, direction: .inbound,
                    text: "\(ticket.directorPhone ?? "-") → \(phone)")
            ], to: number)
        return true
    }
}
