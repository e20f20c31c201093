import Foundation

/// The structured values found in one message; `nil` where the message carries none.
public struct Entities: Equatable, Sendable {
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

/// A company name and its legal form, normalised ("PT. maju jaya" → "PT Maju Jaya", form `.pt`).
public struct Company: Equatable, Sendable {
    public enum Form: String, CaseIterable, Codable, Sendable {
        case pt = "PT"
        case cv = "CV"
        case ud = "UD"
        case koperasi = "Koperasi"
        case firma = "Firma"
        case persero = "Persero"
        case perorangan = "Perorangan"
    }

    public var name: String
    public var form: Form

    public init(name: String, form: Form) {
        self.name = name
        self.form = form
    }
}

/// The recognizer's reading of one message.
public struct Classification: Equatable, Sendable {
    public var intent: Intent
    /// Calibrated probability that `intent` is right, 0...1.
    public var confidence: Double
    public var entities: Entities

    public init(intent: Intent, confidence: Double, entities: Entities = Entities()) {
        self.intent = intent
        self.confidence = confidence
        self.entities = entities
    }
}
