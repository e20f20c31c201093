#if canImport(Glibc)
    import Glibc
#endif

/// A JSON document read into one flat array of tokens (a "tape"), for a reader that needs a few members of
/// a document and the byte ranges of some of its parts: it is checked exactly as strictly as `JSONReader`
/// checks it, but builds no tree (one array of tokens holds the whole document), and decodes a string only
/// when it is asked for.
///
/// A value is named by its index on the tape (the document itself is `root`); an object's members follow it
/// as a key and a value each, an array's elements follow it, and every token knows where the value after
/// its own (and all it holds) begins, so a reader steps over a member it does not want in one move.
///
/// Members named in `leftOut` (at any depth) are checked as strictly as the rest and left off the tape: a
/// reader of a large document does not record the parts it never reads. A key written with escapes is
/// always kept.
public struct JSONTape: Sendable {
    public enum Kind: UInt8, Sendable {
        case null
        case `false`
        case `true`
        case number
        case string
        case array
        case object
    }

    struct Token {
        var kind: Kind
        /// For a string or a key: whether it holds escapes (and so is decoded the slow way).
        var escaped: Bool
        /// The value's text in the document: from its first byte (a string's opening quote, an object's `{`)
        /// to just past its last.
        var start: Int
        var end: Int
        /// The index of the token after this value and everything it holds.
        var next: Int
    }

    /// The document, as parsed.
    public let bytes: [UInt8]
    private let tokens: [Token]

    /// The document's own value.
    public let root = 0

    /// Parses one JSON document; whitespace may surround it, nothing else may follow it.
    public init(_ bytes: [UInt8], leavingOut leftOut: JSONKeys = JSONKeys()) throws(JSONError) {
        self.bytes = bytes
        self.tokens = try bytes.withUnsafeBufferPointer { (buffer) throws(JSONError) -> [Token] in
            var builder = Builder(cursor: JSONReader.Cursor(bytes: buffer), leftOut: leftOut)
            builder.cursor.skipWhitespace()
            try builder.value(depth: 0)
            builder.cursor.skipWhitespace()
            guard builder.cursor.offset == buffer.count else { throw JSONError.unexpected(at: builder.cursor.offset) }
            return builder.tokens
        }
    }

    public func kind(_ index: Int) -> Kind { self.tokens[index].kind }

    /// Where the value's text lies in `bytes`: an object from its `{` to its `}` inclusive, a string with
    /// its quotes.
    public func byteRange(_ index: Int) -> Range<Int> { self.tokens[index].start..<self.tokens[index].end }

    /// The first member named `key` of the object at `index`; nil when there is none, or when `index` is nil
    /// or not an object.
    public func member(_ key: StaticString, of index: Int?) -> Int? {
        guard let index, self.tokens[index].kind == .object else { return nil }
        var keys = Keys(tape: self, object: index)
        while let member = keys.next() {
            if self.key(at: member, is: key) { return member + 1 }
        }
        return nil
    }

    /// The elements of the array at `index`; none when `index` is nil or not an array.
    public func elements(of index: Int?) -> Elements {
        guard let index, self.tokens[index].kind == .array else { return Elements(tape: self, first: 0, end: 0) }
        return Elements(tape: self, first: index + 1, end: self.tokens[index].next)
    }

    /// A string's text, or a number's literal text; nil for anything else (or a nil `index`).
    public func text(_ index: Int?) -> String? {
        guard let index else { return nil }
        let token = self.tokens[index]
        switch token.kind {
        case .number:
            return String(decoding: self.bytes[token.start..<token.end], as: UTF8.self)
        case .string:
            return self.string(token)
        case .null, .false, .true, .array, .object:
            return nil
        }
    }

    /// An integer from a number or a string of digits.
    public func integer(_ index: Int?) -> Int? { self.text(index).flatMap { Int($0) } }

    /// The value at `index` as the tree `JSONReader` builds (members left out stay out).
    public func value(_ index: Int) -> JSONValue {
        let token = self.tokens[index]
        switch token.kind {
        case .null: return .null
        case .false: return .bool(false)
        case .true: return .bool(true)
        case .number: return .number(String(decoding: self.bytes[token.start..<token.end], as: UTF8.self))
        case .string: return .string(self.string(token))
        case .array: return .array(self.elements(of: index).map(self.value))
        case .object:
            let members = Keys(tape: self, object: index).map { key in
                (key: self.string(self.tokens[key]), value: self.value(key + 1))
            }
            return .object(JSONObject(members: members, byteRange: token.start..<token.end))
        }
    }

    /// The elements of an array on a tape, in order.
    public struct Elements: Sequence, IteratorProtocol {
        let tape: JSONTape
        var first: Int
        let end: Int

        public mutating func next() -> Int? {
            guard self.first < self.end else { return nil }
            defer { self.first = self.tape.tokens[self.first].next }
            return self.first
        }
    }

    /// The keys of an object's members, in order; each member's value is the token after its key.
    private struct Keys: Sequence, IteratorProtocol {
        let tape: JSONTape
        var key: Int
        let end: Int

        init(tape: JSONTape, object: Int) {
            self.tape = tape
            self.key = object + 1
            self.end = tape.tokens[object].next
        }

        mutating func next() -> Int? {
            guard self.key < self.end else { return nil }
            defer { self.key = self.tape.tokens[self.key + 1].next }
            return self.key
        }
    }

    private func key(at index: Int, is key: StaticString) -> Bool {
        let token = self.tokens[index]
        return key.withUTF8Buffer { key in
            guard !token.escaped else { return self.string(token).utf8.elementsEqual(key) }
            guard token.end - token.start - 2 == key.count else { return false }
            guard key.count > 0 else { return true }
            return self.bytes.withUnsafeBufferPointer { bytes in
                memcmp(bytes.baseAddress! + token.start + 1, key.baseAddress!, key.count) == 0
            }
        }
    }

    private func string(_ token: Token) -> String {
        guard token.escaped else {
            return String(decoding: self.bytes[(token.start + 1)..<(token.end - 1)], as: UTF8.self)
        }
        return self.bytes.withUnsafeBufferPointer { buffer in
            var cursor = JSONReader.Cursor(bytes: buffer, offset: token.start)
            // Read once already: it cannot fail now.
            return (try? cursor.string()) ?? ""
        }
    }

    private struct Builder {
        var cursor: JSONReader.Cursor
        let leftOut: JSONKeys
        var tokens: [Token] = []

        init(cursor: JSONReader.Cursor, leftOut: JSONKeys) {
            self.cursor = cursor
            self.leftOut = leftOut
            self.tokens.reserveCapacity(64)
        }

        mutating func value(depth: Int) throws(JSONError) {
            guard depth < JSONReader.maximumDepth else { throw JSONError.tooDeep }
            let start = self.cursor.offset
            let kind: Kind
            var escaped = false
            switch try self.cursor.peek() {
            case UInt8(ascii: "{"):
                return try self.container(.object, depth: depth)
            case UInt8(ascii: "["):
                return try self.container(.array, depth: depth)
            case UInt8(ascii: "\""):
                kind = .string
                escaped = try self.cursor.skipString()
            case UInt8(ascii: "t"):
                kind = .true
                try self.cursor.literal("true")
            case UInt8(ascii: "f"):
                kind = .false
                try self.cursor.literal("false")
            case UInt8(ascii: "n"):
                kind = .null
                try self.cursor.literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                kind = .number
                try self.cursor.skipNumber()
            default:
                throw JSONError.unexpected(at: self.cursor.offset)
            }
            self.tokens.append(
                Token(
                    kind: kind, escaped: escaped, start: start, end: self.cursor.offset, next: self.tokens.count + 1))
        }

        /// An object or an array: its token, then its members or elements, then where it ends.
        mutating func container(_ kind: Kind, depth: Int) throws(JSONError) {
            let index = self.tokens.count
            let start = self.cursor.offset
            let close = kind == .object ? UInt8(ascii: "}") : UInt8(ascii: "]")
            self.tokens.append(Token(kind: kind, escaped: false, start: start, end: start, next: index))
            self.cursor.offset += 1
            self.cursor.skipWhitespace()
            if try self.cursor.peek() == close {
                self.cursor.offset += 1
            } else {
                try self.items(of: kind, closedBy: close, depth: depth)
            }
            self.tokens[index].end = self.cursor.offset
            self.tokens[index].next = self.tokens.count
        }

        private mutating func items(of kind: Kind, closedBy close: UInt8, depth: Int) throws(JSONError) {
            while true {
                self.cursor.skipWhitespace()
                if kind == .object {
                    try self.member(depth: depth)
                } else {
                    try self.value(depth: depth + 1)
                }
                self.cursor.skipWhitespace()
                switch try self.cursor.peek() {
                case UInt8(ascii: ","):
                    self.cursor.offset += 1
                case close:
                    self.cursor.offset += 1
                    return
                default:
                    throw JSONError.unexpected(at: self.cursor.offset)
                }
            }
        }

        /// One member of an object: its key and value, or nothing when the key is left out.
        private mutating func member(depth: Int) throws(JSONError) {
            guard try self.cursor.peek() == UInt8(ascii: "\"") else {
                throw JSONError.unexpected(at: self.cursor.offset)
            }
            let start = self.cursor.offset
            let escaped = try self.cursor.skipString()
            let end = self.cursor.offset
            try self.cursor.skipColon()
            if !escaped, !self.leftOut.isEmpty,
                self.leftOut.contains(UnsafeBufferPointer(rebasing: self.cursor.bytes[(start + 1)..<(end - 1)]))
            {
                return try self.cursor.skipValue(depth: depth + 1)
            }
            self.tokens.append(
                Token(kind: .string, escaped: escaped, start: start, end: end, next: self.tokens.count + 1))
            try self.value(depth: depth + 1)
        }
    }
}
