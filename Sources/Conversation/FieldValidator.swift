/// How an answer is checked and normalised.
public enum FieldValidator: String, CaseIterable, Sendable {
    case companyName
    case businessForm
    case phone
    case npwp
    case nip
    case npwpOrNip
    case kodeTender
    case freeText
    case choice

    /// The prompt key of the example shown after repeated invalid answers.
    var examplePrompt: String { "example.\(rawValue)" }
    /// The prompt key of the reason an answer was refused.
    var invalidPrompt: String { "invalid.\(rawValue)" }
}
