import Foundation
import Support

extension Entities {
    /// The found entities as a JSON object, keys in a fixed order: `ticket_number`, `phone`, `npwp`, `nik`,
    /// `nip`, `company` {`name`, `form`}, `choice`, `kode_tender`, `datetime` (ISO 8601 with `+07:00`).
    public var json: String { self.jsonValue.spacedSerialization }

    /// The found entities as a JSON value, members in the order of `json`.
    public var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = []
        if let ticketNumber { members.append(("ticket_number", .int(ticketNumber))) }
        if let phone { members.append(("phone", .string(phone))) }
        if let npwp { members.append(("npwp", .string(npwp))) }
        if let nik { members.append(("nik", .string(nik))) }
        if let nip { members.append(("nip", .string(nip))) }
        if let company {
            members.append(
                ("company", .object([("name", .string(company.name)), ("form", .string(company.form.rawValue))])))
        }
        if let choice { members.append(("choice", .int(choice))) }
        if let kodeTender { members.append(("kode_tender", .string(kodeTender))) }
        if let datetime { members.append(("datetime", .string(Self.jakartaTimestamp(datetime)))) }
        return .object(members)
    }

    /// `date` as ISO 8601 in Asia/Jakarta: `2026-12-07T10:00:00+07:00`.
    public static func jakartaTimestamp(_ date: Date) -> String { JakartaTime.iso8601(date) }
}
