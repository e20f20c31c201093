/// A place in a JSON dialog file: reads values there and records a problem, with the file and JSON path,
/// for anything missing or of the wrong kind.
public struct DialogCursor {
    public let file: String
    public let path: String
    public let value: JSONValue?
    let reader: DialogReader

    init(file: String, path: String, value: JSONValue?, reader: DialogReader) {
        self.file = file
        self.path = path
        self.value = value
        self.reader = reader
    }

    /// Records `message` as a problem at this place.
    public func problem(_ message: String) {
        self.reader.problem(file: self.file, path: self.path, message)
    }

    public func child(_ key: String) -> DialogCursor {
        DialogCursor(file: self.file, path: "\(self.path).\(key)", value: self.value?[key], reader: self.reader)
    }

    /// Whether a value other than `null` is here.
    public var isPresent: Bool {
        switch self.value {
        case .none, .null?: false
        default: true
        }
    }

    /// This value when it is a string.
    public var stringValue: String? {
        if case .string(let text)? = self.value { return text }
        return nil
    }

    /// A non-empty string under `key`, at most `maxLength` characters.
    public func string(_ key: String, maxLength: Int? = nil) -> String? {
        self.child(key).nonEmptyString(maxLength: maxLength)
    }

    /// This value as a non-empty string, at most `maxLength` characters.
    public func nonEmptyString(maxLength: Int? = nil) -> String? {
        guard let text = self.stringValue, !text.isEmpty else {
            self.problem(self.isPresent ? "expected a non-empty string" : "missing")
            return nil
        }
        if let maxLength, text.count > maxLength {
            self.problem("\"\(text)\" is \(text.count) characters, longer than \(maxLength)")
        }
        return text
    }

    /// A whole number under `key`.
    public func int(_ key: String) -> Int? {
        let node = self.child(key)
        guard case .number(let literal)? = node.value, let number = Int(literal) else {
            node.problem(node.isPresent ? "expected a whole number" : "missing")
            return nil
        }
        return number
    }

    /// The `true` or `false` under `key`; false when absent.
    public func flag(_ key: String) -> Bool {
        let node = self.child(key)
        guard node.isPresent else { return false }
        guard let value = node.value?.bool else {
            node.problem("expected true or false")
            return false
        }
        return value
    }

    /// The elements of the array under `key`.
    public func array(_ key: String) -> [DialogCursor] {
        let node = self.child(key)
        guard case .array(let items)? = node.value else {
            node.problem(node.isPresent ? "expected an array" : "missing")
            return []
        }
        return items.enumerated().map {
            DialogCursor(file: self.file, path: "\(node.path)[\($0.offset)]", value: $0.element, reader: self.reader)
        }
    }

    /// The phrases under `key`, lowercased: an optional array of non-empty strings (a list of keywords).
    public func phrases(_ key: String) -> [String] {
        guard self.child(key).isPresent else { return [] }
        return self.array(key).compactMap { $0.nonEmptyString()?.lowercased() }
    }

    /// The keys of the object under `key`, sorted.
    public func keys(_ key: String) -> [String] {
        let node = self.child(key)
        guard let object = node.value?.object else {
            node.problem(node.isPresent ? "expected an object" : "missing")
            return []
        }
        return object.members.map(\.key).sorted()
    }

    /// `{"id": "…", "en": "…"}` under `key`, both present and non-empty, each at most `maxLength`.
    public func localized(_ key: String, maxLength: Int? = nil) -> LocalizedText? {
        self.child(key).localizedValue(maxLength: maxLength)
    }

    /// How problems with a localized text are worded: the catalogue's and the survey's wordings differ.
    public struct LocalizedWording: Sendable {
        public var notAnObject: @Sendable (_ isPresent: Bool) -> String
        public var missing: @Sendable (Language) -> String
        public var tooLong: @Sendable (_ text: String, _ maxLength: Int) -> String

        public init(
            notAnObject: @escaping @Sendable (Bool) -> String, missing: @escaping @Sendable (Language) -> String,
            tooLong: @escaping @Sendable (String, Int) -> String
        ) {
            self.notAnObject = notAnObject
            self.missing = missing
            self.tooLong = tooLong
        }

        public static let catalogue = LocalizedWording(
            notAnObject: { $0 ? "expected an object with \"id\" and \"en\"" : "missing" },
            missing: { "missing translation (\($0.rawValue))" },
            tooLong: { "\"\($0)\" is \($0.count) characters, longer than \($1)" })
    }

    /// This value as `{"id": "…", "en": "…"}`, both present and non-empty, each at most `maxLength`.
    public func localizedValue(maxLength: Int? = nil, wording: LocalizedWording = .catalogue) -> LocalizedText? {
        guard self.value?.object != nil else {
            self.problem(wording.notAnObject(self.isPresent))
            return nil
        }
        var texts: [String] = []
        for language in Language.allCases {
            let text = self.child(language.rawValue)
            guard let value = text.stringValue, !value.isEmpty else {
                text.problem(wording.missing(language))
                continue
            }
            if let maxLength, value.count > maxLength {
                text.problem(wording.tooLong(value, maxLength))
            }
            texts.append(value)
        }
        guard texts.count == 2 else { return nil }
        return LocalizedText(id: texts[0], en: texts[1])
    }

    /// Records a problem for every id that appears more than once.
    public static func checkUnique(_ ids: [(String, DialogCursor)]) {
        var seen: Set<String> = []
        for (id, cursor) in ids where !seen.insert(id).inserted {
            cursor.problem("duplicate id \"\(id)\"")
        }
    }
}
