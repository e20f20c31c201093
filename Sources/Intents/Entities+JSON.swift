import Foundation

extension Entities {
    /// The found entities as a JSON object, keys in a fixed order: `ticket_number`, `phone`, `npwp`, `nik`,
    /// `nip`, `company` {`name`, `form`}, `choice`, `kode_tender`, `datetime` (ISO 8601 with `+07:00`).
    public var json: String {
        var fields: [String] = []
        if let ticketNumber { fields.append("\"ticket_number\": \(ticketNumber)") }
        if let phone { fields.append("\"phone\": \(JSONText.quoted(phone))") }
        if let npwp { fields.append("\"npwp\": \(JSONText.quoted(npwp))") }
        if let nik { fields.append("\"nik\": \(JSONText.quoted(nik))") }
        if let nip { fields.append("\"nip\": \(JSONText.quoted(nip))") }
        if let company {
            fields.append(
                "\"company\": {\"name\": \(JSONText.quoted(company.name)), \"form\": \(JSONText.quoted(company.form.rawValue))}"
            )
        }
        if let choice { fields.append("\"choice\": \(choice)") }
        if let kodeTender { fields.append("\"kode_tender\": \(JSONText.quoted(kodeTender))") }
        if let datetime { fields.append("\"datetime\": \"\(Self.jakartaTimestamp(datetime))\"") }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    /// `date` as ISO 8601 in Asia/Jakarta: `2026-12-07T10:00:00+07:00`.
    public static func jakartaTimestamp(_ date: Date) -> String {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + TimeExpressionParser.jakartaOffset
        let dayNumber = Int((Double(local) / 86_400).rounded(.down))
        let day = CivilDate(dayNumber: dayNumber)
        let seconds = local - dayNumber * 86_400
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(day.year, 4))-\(pad(day.month, 2))-\(pad(day.day, 2))T\(pad(seconds / 3600, 2)):"
            + "\(pad(seconds % 3600 / 60, 2)):\(pad(seconds % 60, 2))+07:00"
    }
}
