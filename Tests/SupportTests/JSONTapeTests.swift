import Support
import Testing

/// The tape checks a document exactly as the reader does, and reads the same values from it.
struct JSONTapeTests {
    static let documents = [
        #"{"a":"line\nquote\" slash\/ \u00e9 \ud83d\ude00","b":[1669233778,-1.5e3,0,true,false,null]}"#,
        #"  [ {} , [] , "" , {"x" : [ {"y":{}} ]} ]  "#,
        #"{"k":1,"k":2,"k\u0031":3,"":4}"#,
        #""just a string""#, "12", "-0.5E+2", "true", "null",
        #"{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messages":[{"id":"wamid.A","text":{"body":"hai \u00e9"}}]}}]}]}"#,
    ]

    @Test(arguments: Self.documents)
    func readsWhatTheReaderReads(_ text: String) throws {
        let tape = try JSONTape(Array(text.utf8))
        #expect(tape.value(tape.root) == (try JSONReader.parse(Array(text.utf8))))
    }

    @Test func refusesWhatTheReaderRefuses() {
        let bad = [
            #"{"a":1} x"#, #"{"a":"#, #"{"a":1"#, "[", #""abc"#, "tru", "-", "\"a\u{01}b\"", #"{"v":"a\qb"}"#,
            #"{"v":"\u12G4"}"#, #"[1,]"#, #"{"a" 1}"#, #"{"a":1,}"#, "01x", #"{1:2}"#, "", " ",
        ]
        for text in bad {
            #expect(throws: JSONError.self, "reader: \(text)") { try JSONReader.parse(Array(text.utf8)) }
            #expect(throws: JSONError.self, "tape: \(text)") { try JSONTape(Array(text.utf8)) }
        }
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONError.tooDeep) { try JSONTape(Array(deep.utf8)) }
    }

    @Test func membersElementsAndTextsAreFoundWithoutATree() throws {
        let text =
            #"{"id":"wamid.1","n":{"ts":"1700000000","at":1700000001},"list":[{"a":1},"two",3],"k\u0069":"escaped key","k":"later"}"#
        let tape = try JSONTape(Array(text.utf8))
        #expect(tape.text(tape.member("id", of: tape.root)) == "wamid.1")
        let nested = tape.member("n", of: tape.root)
        #expect(tape.integer(tape.member("ts", of: nested)) == 1_700_000_000)
        #expect(tape.integer(tape.member("at", of: nested)) == 1_700_000_001)
        #expect(tape.member("absent", of: tape.root) == nil)
        #expect(tape.member("id", of: nil) == nil)
        #expect(tape.member("a", of: tape.member("list", of: tape.root)) == nil, "an array has no members")
        let list = Array(tape.elements(of: tape.member("list", of: tape.root)))
        #expect(list.map { tape.kind($0) } == [.object, .string, .number])
        #expect(tape.integer(tape.member("a", of: list[0])) == 1)
        #expect(list.map { tape.text($0) } == [nil, "two", "3"])
        #expect(Array(tape.elements(of: tape.root)).isEmpty, "an object has no elements")
        #expect(tape.text(tape.member("ki", of: tape.root)) == "escaped key", "a key with escapes is decoded")
        #expect(tape.text(tape.member("k", of: tape.root)) == "later")
        let first = try #require(list.first)
        #expect(String(decoding: tape.bytes[tape.byteRange(first)], as: UTF8.self) == #"{"a":1}"#)
    }

    @Test func duplicateKeysGiveTheFirst() throws {
        let tape = try JSONTape(Array(#"{"k":1,"k":2}"#.utf8))
        #expect(tape.text(tape.member("k", of: tape.root)) == "1")
    }

    /// Members left out are missing from the tape at any depth; everything else, byte ranges included, is
    /// what a full read gives.
    @Test func leftOutMembersAreMissingAndTheRestIsUnchanged() throws {
        let text = #"{"id":"1","text":{"body":"panjang \u00e9"},"list":[{"text":[1,{"x":null}],"keep":true}],"tail":2}"#
        let full = try JSONReader.parse(Array(text.utf8))
        let tape = try JSONTape(Array(text.utf8), leavingOut: JSONKeys(["text", "absent"]))
        let partial = tape.value(tape.root)
        #expect(
            partial
                == .object([
                    ("id", .string("1")), ("list", .array([.object([("keep", .bool(true))])])), ("tail", .int(2)),
                ]))
        #expect(partial.object?.byteRange == full.object?.byteRange)
        #expect(partial["list"]?.elements.first?.object?.byteRange == full["list"]?.elements.first?.object?.byteRange)
        #expect(tape.member("text", of: tape.root) == nil)
        let whole = try JSONTape(Array(text.utf8), leavingOut: JSONKeys())
        #expect(whole.value(whole.root) == full)
    }

    /// A key written with escapes is kept even when it spells a left-out name.
    @Test func anEscapedKeyIsNeverLeftOut() throws {
        let tape = try JSONTape(Array(#"{"t\u0065xt":1,"text":2}"#.utf8), leavingOut: JSONKeys(["text"]))
        #expect(tape.value(tape.root) == .object([("text", .int(1))]))
    }

    /// A left-out member is checked as strictly as the rest: what a full read refuses is refused.
    @Test func leftOutMembersAreStillChecked() throws {
        let keys = JSONKeys(["v"])
        let bad = [
            #"{"v":"a\qb"}"#, "{\"v\":\"a\u{01}b\"}", #"{"v":"\u12G4"}"#, #"{"v":[1,]}"#, #"{"v":{"a" 1}}"#,
            #"{"v":{"a":1,}}"#, #"{"v":-}"#, #"{"v":tru}"#, #"{"v":01x}"#, #"{"v":"open"#, #"{"v":[1"#, #"{"v":}"#,
            #"{"v":{1:2}}"#,
        ]
        for text in bad {
            #expect(throws: JSONError.self, "full: \(text)") { try JSONReader.parse(Array(text.utf8)) }
            #expect(throws: JSONError.self, "left out: \(text)") { try JSONTape(Array(text.utf8), leavingOut: keys) }
        }
        let deep = #"{"v":"# + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}"
        #expect(throws: JSONError.tooDeep) { try JSONTape(Array(deep.utf8), leavingOut: keys) }
        let fine = #"{"v":{"a":[true,false,null,-1.5e3,"\"\\\/\b\f\n\r\t\u00e9",{}],"b":[]},"w":0}"#
        let tape = try JSONTape(Array(fine.utf8), leavingOut: keys)
        #expect(tape.value(tape.root) == .object([("w", .int(0))]))
    }
}
