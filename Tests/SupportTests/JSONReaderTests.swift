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

    /// Members left out are missing from the tree at any depth; everything else, byte ranges included, is
    /// what a full parse gives.
    @Test func leftOutMembersAreMissingAndTheRestIsUnchanged() throws {
        let text = #"{"id":"1","text":{"body":"panjang \u00e9"},"list":[{"text":[1,{"x":null}],"keep":true}],"tail":2}"#
        let full = try self.parse(text)
        let partial = try JSONReader.parse(Array(text.utf8), leavingOut: JSONKeys(["text", "absent"]))
        #expect(
            partial
                == .object([
                    ("id", .string("1")), ("list", .array([.object([("keep", .bool(true))])])), ("tail", .int(2)),
                ]))
        #expect(partial.object?.byteRange == full.object?.byteRange)
        #expect(partial["list"]?.elements.first?.object?.byteRange == full["list"]?.elements.first?.object?.byteRange)
        #expect(try JSONReader.parse(Array(text.utf8), leavingOut: JSONKeys()) == full)
    }

    /// A left-out member is checked as strictly as the rest: what a full parse refuses is refused.
    @Test func leftOutMembersAreStillChecked() throws {
        let keys = JSONKeys(["v"])
        let bad = [
            #"{"v":"a\qb"}"#, "{\"v\":\"a\u{01}b\"}", #"{"v":"\u12G4"}"#, #"{"v":[1,]}"#, #"{"v":{"a" 1}}"#,
            #"{"v":{"a":1,}}"#, #"{"v":-}"#, #"{"v":tru}"#, #"{"v":01x}"#, #"{"v":"open"#, #"{"v":[1"#, #"{"v":}"#,
            #"{"v":{1:2}}"#,
        ]
        for text in bad {
            #expect(throws: JSONError.self, "full: \(text)") { try self.parse(text) }
            #expect(throws: JSONError.self, "left out: \(text)") {
                try JSONReader.parse(Array(text.utf8), leavingOut: keys)
            }
        }
        let deep = #"{"v":"# + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}"
        #expect(throws: JSONError.tooDeep) { try JSONReader.parse(Array(deep.utf8), leavingOut: keys) }
        let fine = #"{"v":{"a":[true,false,null,-1.5e3,"\"\\\/\b\f\n\r\t\u00e9",{}],"b":[]},"w":0}"#
        #expect(try JSONReader.parse(Array(fine.utf8), leavingOut: keys) == .object([("w", .int(0))]))
    }
}
