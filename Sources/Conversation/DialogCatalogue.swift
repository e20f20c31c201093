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
    public var faq: [FAQEntry] {
        didSet { self.faqPhrases = Self.faqPhrases(of: self.faq) }
    }
    /// The keywords of every entry of `faq` in one index, each phrase of its entry's offset in `faq`: a message is
    /// read once for all of them.
    private var faqPhrases: PhraseIndex

    init(
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
        self.faqPhrases = Self.faqPhrases(of: faq)
    }

    /// The FAQ entry whose keywords begin first in `words` (from `DialogSettings.spacedWords`), the earlier entry
    /// on a tie.
    func faqEntry(mentionedIn words: String) -> FAQEntry? {
        self.faqPhrases.earliestMention(in: MessageWords.of(words)).map { self.faq[$0.list] }
    }

    private static func faqPhrases(of faq: [FAQEntry]) -> PhraseIndex {
        PhraseIndex(keywordLists: faq.map(\.keywords))
    }

    public func service(id: String) -> ServiceDefinition? {
        services.first { $0.id == id }
    }

    /// `prompt` in `language` with its placeholders filled. Only the loader builds a catalogue, and it refuses
    /// one that misses any `Prompt`.
    public func text(_ prompt: Prompt, in language: Language, _ values: [String: String] = [:]) -> String {
        self.text(key: prompt.rawValue, in: language, values)
    }

    /// The prompt a service's field names in `services.json` (checked by the loader).
    func text(key: String, in language: Language, _ values: [String: String] = [:]) -> String {
        guard let text = self.prompts[key] else {
            preconditionFailure("the loader admitted a catalogue without \(key)")
        }
        return text.text(in: language, values: values)
    }
}
