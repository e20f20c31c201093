/// Writes compact JSON: objects with members in the order given, arrays, strings escaped as
/// `JSONEncoder` does, and enum cases in the shape of a synthesized `Codable` (`{"case":{"_0":value}}`).
public struct JSONWriter {
    public private(set) var output = ""
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
            if self.count > 0 { self.writer.output += self.writer.spaced ? ", " : "," }
            self.count += 1
            self.writer.string(key)
            self.writer.output += self.writer.spaced ? ": " : ":"
            value(&self.writer)
        }
    }

    public mutating func object(_ body: (inout Members) -> Void) {
        self.output += "{"
        var members = Members(writer: self)
        self.output = ""
        body(&members)
        self = members.writer
        self.output += "}"
    }

    public mutating func array<Element>(_ elements: [Element], _ write: (inout JSONWriter, Element) -> Void) {
        self.output += "["
        for (index, element) in elements.enumerated() {
            if index > 0 { self.output += self.spaced ? ", " : "," }
            write(&self, element)
        }
        self.output += "]"
    }

    public mutating func null() {
        self.output += "null"
    }

    /// A number or other literal written as it is; the caller vouches that it is valid JSON.
    public mutating func raw(_ literal: String) {
        self.output += literal
    }

    public mutating func bool(_ value: Bool) {
        self.output += value ? "true" : "false"
    }

    /// A string escaped as `JSONEncoder` does.
    public mutating func string(_ value: String) {
        JSONStringLiteral.append(value, to: &self.output)
    }

    /// `{"_0":value}`: an enum case's single unlabelled associated value.
    public mutating func unlabelled(_ value: (inout JSONWriter) -> Void) {
        self.object { $0.member("_0", value) }
    }
}
