import Intents

extension BusinessForm {
    /// The group whose document list applies.
    public var documentGroup: DocumentGroup {
        switch self {
        case .pt, .cv, .ud, .koperasi, .firma, .persero: return .badanUsaha
        case .perorangan: return .perorangan
        case .asing: return .asing
        }
    }
}
