import Intents

/// The company of the provider's last request that named one, kept in their conversation: the next form that
/// asks for a company offers it ("Pakai nama ini") instead of having it typed again.
public struct KnownCompany: Equatable, Codable, Sendable {
    /// The name as the form stores it, without its legal form.
    public var name: String
    public var form: BusinessForm?
    /// The company's NPWP digits, when that request asked for it.
    public var npwp: String?

    public init(name: String, form: BusinessForm?, npwp: String?) {
        self.name = name
        self.form = form
        self.npwp = npwp
    }

    /// "PT Maju Jaya": `name` with the legal form that prefixes it, as a form's summary and ticket show it.
    static func display(name: String, form: BusinessForm?) -> String {
        guard let form, form.prefixesName else { return name }
        return "\(form.rawValue) \(name)"
    }
}
