import Support

/// Every dialog the conversation speaks, loaded from `Dialogs/conversation/*.json` and validated.
public struct DialogCatalogue: Equatable, Sendable {
    public var settings: DialogSettings
    /// Prompts by key.
    public var prompts: [String: LocalizedText]
    /// The main menu rows, in order (services and other actions).
    public var menu: [MenuEntry]
    public var services: [ServiceDefinition]
    public var privacy: PrivacyNotice
    /// Fixed answers by key: `hours`, `requirements`.
    public var answers: [String: LocalizedText]
    public var faq: [FAQEntry]

    public init(
        settings: DialogSettings, prompts: [String: LocalizedText], menu: [MenuEntry],
        services: [ServiceDefinition], privacy: PrivacyNotice, answers: [String: LocalizedText], faq: [FAQEntry]
    ) {
        self.settings = settings
        self.prompts = prompts
        self.menu = menu
        self.services = services
        self.privacy = privacy
        self.answers = answers
        self.faq = faq
    }

    public func service(id: String) -> ServiceDefinition? {
        services.first { $0.id == id }
    }

    /// The prompt `key` in `language` with its placeholders filled; the key itself if missing (the loader
    /// refuses catalogues that miss a prompt the reducer uses, so this only shows in hand-built catalogues).
    func text(_ key: String, _ language: Language, _ values: [String: String] = [:]) -> String {
        guard let prompt = prompts[key] else { return key }
        return prompt.text(in: language, values: values)
    }
}
