import Support

/// One question of a service's form.
public struct FormField: Equatable, Sendable {
    /// The answer's name, also the placeholder in the description template.
    public var id: String
    public var validator: FieldValidator
    /// Short name (≤ 24) for the summary and the "what to change" list.
    public var label: LocalizedText
    /// The prompt key asking for it.
    public var prompt: String
    /// The options of a `choice` field (titles ≤ 20, so that they fit buttons as well as list rows).
    public var options: [LocalizedText]
    /// Whether the form goes on without the answer when the provider does not know it ("lupa kodenya"): staff find
    /// it from the rest. A required answer not known is waited for, with the form kept.
    public var optional: Bool

    public init(
        id: String, validator: FieldValidator, label: LocalizedText, prompt: String, options: [LocalizedText] = [],
        optional: Bool = false
    ) {
        self.id = id
        self.validator = validator
        self.label = label
        self.prompt = prompt
        self.options = options
        self.optional = optional
    }
}
