import Foundation
import Support

/// A position in a decoded JSON document.
struct JSONCursor {
    let file: String
    let path: String
    let value: Any?
    let log: JSONCursorLog

    func problem(_ message: String) {
        guard !log.unreadableFiles.contains(file) else { return }
        log.problems.append("\(file): \(path): \(message)")
    }

    func child(_ key: String) -> JSONCursor {
        let object = value as? [String: Any]
        return JSONCursor(file: file, path: "\(path).\(key)", value: object?[key], log: log)
    }

    var isPresent: Bool { value != nil && !(value is NSNull) }

    func string(_ key: String, maxLength: Int? = nil) -> String? {
        let node = child(key)
        guard let text = node.value as? String, !text.isEmpty else {
            node.problem(node.isPresent ? "expected a non-empty string" : "missing")
            return nil
        }
        if let maxLength, text.count > maxLength {
            node.problem("\"\(text)\" is \(text.count) characters, longer than \(maxLength)")
        }
        return text
    }

    func int(_ key: String) -> Int? {
        let node = child(key)
        guard let number = node.value as? NSNumber else {
            node.problem(node.isPresent ? "expected a number" : "missing")
            return nil
        }
        return number.intValue
    }

    func array(_ key: String) -> [JSONCursor] {
        let node = child(key)
        guard let items = node.value as? [Any] else {
            node.problem(node.isPresent ? "expected an array" : "missing")
            return []
        }
        return items.enumerated().map {
            JSONCursor(file: file, path: "\(node.path)[\($0.offset)]", value: $0.element, log: log)
        }
    }

    /// Keys of an object, sorted.
    func keys(_ key: String) -> [String] {
        let node = child(key)
        guard let object = node.value as? [String: Any] else {
            node.problem(node.isPresent ? "expected an object" : "missing")
            return []
        }
        return object.keys.sorted()
    }

    /// `{"id": "…", "en": "…"}` under `key`, both present and non-empty, each at most `maxLength`.
    func localized(_ key: String, maxLength: Int? = nil) -> LocalizedText? {
        child(key).localizedValue(maxLength: maxLength)
    }

    /// This node as `{"id": "…", "en": "…"}`.
    func localizedValue(maxLength: Int? = nil) -> LocalizedText? {
        guard value is [String: Any] else {
            problem(isPresent ? "expected an object with \"id\" and \"en\"" : "missing")
            return nil
        }
        var texts: [String] = []
        for language in Language.allCases {
            let text = child(language.rawValue)
            guard let value = text.value as? String, !value.isEmpty else {
                text.problem("missing translation (\(language.rawValue))")
                continue
            }
            if let maxLength, value.count > maxLength {
                text.problem("\"\(value)\" is \(value.count) characters, longer than \(maxLength)")
            }
            texts.append(value)
        }
        guard texts.count == 2 else { return nil }
        return LocalizedText(id: texts[0], en: texts[1])
    }

    /// Records a problem for every id that appears more than once.
    static func checkUnique(_ ids: [(String, JSONCursor)]) {
        var seen: Set<String> = []
        for (id, cursor) in ids {
            if !seen.insert(id).inserted { cursor.problem("duplicate id \"\(id)\"") }
        }
    }
}
