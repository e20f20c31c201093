import Foundation
import Support

/// The provider's explicit consent to the privacy notice: which text version, when, in which language.
public struct ConsentRecord: Equatable, Codable, Sendable {
    public var version: String
    public var at: Date
    public var language: Language

    public init(version: String, at: Date, language: Language) {
        self.version = version
        self.at = at
        self.language = language
    }
}
