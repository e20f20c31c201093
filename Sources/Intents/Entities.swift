import Foundation

/// The structured values found in one message; `nil` where the message carries none.
public struct Entities: Equatable, Codable, Sendable {
    /// A helpdesk ticket number (`#1259`, "tiket 1259").
    public var ticketNumber: Int?
    /// An Indonesian mobile number in E.164 (`+62812...`).
    public var phone: String?
    /// An NPWP, digits only (15 or 16).
    public var npwp: String?
    /// A NIK, 16 digits.
    public var nik: String?
    /// A NIP, 18 digits.
    public var nip: String?
    /// A company name with its legal form.
    public var company: Company?
    /// A chosen option, 1-based ("2", "pilihan 3", "yang kedua").
    public var choice: Int?
    /// A kode tender / kode paket.
    public var kodeTender: String?
    /// A point in time, resolved against the caller's "now" in Asia/Jakarta.
    public var datetime: Date?
    /// Whether `datetime` names a time of day too; `false` for a day alone ("besok"), which is then midnight.
    public var datetimeIncludesTime: Bool = false
    /// Whether `datetime` comes from a named day; `false` for a time alone ("jam 10": today, or tomorrow once
    /// it has passed), which a conversation may read against the day it is speaking of.
    public var datetimeIncludesDay: Bool = false
    /// Doubts about values that were accepted anyway (an NPWP whose check digit does not match).
    public var warnings: [EntityWarning] = []

    public init(
        ticketNumber: Int? = nil, phone: String? = nil, npwp: String? = nil, nik: String? = nil, nip: String? = nil,
        company: Company? = nil, choice: Int? = nil, kodeTender: String? = nil, datetime: Date? = nil
    ) {
        self.ticketNumber = ticketNumber
        self.phone = phone
        self.npwp = npwp
        self.nik = nik
        self.nip = nip
        self.company = company
        self.choice = choice
        self.kodeTender = kodeTender
        self.datetime = datetime
    }

    public var isEmpty: Bool { self == Entities() }
}
