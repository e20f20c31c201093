/// Building and writing JSON values: request bodies, API answers and classifier output all go through here.
extension JSONValue: Equatable {
    /// An object with `members` in the order given.
    public static func object(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(members: members.map { (key: $0.0, value: $0.1) }, byteRange: 0..<0))
    }

    public static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    /// A string, or `null` when absent.
    public static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// A whole number, or `null` when absent.
    public static func int(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }

    /// A boolean, or `null` when absent.
    public static func bool(_ value: Bool?) -> JSONValue { value.map(JSONValue.bool) ?? .null }

    /// Two values are equal when they serialise to the same text (members in the same order).
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.bytes == rhs.bytes }

    /// The compact UTF-8 serialisation: no spaces, members in order, strings escaped as `JSONEncoder` does.
    public var serialized: String { String(decoding: self.bytes, as: UTF8.self) }

    /// The serialisation with a space after every `,` and `:`, for output people read.
    public var spacedSerialization: String {
        var writer = JSONWriter(spaced: true)
        writer.value(self)
        return writer.output
    }

    /// The serialisation as bytes, ready to send.
    public var bytes: [UInt8] {
        var writer = JSONWriter()
        writer.value(self)
        return writer.bytes
    }

    /// The same value with every object's members sorted by key, for answers whose key order is documented
    /// as sorted.
    public var sortingKeys: JSONValue {
        switch self {
        case .object(let object):
            return .object(
                object.members.map { ($0.key, $0.value.sortingKeys) }.sorted { $0.0 < $1.0 })
        case .array(let elements):
            return .array(elements.map(\.sortingKeys))
        case .null, .bool, .number, .string:
            return self
        }
    }
}

extension JSONWriter {
    /// Writes `value`, objects' members in their order.
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: self.null()
        case .bool(let flag): self.bool(flag)
        case .number(let literal): self.raw(literal)
        case .string(let text): self.string(text)
        case .array(let elements): self.array(elements) { $0.value($1) }
        case .object(let object):
            self.object { members in
                for member in object.members {
                    members.member(member.key) { $0.value(member.value) }
                }
            }
        }
    }
}
