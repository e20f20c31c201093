import Foundation

/// Encodes any `Encodable` value as compact JSON that `JSONDecoder` reads back to the same value, with dates
/// as seconds since 1970 (`JSONDecoder.DateDecodingStrategy.secondsSince1970`).
///
/// It does what `JSONEncoder` with `dateEncodingStrategy = .secondsSince1970` does for the types Loket
/// stores (keys in the order they are encoded, `Data` as Base64, `URL` as its string), at a fraction of the
/// cost: a value becomes a light tree of literals, objects and arrays, written out once. Non-finite numbers
/// are refused, as `JSONEncoder` refuses them.
///
/// ```swift
/// let json = try CompactJSONEncoder.encode(state)
/// let decoder = JSONDecoder()
/// decoder.dateDecodingStrategy = .secondsSince1970
/// let same = try decoder.decode(State.self, from: Data(json.utf8))
/// ```
public enum CompactJSONEncoder {
    public static func encode<Value: Encodable>(_ value: Value) throws -> String {
        let node = try Self.node(for: value, codingPath: [])
        var output = ""
        output.reserveCapacity(512)
        node.write(to: &output)
        return output
    }

    /// The tree of `value`: special types directly, others through their `encode(to:)`.
    fileprivate static func node<Value: Encodable>(for value: Value, codingPath: [any CodingKey]) throws -> Node {
        // Metatype comparisons, not dynamic casts: this runs for every value of the tree.
        if Value.self == String.self {
            return .literal(JSONStringLiteral.quoted(value as! String))
        }
        if Value.self == Date.self {
            return try Self.number((value as! Date).timeIntervalSince1970, codingPath: codingPath)
        }
        if Value.self == URL.self {
            return .literal(JSONStringLiteral.quoted((value as! URL).absoluteString))
        }
        if Value.self == Data.self {
            return .literal(JSONStringLiteral.quoted((value as! Data).base64EncodedString()))
        }
        let encoder = ValueEncoder(codingPath: codingPath)
        try value.encode(to: encoder)
        return encoder.storage ?? .object(ObjectNode())
    }

    fileprivate static func number(_ value: Double, codingPath: [any CodingKey]) throws -> Node {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: codingPath, debugDescription: "\(value) cannot be written as JSON"))
        }
        return .literal(value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : value.description)
    }

    fileprivate static func number(_ value: Float, codingPath: [any CodingKey]) throws -> Node {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: codingPath, debugDescription: "\(value) cannot be written as JSON"))
        }
        return .literal(value.description)
    }
}

/// A JSON value being built: a finished literal, or an object or array still open to its containers.
fileprivate enum Node {
    case literal(String)
    case object(ObjectNode)
    case array(ArrayNode)
    /// What a `superEncoder()` produces, read when the tree is written.
    case encoder(ValueEncoder)

    func write(to output: inout String) {
        switch self {
        case .literal(let text):
            output += text
        case .object(let object):
            output += "{"
            for index in object.keys.indices {
                if index > 0 { output += "," }
                JSONStringLiteral.append(object.keys[index], to: &output)
                output += ":"
                object.values[index].write(to: &output)
            }
            output += "}"
        case .array(let array):
            output += "["
            for index in array.values.indices {
                if index > 0 { output += "," }
                array.values[index].write(to: &output)
            }
            output += "]"
        case .encoder(let encoder):
            (encoder.storage ?? .object(ObjectNode())).write(to: &output)
        }
    }
}

fileprivate final class ObjectNode {
    var keys: [String] = []
    var values: [Node] = []

    /// Appends `key`; a key encoded twice (never by synthesized `Codable`) is written twice.
    func set(_ key: String, _ value: Node) {
        self.keys.append(key)
        self.values.append(value)
    }
}

fileprivate final class ArrayNode {
    var values: [Node] = []
}

/// The `Encoder` a value's `encode(to:)` writes into; its one value ends up in `storage`.
fileprivate final class ValueEncoder: Encoder {
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var storage: Node?

    init(codingPath: [any CodingKey]) {
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object: ObjectNode
        if case .object(let existing) = self.storage {
            object = existing
        } else {
            object = ObjectNode()
            self.storage = .object(object)
        }
        return KeyedEncodingContainer(KeyedContainer<Key>(object: object, codingPath: self.codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let array: ArrayNode
        if case .array(let existing) = self.storage {
            array = existing
        } else {
            array = ArrayNode()
            self.storage = .array(array)
        }
        return UnkeyedContainer(array: array, codingPath: self.codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(encoder: self)
    }
}

fileprivate struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}

fileprivate struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: ObjectNode
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { self.object.set(key.stringValue, .literal("null")) }
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        self.object.set(key.stringValue, .literal(value ? "true" : "false"))
    }
    mutating func encode(_ value: String, forKey key: Key) throws {
        self.object.set(key.stringValue, .literal(JSONStringLiteral.quoted(value)))
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        self.object.set(key.stringValue, try CompactJSONEncoder.number(value, codingPath: self.codingPath + [key]))
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        self.object.set(key.stringValue, try CompactJSONEncoder.number(value, codingPath: self.codingPath + [key]))
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
        self.object.set(key.stringValue, try CompactJSONEncoder.node(for: value, codingPath: self.codingPath + [key]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let nested = ObjectNode()
        self.object.set(key.stringValue, .object(nested))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: nested, codingPath: self.codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = ArrayNode()
        self.object.set(key.stringValue, .array(nested))
        return UnkeyedContainer(array: nested, codingPath: self.codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        self.superEncoder(forKey: AnyKey(stringValue: "super"))
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        self.superEncoder(forKey: AnyKey(stringValue: key.stringValue))
    }

    private func superEncoder(forKey key: AnyKey) -> any Encoder {
        let encoder = ValueEncoder(codingPath: self.codingPath + [key])
        self.object.set(key.stringValue, .encoder(encoder))
        return encoder
    }
}

/// What an unkeyed and a single-value container have in common: each primitive becomes a node that goes to one
/// place (the end of an array, or the encoder's one value), so the overloads are written once.
fileprivate protocol ValueSink {
    /// The coding path of the value being put.
    var valuePath: [any CodingKey] { get }
    mutating func put(_ node: Node)
}

extension ValueSink {
    mutating func encodeNil() throws { self.put(.literal("null")) }
    mutating func encode(_ value: Bool) throws { self.put(.literal(value ? "true" : "false")) }
    mutating func encode(_ value: String) throws { self.put(.literal(JSONStringLiteral.quoted(value))) }
    mutating func encode(_ value: Double) throws {
        self.put(try CompactJSONEncoder.number(value, codingPath: self.valuePath))
    }
    mutating func encode(_ value: Float) throws {
        self.put(try CompactJSONEncoder.number(value, codingPath: self.valuePath))
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
        self.put(try CompactJSONEncoder.node(for: value, codingPath: self.valuePath))
    }
}

fileprivate struct UnkeyedContainer: UnkeyedEncodingContainer, ValueSink {
    let array: ArrayNode
    let codingPath: [any CodingKey]
    var count: Int { self.array.values.count }

    var valuePath: [any CodingKey] { self.codingPath + [AnyKey(intValue: self.count)] }

    mutating func put(_ node: Node) { self.array.values.append(node) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        let nested = ObjectNode()
        let path = self.valuePath
        self.array.values.append(.object(nested))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: nested, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = ArrayNode()
        let path = self.valuePath
        self.array.values.append(.array(nested))
        return UnkeyedContainer(array: nested, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let encoder = ValueEncoder(codingPath: self.valuePath)
        self.array.values.append(.encoder(encoder))
        return encoder
    }
}

fileprivate struct SingleValueContainer: SingleValueEncodingContainer, ValueSink {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { self.encoder.codingPath }
    var valuePath: [any CodingKey] { self.codingPath }

    mutating func put(_ node: Node) { self.encoder.storage = node }
}
