import Foundation
import Support

extension Entities {
    /// The found entities as a JSON object, keys in a fixed order: `ticket_number`, `phone`, `npwp`, `nik`,
    /// `nip`, `company` {`name`, `form`}, `choice`, `kode_tender`, `datetime` (ISO 8601 with `+07:00`).
    public var json: String {
        var fields: [String] = []
        if let ticketNumber { fields.append("\"ticket_number\": \(ticketNumber)") }
        if let phone { fields.append("\"phone\": \(JSONStringLiteral.quoted(phone))") }
        if let npwp { fields.append("\"npwp\": \(JSONStringLiteral.quoted(npwp))") }
        if let nik { fields.append("\"nik\": \(JSONStringLiteral.quoted(nik))") }
        if let nip { fields.append("\"nip\": \(JSONStringLiteral.quoted(nip))") }
        if let company {
            fields.append(
                "\"company\": {\"name\": \(JSONStringLiteral.quoted(company.name)), \"form\": \(JSONStringLiteral.quoted(company.form.rawValue))}"
            )
        }
        if let choice { fields.append("\"choice\": \(choice)") }
        if let kodeTender { fields.append("\"kode_tender\": \(JSONStringLiteral.quoted(kodeTender))") }
        if let datetime { fields.append("\"datetime\": \"\(Self.jakartaTimestamp(datetime))\"") }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    /// `date` as ISO 8601 in Asia/Jakarta: `2026-12-07T10:00:00+07:00`.
    public static func jakartaTimestamp(_ date: Date) -> String { JakartaTime.iso8601(date) }
}
