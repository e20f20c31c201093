/// A small, strict JSON reader (RFC 8259) over raw bytes that builds the whole tree.
///
/// It keeps the byte range of every object and refuses nesting deeper than `maximumDepth` instead of
/// exhausting the stack. A reader that needs a few members of a document (the webhook's intake) reads it
/// as a `JSONTape` instead, checked by the same steps (`Cursor`); `ParserBenchmark` times the two.
public struct JSONReader {
    public static let maximumDepth = 64

    /// Parses one JSON document; whitespace may surround it, nothing else may follow it.
    public static func parse(_ bytes: [UInt8]) throws(JSONError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONError) -> JSONValue in
            var reader = Cursor(bytes: buffer)
            reader.skipWhitespace()
            let value = try reader.value(depth: 0)
            reader.skipWhitespace()
            guard reader.offset == buffer.count else { throw JSONError.unexpected(at: reader.offset) }
            return value
        }
    }

    /// Reads JSON from a position in a buffer: the tree this reader builds, and the lexical steps a
    /// `JSONTape` builds on.
    struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset = 0

        init(bytes: UnsafeBufferPointer<UInt8>, offset: Int = 0) {
            self.bytes = bytes
            self.offset = offset
        }

        mutating func skipWhitespace() {
            while self.offset < self.bytes.count {
                switch self.bytes[self.offset] {
                case 0x20, 0x09, 0x0A, 0x0D: self.offset += 1
                default: return
                }
            }
        }

        func peek() throws(JSONError) -> UInt8 {
            guard self.offset < self.bytes.count else { throw JSONError.unexpectedEnd }
            return self.bytes[self.offset]
        }

        mutating func value(depth: Int) throws(JSONError) -> JSONValue {
            guard depth < JSONReader.maximumDepth else { throw JSONError.tooDeep }
            switch try self.peek() {
            case UInt8(ascii: "{"): return .object(try self.object(depth: depth))
            case UInt8(ascii: "["): return try self.array(depth: depth)
            case UInt8(ascii: "\""): return .string(try self.string())
            case UInt8(ascii: "t"): try self.literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try self.literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try self.literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try self.number())
            default: throw JSONError.unexpected(at: self.offset)
            }
        }

        mutating func literal(_ word: StaticString) throws(JSONError) {
            let count = word.utf8CodeUnitCount
            guard self.offset + count <= self.bytes.count else { throw JSONError.unexpectedEnd }
            let start = word.utf8Start
            for index in 0..<count where self.bytes[self.offset + index] != start[index] {
                throw JSONError.unexpected(at: self.offset + index)
            }
            self.offset += count
        }

        mutating func object(depth: Int) throws(JSONError) -> JSONObject {
            let start = self.offset
            self.offset += 1
            var members: [(key: String, value: JSONValue)] = []
            self.skipWhitespace()
            if try self.peek() == UInt8(ascii: "}") {
                self.offset += 1
                return JSONObject(members: members, byteRange: start..<self.offset)
            }
            // One allocation for the usual object instead of growing the array member by member.
            members.reserveCapacity(8)
            while true {
                self.skipWhitespace()
                guard try self.peek() == UInt8(ascii: "\"") else { throw JSONError.unexpected(at: self.offset) }
                let key = try self.string()
                try self.skipColon()
                members.append((key: key, value: try self.value(depth: depth + 1)))
                self.skipWhitespace()
                switch try self.peek() {
                case UInt8(ascii: ","):
                    self.offset += 1
                case UInt8(ascii: "}"):
                    self.offset += 1
                    return JSONObject(members: members, byteRange: start..<self.offset)
                default:
                    throw JSONError.unexpected(at: self.offset)
                }
            }
        }

        mutating func array(depth: Int) throws(JSONError) -> JSONValue {
            self.offset += 1
            var elements: [JSONValue] = []
            self.skipWhitespace()
            if try self.peek() == UInt8(ascii: "]") {
                self.offset += 1
                return .array(elements)
            }
            while true {
                self.skipWhitespace()
                elements.append(try self.value(depth: depth + 1))
                self.skipWhitespace()
                switch try self.peek() {
                case UInt8(ascii: ","):
                    self.offset += 1
                case UInt8(ascii: "]"):
                    self.offset += 1
                    return .array(elements)
                default:
                    throw JSONError.unexpected(at: self.offset)
                }
            }
        }

        /// Checks one value as `value(depth:)` does, building nothing.
        mutating func skipValue(depth: Int) throws(JSONError) {
            guard depth < JSONReader.maximumDepth else { throw JSONError.tooDeep }
            switch try self.peek() {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let close = self.bytes[self.offset] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                let isObject = close == UInt8(ascii: "}")
                self.offset += 1
                self.skipWhitespace()
                if try self.peek() == close {
                    self.offset += 1
                    return
                }
                while true {
                    self.skipWhitespace()
                    if isObject {
                        guard try self.peek() == UInt8(ascii: "\"") else {
                            throw JSONError.unexpected(at: self.offset)
                        }
                        try self.skipString()
                        try self.skipColon()
                    }
                    try self.skipValue(depth: depth + 1)
                    self.skipWhitespace()
                    switch try self.peek() {
                    case UInt8(ascii: ","):
                        self.offset += 1
                    case close:
                        self.offset += 1
                        return
                    default:
                        throw JSONError.unexpected(at: self.offset)
                    }
                }
            case UInt8(ascii: "\""):
                try self.skipString()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                try self.skipNumber()
            default:
                _ = try self.value(depth: depth)
            }
        }

        /// Moves past the `:` after an object's key and the whitespace around it.
        mutating func skipColon() throws(JSONError) {
            self.skipWhitespace()
            guard try self.peek() == UInt8(ascii: ":") else { throw JSONError.unexpected(at: self.offset) }
            self.offset += 1
            self.skipWhitespace()
        }

        /// Moves past the bytes that need no attention inside a string (anything but a quote, a backslash
        /// or a control character) to the first that does: sixteen at a time while none is among them, then
        /// eight at a time to find it.
        mutating func skipPlainBytes() {
            guard let base = self.bytes.baseAddress else { return }
            let quote = SIMD16<UInt8>(repeating: UInt8(ascii: "\""))
            let backslash = SIMD16<UInt8>(repeating: UInt8(ascii: "\\"))
            let space = SIMD16<UInt8>(repeating: 0x20)
            while self.offset + 16 <= self.bytes.count {
                let chunk = UnsafeRawPointer(base + self.offset).loadUnaligned(as: SIMD16<UInt8>.self)
                if any((chunk .== quote) .| (chunk .== backslash) .| (chunk .< space)) { break }
                self.offset += 16
            }
            while self.offset + 8 <= self.bytes.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + self.offset).loadUnaligned(as: UInt64.self))
                let special = Self.specialBytes(in: word)
                if special != 0 {
                    self.offset += special.trailingZeroBitCount / 8
                    return
                }
                self.offset += 8
            }
        }

        /// The high bit of each of `word`'s bytes that is a quote, a backslash or below 0x20, exact up to the
        /// first one (a borrow only runs towards the bytes after it).
        static func specialBytes(in word: UInt64) -> UInt64 {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let quote = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
            let backslash = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
            let control = (word &- ones &* 0x20) & ~word
            return ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash | control) & (ones &* 0x80)
        }

        /// Checks one string as `string()` does, building nothing; returns whether it holds escapes.
        @discardableResult
        mutating func skipString() throws(JSONError) -> Bool {
            var escaped = false
            self.offset += 1
            while self.offset < self.bytes.count {
                self.skipPlainBytes()
                guard self.offset < self.bytes.count else { break }
                let byte = self.bytes[self.offset]
                self.offset += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return escaped
                case UInt8(ascii: "\\"):
                    escaped = true
                    let escape = try self.peek()
                    self.offset += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                        UInt8(ascii: "f"),
                        UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        break
                    case UInt8(ascii: "u"):
                        _ = try self.hex4()
                    default:
                        throw JSONError.unexpected(at: self.offset - 1)
                    }
                case 0..<0x20:
                    throw JSONError.unexpected(at: self.offset - 1)
                default:
                    break
                }
            }
            throw JSONError.unexpectedEnd
        }

        mutating func number() throws(JSONError) -> String {
            let start = self.offset
            try self.skipNumber()
            return String(decoding: UnsafeBufferPointer(rebasing: self.bytes[start..<self.offset]), as: UTF8.self)
        }

        /// Checks one number as `number()` does, building nothing.
        mutating func skipNumber() throws(JSONError) {
            if self.bytes[self.offset] == UInt8(ascii: "-") { self.offset += 1 }
            guard try self.digits() > 0 else { throw JSONError.unexpected(at: self.offset) }
            if self.offset < self.bytes.count, self.bytes[self.offset] == UInt8(ascii: ".") {
                self.offset += 1
                guard try self.digits() > 0 else { throw JSONError.unexpected(at: self.offset) }
            }
            if self.offset < self.bytes.count, self.bytes[self.offset] | 0x20 == UInt8(ascii: "e") {
                self.offset += 1
                if self.offset < self.bytes.count,
                    self.bytes[self.offset] == UInt8(ascii: "+") || self.bytes[self.offset] == UInt8(ascii: "-")
                {
                    self.offset += 1
                }
                guard try self.digits() > 0 else { throw JSONError.unexpected(at: self.offset) }
            }
        }

        mutating func digits() throws(JSONError) -> Int {
            let start = self.offset
            while self.offset < self.bytes.count,
                self.bytes[self.offset] >= UInt8(ascii: "0"), self.bytes[self.offset] <= UInt8(ascii: "9")
            {
                self.offset += 1
            }
            return self.offset - start
        }

        mutating func string() throws(JSONError) -> String {
            self.offset += 1
            let start = self.offset
            self.skipPlainBytes()
            while self.offset < self.bytes.count {
                let byte = self.bytes[self.offset]
                if byte == UInt8(ascii: "\"") {
                    let text = String(
                        decoding: UnsafeBufferPointer(rebasing: self.bytes[start..<self.offset]), as: UTF8.self)
                    self.offset += 1
                    return text
                }
                if byte == UInt8(ascii: "\\") { return try self.escapedString(from: start) }
                guard byte >= 0x20 else { throw JSONError.unexpected(at: self.offset) }
                self.offset += 1
            }
            throw JSONError.unexpectedEnd
        }

        /// The slow path for strings holding escapes.
        mutating func escapedString(from start: Int) throws(JSONError) -> String {
            var utf8 = Array(UnsafeBufferPointer(rebasing: self.bytes[start..<self.offset]))
            while self.offset < self.bytes.count {
                let byte = self.bytes[self.offset]
                self.offset += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(decoding: utf8, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    let escape = try self.peek()
                    self.offset += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                    case UInt8(ascii: "b"): utf8.append(0x08)
                    case UInt8(ascii: "f"): utf8.append(0x0C)
                    case UInt8(ascii: "n"): utf8.append(0x0A)
                    case UInt8(ascii: "r"): utf8.append(0x0D)
                    case UInt8(ascii: "t"): utf8.append(0x09)
                    case UInt8(ascii: "u"): try self.unicodeEscape(into: &utf8)
                    default: throw JSONError.unexpected(at: self.offset - 1)
                    }
                case 0..<0x20:
                    throw JSONError.unexpected(at: self.offset - 1)
                default:
                    utf8.append(byte)
                }
            }
            throw JSONError.unexpectedEnd
        }

        mutating func hex4() throws(JSONError) -> UInt32 {
            guard self.offset + 4 <= self.bytes.count else { throw JSONError.unexpectedEnd }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = self.bytes[self.offset]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw JSONError.unexpected(at: self.offset)
                }
                value = value << 4 | UInt32(digit)
                self.offset += 1
            }
            return value
        }

        mutating func unicodeEscape(into utf8: inout [UInt8]) throws(JSONError) {
            var scalar = try self.hex4()
            if (0xD800..<0xDC00).contains(scalar), self.offset + 6 <= self.bytes.count,
                self.bytes[self.offset] == UInt8(ascii: "\\"), self.bytes[self.offset + 1] == UInt8(ascii: "u")
            {
                let saved = self.offset
                self.offset += 2
                let low = try self.hex4()
                if (0xDC00..<0xE000).contains(low) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    self.offset = saved
                }
            }
            let unicode = Unicode.Scalar(scalar) ?? "\u{FFFD}"
            utf8.append(contentsOf: String(Character(unicode)).utf8)
        }
    }
}

/// Member names a `JSONTape` leaves out of what it records.
public struct JSONKeys: Sendable {
    /// Each key with its length and its first eight bytes as one integer: a key is usually told apart from
    /// the others by one comparison.
    private let keys: [(count: Int, head: UInt64, bytes: [UInt8])]
    /// Bit `n` is set when some key has `n` bytes (n < 64).
    private let lengths: UInt64

    public init(_ keys: [String] = []) {
        self.keys = keys.map { key in
            let bytes = Array(key.utf8)
            return (bytes.count, bytes.withUnsafeBufferPointer(Self.head), bytes)
        }
        self.lengths = self.keys.reduce(0) { $0 | ($1.count < 64 ? 1 << UInt64($1.count) : 0) }
    }

    var isEmpty: Bool { self.keys.isEmpty }

    /// Whether the raw bytes of a key (between its quotes) name one of the keys.
    func contains(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        guard raw.count < 64, self.lengths & (1 << UInt64(raw.count)) != 0 else { return false }
        let head = Self.head(raw)
        return self.keys.contains { key in
            key.count == raw.count && key.head == head && (key.count <= 8 || key.bytes.elementsEqual(raw))
        }
    }

    private static func head(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var head: UInt64 = 0
        for index in 0..<min(8, bytes.count) {
            head |= UInt64(bytes[index]) << UInt64(8 * index)
        }
        return head
    }
}
