import Foundation

/// Encodes any `Encodable` value as compact JSON that `JSONDecoder` reads back to the same value, with dates
/// as seconds since 1970 (`JSONDecoder.DateDecodingStrategy.secondsSince1970`).
///
/// It does what `JSONEncoder` with `dateEncodingStrategy = .secondsSince1970` does for the types Loket
/// stores (keys in the order they are encoded, `Data` as Base64, `URL` as its string), at a fraction of the
/// cost: a value becomes a light tree of literals, objects and arrays, written out once as bytes. A value's
/// coding path is a link to its container's, turned into an array only when asked for (an error, or an
/// `encode(to:)` that reads it). Non-finite numbers are refused, as `JSONEncoder` refuses them.
///
/// ```swift
/// let json = try CompactJSONEncoder.encode(state)
/// let decoder = JSONDecoder()
/// decoder.dateDecodingStrategy = .secondsSince1970
/// let same = try decoder.decode(State.self, from: Data(json.utf8))
/// ```
public enum CompactJSONEncoder {
    public static func encode<Value: Encodable>(_ value: Value) throws -> String {
        let node = try Self.node(for: value, path: nil, key: nil)
        var output: [UInt8] = []
        output.reserveCapacity(512)
        node.write(to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// The tree of `value`, the member `key` of the container at `path`: special types directly, others
    /// through their `encode(to:)`.
    fileprivate static func node<Value: Encodable>(for value: Value, path: PathLink?, key: (any CodingKey)?) throws
        -> Node
    {
        // Metatype comparisons, not dynamic casts: this runs for every value of the tree.
        if Value.self == String.self {
            return .string(value as! String)
        }
        if Value.self == Date.self {
            return try Self.number((value as! Date).timeIntervalSince1970, path: path, key: key)
        }
        if Value.self == URL.self {
            return .string((value as! URL).absoluteString)
        }
        if Value.self == Data.self {
            return .string((value as! Data).base64EncodedString())
        }
        let encoder = ValueEncoder(parent: path, key: key)
        try value.encode(to: encoder)
        return encoder.storage ?? .object(ObjectNode())
    }

    fileprivate static func number(_ value: Double, path: PathLink?, key: (any CodingKey)?) throws -> Node {
        guard value.isFinite else { throw Self.notANumber(value, path: path, key: key) }
        return .literal(value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : value.description)
    }

    fileprivate static func number(_ value: Float, path: PathLink?, key: (any CodingKey)?) throws -> Node {
        guard value.isFinite else { throw Self.notANumber(value, path: path, key: key) }
        return .literal(value.description)
    }

    private static func notANumber(_ value: Any, path: PathLink?, key: (any CodingKey)?) -> EncodingError {
        let codingPath = (path?.codingPath ?? []) + (key.map { [$0] } ?? [])
        return EncodingError.invalidValue(
            value, .init(codingPath: codingPath, debugDescription: "\(value) cannot be written as JSON"))
    }
}

/// A JSON value being built: a finished literal or string, or an object or array still open to its containers.
fileprivate enum Node {
    /// Written as it is: a number, `true`, `false` or `null`.
    case literal(String)
    /// Written quoted and escaped.
    case string(String)
    case object(ObjectNode)
    case array(ArrayNode)
    /// What a `superEncoder()` produces, read when the tree is written.
    case encoder(ValueEncoder)

    func write(to output: inout [UInt8]) {
        switch self {
        case .literal(let text):
            output.append(contentsOf: text.utf8)
        case .string(let text):
            JSONStringLiteral.append(text, to: &output)
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            for index in object.members.indices {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSONStringLiteral.append(object.members[index].key, to: &output)
                output.append(UInt8(ascii: ":"))
                object.members[index].value.write(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        case .array(let array):
            output.append(UInt8(ascii: "["))
            for index in array.values.indices {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                array.values[index].write(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .encoder(let encoder):
            (encoder.storage ?? .object(ObjectNode())).write(to: &output)
        }
    }
}

fileprivate final class ObjectNode {
    var members: [(key: String, value: Node)] = []

    /// Appends `key`; a key encoded twice (never by synthesized `Codable`) is written twice.
    func set(_ key: String, _ value: Node) {
        self.members.append((key, value))
    }
}

fileprivate final class ArrayNode {
    var values: [Node] = []
}

/// A place in the tree: the container it is in, and its key there (none at the top).
fileprivate class PathLink {
    let parent: PathLink?
    let key: (any CodingKey)?

    init(parent: PathLink?, key: (any CodingKey)?) {
        self.parent = parent
        self.key = key
    }

    var codingPath: [any CodingKey] {
        var keys: [any CodingKey] = []
        var link: PathLink? = self
        while let current = link {
            if let key = current.key { keys.append(key) }
            link = current.parent
        }
        return keys.reversed()
    }
}

/// The `Encoder` a value's `encode(to:)` writes into; its one value ends up in `storage`.
fileprivate final class ValueEncoder: PathLink, Encoder {
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var storage: Node?

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object: ObjectNode
        if case .object(let existing) = self.storage {
            object = existing
        } else {
            object = ObjectNode()
            self.storage = .object(object)
        }
        return KeyedEncodingContainer(KeyedContainer<Key>(object: object, path: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let array: ArrayNode
        if case .array(let existing) = self.storage {
            array = existing
        } else {
            array = ArrayNode()
            self.storage = .array(array)
        }
        return UnkeyedContainer(array: array, path: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(encoder: self)
    }
}

/// A key made up by the encoder: an array index, or `super`; its text is made only when read.
fileprivate struct AnyKey: CodingKey {
    private let text: String?
    let intValue: Int?

    var stringValue: String { self.text ?? String(self.intValue ?? 0) }

    init(stringValue: String) {
        self.text = stringValue
        self.intValue = nil
    }

    init(intValue: Int) {
        self.text = nil
        self.intValue = intValue
    }
}

fileprivate struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: ObjectNode
    let path: PathLink
    var codingPath: [any CodingKey] { self.path.codingPath }

    mutating func encodeNil(forKey key: Key) throws { self.object.set(key.stringValue, .literal("null")) }
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        self.object.set(key.stringValue, .literal(value ? "true" : "false"))
    }
    mutating func encode(_ value: String, forKey key: Key) throws {
        self.object.set(key.stringValue, .string(value))
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        self.object.set(key.stringValue, try CompactJSONEncoder.number(value, path: self.path, key: key))
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        self.object.set(key.stringValue, try CompactJSONEncoder.number(value, path: self.path, key: key))
    }
    mutating func encode(_ value: Int, forKey key: Key) throws {
        self.object.set(key.stringValue, .literal(String(value)))
    }
    mutating func encode(_ value: Int8, forKey key: Key) throws {
        self.object.set(key.stringValue, .literal(String(value)))
    }
    mutating func encode(_ value: Int16, forKey key: Key) throws {
        self.object.set(key.stringValue, .literal(String(value)))
    }
    mutating func encode(_ value: Int32, forKey key: Key) throws {
        self.object.set(key.stringValue, .literal(String(value)))
    }
    mutating func encode(_ value: Int64, forKey key: Key) throws {
        self.object.set(key.stringValue, .literal(String(value)))
    }
    mutating func encode(_ value: UInt, forKey key: Key) throws {
        self.object.set(key.stringValue, .literal(String(value)))
    }
    mutating func encode(_ value: UInt8, forKey key: Key) throws {
        self.object.set(key.stringValue, .literal(String(value)))
    }
    mutating func encode(_ value: UInt16, forKey key: Key) throws {
        self.object.set(key.stringValue, .literal(String(value)))
    }
    mutating func encode(_ value: UInt32, forKey key: Key) throws {
        self.object.set(key.stringValue, .literal(String(value)))
    }
    mutating func encode(_ value: UInt64, forKey key: Key) throws {
        self.object.set(key.stringValue, .literal(String(value)))
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        self.object.set(key.stringValue, try CompactJSONEncoder.node(for: value, path: self.path, key: key))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let nested = ObjectNode()
        self.object.set(key.stringValue, .object(nested))
        return KeyedEncodingContainer(
            KeyedContainer<NestedKey>(object: nested, path: PathLink(parent: self.path, key: key)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = ArrayNode()
        self.object.set(key.stringValue, .array(nested))
        return UnkeyedContainer(array: nested, path: PathLink(parent: self.path, key: key))
    }

    mutating func superEncoder() -> any Encoder {
        self.superEncoder(forKey: AnyKey(stringValue: "super"))
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        self.superEncoder(forKey: AnyKey(stringValue: key.stringValue))
    }

    private func superEncoder(forKey key: AnyKey) -> any Encoder {
        let encoder = ValueEncoder(parent: self.path, key: key)
        self.object.set(key.stringValue, .encoder(encoder))
        return encoder
    }
}

/// What an unkeyed and a single-value container have in common: each primitive becomes a node that goes to one
/// place (the end of an array, or the encoder's one value), so the overloads are written once.
fileprivate protocol ValueSink {
    /// Where the value being put goes: its container and its key there.
    var valuePlace: (path: PathLink?, key: (any CodingKey)?) { get }
    mutating func put(_ node: Node)
}

extension ValueSink {
    mutating func encodeNil() throws { self.put(.literal("null")) }
    mutating func encode(_ value: Bool) throws { self.put(.literal(value ? "true" : "false")) }
    mutating func encode(_ value: String) throws { self.put(.string(value)) }
    mutating func encode(_ value: Double) throws {
        let place = self.valuePlace
        self.put(try CompactJSONEncoder.number(value, path: place.path, key: place.key))
    }
    mutating func encode(_ value: Float) throws {
        let place = self.valuePlace
        self.put(try CompactJSONEncoder.number(value, path: place.path, key: place.key))
    }
    mutating func encode(_ value: Int) throws { self.put(.literal(String(value))) }
    mutating func encode(_ value: Int8) throws { self.put(.literal(String(value))) }
    mutating func encode(_ value: Int16) throws { self.put(.literal(String(value))) }
    mutating func encode(_ value: Int32) throws { self.put(.literal(String(value))) }
    mutating func encode(_ value: Int64) throws { self.put(.literal(String(value))) }
    mutating func encode(_ value: UInt) throws { self.put(.literal(String(value))) }
    mutating func encode(_ value: UInt8) throws { self.put(.literal(String(value))) }
    mutating func encode(_ value: UInt16) throws { self.put(.literal(String(value))) }
    mutating func encode(_ value: UInt32) throws { self.put(.literal(String(value))) }
    mutating func encode(_ value: UInt64) throws { self.put(.literal(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let place = self.valuePlace
        self.put(try CompactJSONEncoder.node(for: value, path: place.path, key: place.key))
    }
}

fileprivate struct UnkeyedContainer: UnkeyedEncodingContainer, ValueSink {
    let array: ArrayNode
    let path: PathLink
    var codingPath: [any CodingKey] { self.path.codingPath }
    var count: Int { self.array.values.count }

    /// The key of the next element: its index.
    private var nextKey: AnyKey { AnyKey(intValue: self.count) }

    var valuePlace: (path: PathLink?, key: (any CodingKey)?) { (self.path, self.nextKey) }

    mutating func put(_ node: Node) { self.array.values.append(node) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        let nested = ObjectNode()
        let path = PathLink(parent: self.path, key: self.nextKey)
        self.array.values.append(.object(nested))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: nested, path: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = ArrayNode()
        let path = PathLink(parent: self.path, key: self.nextKey)
        self.array.values.append(.array(nested))
        return UnkeyedContainer(array: nested, path: path)
    }

    mutating func superEncoder() -> any Encoder {
        let encoder = ValueEncoder(parent: self.path, key: self.nextKey)
        self.array.values.append(.encoder(encoder))
        return encoder
    }
}

fileprivate struct SingleValueContainer: SingleValueEncodingContainer, ValueSink {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { self.encoder.codingPath }
    /// The encoder's own place: its value is the encoder's.
    var valuePlace: (path: PathLink?, key: (any CodingKey)?) { (self.encoder.parent, self.encoder.key) }

    mutating func put(_ node: Node) { self.encoder.storage = node }
}
