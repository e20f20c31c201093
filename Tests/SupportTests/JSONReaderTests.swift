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

    /// A string's plain bytes are skipped in wide steps: whatever needs attention is found at every position,
    /// with plain bytes of every value around it.
    @Test func aCharacterNeedingAttentionIsFoundWhereverItStands() throws {
        let plain = (0x20...0xFF).compactMap { (byte: Int) -> UInt8? in
            byte == 0x22 || byte == 0x5C || byte >= 0x80 ? nil : UInt8(byte)
        }
        for position in 0..<40 {
            let before = (0..<position).map { plain[($0 * 7 + position) % plain.count] }
            let after = (0..<(40 - position)).map { plain[($0 * 5) % plain.count] }
            let text = String(decoding: before, as: UTF8.self)
            let rest = String(decoding: after, as: UTF8.self)
            let escaped = try JSONReader.parse(Array("\"".utf8) + before + Array(#"\n"#.utf8) + after + [0x22])
            #expect(escaped.text == text + "\n" + rest, "an escape at \(position)")
            let ended = try JSONReader.parse([0x5B, 0x22] + before + [0x22, 0x5D])
            #expect(ended.elements.first?.text == text, "a closing quote at \(position)")
            let accented = try JSONReader.parse([0x22] + before + Array("é\u{1F600}".utf8) + after + [0x22])
            #expect(accented.text == text + "é\u{1F600}" + rest, "multi-byte characters at \(position)")
            for control: UInt8 in [0x00, 0x0A, 0x1F] {
                #expect(throws: JSONError.self, "a control character at \(position)") {
                    try JSONReader.parse([0x22] + before + [control] + after + [0x22])
                }
                #expect(throws: JSONError.self, "a control character at \(position) on the tape") {
                    try JSONTape([0x22] + before + [control] + after + [0x22])
                }
            }
        }
    }
}
