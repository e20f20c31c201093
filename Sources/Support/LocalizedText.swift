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
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            result += values[name] ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The `{name}` placeholders a template uses.
    public static func placeholders(in template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
