/// A text in every supported language, as written in the dialog files.
public struct LocalizedText: Hashable, Codable, Sendable {
    public var indonesian: String
    public var english: String

    public init(id indonesian: String, en english: String) {
        self.indonesian = indonesian
        self.english = english
    }

    public func text(in language: Language) -> String {
        switch language {
        case .indonesian: return indonesian
        case .english: return english
        }
    }

    /// The text in `language` with every `{name}` replaced by `values[name]`; unknown names stay as written.
    public func text(in language: Language, values: [String: String]) -> String {
        LocalizedText.fill(text(in: language), values: values)
    }

    public static func fill(_ template: String, values: [String: String]) -> String {
        guard !values.isEmpty, template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var result = ""
        result.reserveCapacity(template.utf8.count)
        var rest = Substring(template)
        while let (open, close) = Self.nextPlaceholder(in: rest) {
            result += rest[..<open]
            let name = String(rest[rest.utf8.index(after: open)..<close])
            result += values[name] ?? "{\(name)}"
            rest = rest[rest.utf8.index(after: close)...]
        }
        return result + rest
    }

    /// Where the next `{` and the `}` after it are in `text`: found among the bytes (both are ASCII), which
    /// costs a fraction of walking the text character by character, as every reply's text is filled.
    private static func nextPlaceholder(in text: Substring) -> (open: String.Index, close: String.Index)? {
        guard let open = text.utf8.firstIndex(of: UInt8(ascii: "{")),
            let close = text.utf8[open...].firstIndex(of: UInt8(ascii: "}"))
        else { return nil }
        return (open, close)
    }

    /// The `{name}` placeholders a template uses.
    public static func placeholders(in template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let (open, close) = Self.nextPlaceholder(in: rest) {
            names.append(String(rest[rest.utf8.index(after: open)..<close]))
            rest = rest[rest.utf8.index(after: close)...]
        }
        return names
    }
}
