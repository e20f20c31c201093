import Support

/// The privacy notice shown before personal data is collected (UU 27/2022): purpose, retention, rights.
public struct PrivacyNotice: Equatable, Sendable {
    /// The text version recorded with every consent.
    public var version: String
    public var text: LocalizedText

    public init(version: String, text: LocalizedText) {
        self.version = version
        self.text = text
    }
}
