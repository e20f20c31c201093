/// Writes compact JSON: objects with members in the order given, arrays, strings escaped as
/// `JSONEncoder` does, and enum cases in the shape of a synthesized `Codable` (`{"case":{"_0":value}}`).
public struct JSONWriter {
    /// What was written, as UTF-8.
    public private(set) var bytes: [UInt8] = []
    /// What was written.
    public var output: String { String(decoding: self.bytes, as: UTF8.self) }
    /// `", "` and `": "` between members and elements instead of `","` and `":"`, for output people read.
    private let spaced: Bool

    public init(spaced: Bool = false) {
        self.spaced = spaced
    }

    /// The members of one object, written in the order given (callers give them sorted).
    public struct Members {
        fileprivate var writer: JSONWriter
        private var count = 0

        fileprivate init(writer: JSONWriter) {
            self.writer = writer
        }

        public mutating func member(_ key: String, _ value: (inout JSONWriter) -> Void) {
            if self.count > 0 { self.writer.separator(UInt8(ascii: ",")) }
            self.count += 1
            self.writer.string(key)
            self.writer.separator(UInt8(ascii: ":"))
            value(&self.writer)
        }
    }

    public mutating func object(_ body: (inout Members) -> Void) {
        self.bytes.append(UInt8(ascii: "{"))
        var members = Members(writer: self)
        self.bytes = []  // the members own the only reference to the buffer while they write
        body(&members)
        self = members.writer
        self.bytes.append(UInt8(ascii: "}"))
    }

    public mutating func array<Element>(_ elements: [Element], _ write: (inout JSONWriter, Element) -> Void) {
        self.bytes.append(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { self.separator(UInt8(ascii: ",")) }
            write(&self, element)
        }
        self.bytes.append(UInt8(ascii: "]"))
    }

    public mutating func null() {
        self.bytes.append(contentsOf: "null".utf8)
    }

    /// A number or other literal written as it is; the caller vouches that it is valid JSON.
    public mutating func raw(_ literal: String) {
        self.bytes.append(contentsOf: literal.utf8)
    }

    public mutating func bool(_ value: Bool) {
        self.bytes.append(contentsOf: value ? "true".utf8 : "false".utf8)
    }

    /// A string escaped as `JSONEncoder` does.
    public mutating func string(_ value: String) {
        JSONStringLiteral.append(value, to: &self.bytes)
    }

    /// `,` or `:`, followed by a space when the output is `spaced`.
    private mutating func separator(_ character: UInt8) {
        self.bytes.append(character)
        if self.spaced { self.bytes.append(UInt8(ascii: " ")) }
    }

    /// `{"_0":value}`: an enum case's single unlabelled associated value.
    public mutating func unlabelled(_ value: (inout JSONWriter) -> Void) {
        self.object { $0.member("_0", value) }
    }
}
