/// A company name and its legal form, normalised ("PT. maju jaya" → "PT Maju Jaya", form `.pt`).
public struct Company: Equatable, Codable, Sendable {
    public var name: String
    public var form: BusinessForm

    public init(name: String, form: BusinessForm) {
        self.name = name
        self.form = form
    }
}
