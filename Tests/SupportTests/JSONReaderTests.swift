import Support
import Testing

/// The hand-written JSON reader is strict and exact.
struct JSONReaderTests {
    func parse(_ text: String) throws -> JSONValue {
        try JSONReader.parse(Array(text.utf8))
    }

    @Test func escapesAndSurrogatePairsDecode() throws {
        let value = try self.parse(#"{"a":"line\nquote\" slash\/ \u00e9 \ud83d\ude00"}"#)
        #expect(value["a"]?.text == "line\nquote\" slash/ é 😀")
    }

    @Test func numbersKeepTheirLiteralText() throws {
        let value = try self.parse(#"[1669233778, -1.5e3, 0]"#)
        #expect(value.elements.map(\.text) == ["1669233778", "-1.5e3", "0"])
    }

    @Test func literalsParse() throws {
        let value = try self.parse(#"{"t":true,"f":false,"n":null}"#)
        #expect(value["t"]?.bool == true)
        #expect(value["f"]?.bool == false)
        #expect(value["n"]?.text == nil)
    }

    @Test func trailingContentIsRejected() {
        #expect(throws: JSONError.self) { try self.parse(#"{"a":1} x"#) }
    }

    @Test func truncatedDocumentsAreRejected() {
        for text in [#"{"a":"#, #"{"a":1"#, #"["#, #""abc"#, "tru", "-"] {
            #expect(throws: JSONError.self) { try self.parse(text) }
        }
    }

    @Test func controlCharactersInStringsAreRejected() {
        #expect(throws: JSONError.self) { try self.parse("\"a\u{01}b\"") }
    }

    @Test func excessiveNestingIsRejectedNotACrash() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONError.tooDeep) { try self.parse(deep) }
    }

    @Test func objectsRememberTheirByteRange() throws {
        let text = #"{"outer":{"inner":1}}"#
        let inner = try #require(try self.parse(text)["outer"]?.object)
        #expect(String(decoding: Array(text.utf8)[inner.byteRange], as: UTF8.self) == #"{"inner":1}"#)
    }
}
