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

    /// The example shown after repeated invalid answers.
    var examplePrompt: Prompt { .example(self) }
    /// The reason an answer was refused.
    var invalidPrompt: Prompt { .invalid(self) }
}
