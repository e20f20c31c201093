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
