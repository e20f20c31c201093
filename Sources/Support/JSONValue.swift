/// A parsed JSON value; objects keep their members in order and the byte range they came from.
///
/// Numbers keep their literal text, so a `timestamp` sent as `1669233778` or `"1669233778"` reads
/// the same and no precision is lost.
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The member `key` when this is an object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    public var object: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// The elements when this is an array; an empty array for anything else.
    public var elements: [JSONValue] {
        if case .array(let elements) = self { return elements }
        return []
    }

    /// The text when this is a string (not a number).
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// A string, or a number's literal text.
    public var text: String? {
        switch self {
        case .string(let text), .number(let text): return text
        case .null, .bool, .array, .object: return nil
        }
    }

    /// An integer from a number or a string of digits.
    public var integer: Int? { self.text.flatMap { Int($0) } }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }
}

/// A JSON object: members in document order and where it sits in the parsed bytes.
public struct JSONObject: Sendable {
    public var members: [(key: String, value: JSONValue)]
    /// The byte offsets of the object's text (from `{` to `}` inclusive) in the parsed document.
    public var byteRange: Range<Int>

    public init(members: [(key: String, value: JSONValue)], byteRange: Range<Int>) {
        self.members = members
        self.byteRange = byteRange
    }

    /// The first member named `key`.
    public subscript(key: String) -> JSONValue? {
        for member in self.members where member.key == key {
            return member.value
        }
        return nil
    }
}
