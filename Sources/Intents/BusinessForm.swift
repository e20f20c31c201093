/// The legal form of the provider's business, which decides the documents a service requires.
public enum BusinessForm: String, CaseIterable, Codable, Sendable {
    case pt = "PT"
    case cv = "CV"
    case ud = "UD"
    case koperasi = "Koperasi"
    case firma = "Firma"
    case persero = "Persero"
    case perorangan = "Perorangan"
    case asing = "Asing"

    /// Whether the form is written before the company name ("PT Maju Jaya").
    public var prefixesName: Bool {
        switch self {
        case .pt, .cv, .ud, .koperasi, .firma, .persero: return true
        case .perorangan, .asing: return false
        }
    }
}
