/// Why the conversation went to staff, so that staff know where the provider got stuck.
public enum HandOffReason: String, Equatable, Codable, Sendable {
    /// The provider asked for a person ("petugas", the menu row).
    case asked
    /// The provider chose staff after repeated invalid answers to one question.
    case invalidAnswers
    /// The provider chose staff instead of consenting to the privacy notice.
    case noConsent
    /// The provider said the request of a ticket already closed is not done ("masih belum bisa login min" at its
    /// survey).
    case notSolved
}
