import Support

/// A document a service requires.
public struct DocumentRequirement: Equatable, Sendable {
    public var id: String
    /// Short title (≤ 24), e.g. "KTP Direktur".
    public var title: LocalizedText
    /// Words that, in a file name or caption, mark a file as this document ("ktp", "kitas").
    public var keywords: [String]
    /// What the document is and how to make it ("a letter on the company's letterhead to the head of the
    /// LPSE, signed by the director…"), told to a provider who asks about it or has none yet.
    public var help: LocalizedText?

    public init(id: String, title: LocalizedText, keywords: [String] = [], help: LocalizedText? = nil) {
        self.id = id
        self.title = title
        self.keywords = keywords
        self.help = help
    }

    /// Whether a file's name or caption (`hint`, lowercased) marks it as this document.
    public func isNamed(in hint: String) -> Bool {
        self.keywords.contains { hint.contains($0) }
    }
}
