import Foundation
import Support
import Testing

struct JSONWriterTests {
    /// Every string `JSONWriter` writes reads the same as `JSONEncoder`'s (slashes left unescaped), plain runs
    /// and escapes in any order: each control character, quotes and backslashes at the start, middle and end.
    @Test func stringsAreEscapedAsJSONEncoderEscapesThem() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var samples = [
            "", "halo", "\"", "\\", "a\"b\\c", "\"awal", "akhir\\", "dua baris\nlagi\r\n", "tab\tdi/sini",
            "Rp 1.500.000 — ✅ 👍🏽 Bapak/Ibu", "\u{7F}\u{80}\u{2028}",
        ]
        samples += (UInt8(0)..<0x20).map { "x\(Character(Unicode.Scalar($0)))y" }
        for sample in samples {
            var writer = JSONWriter()
            writer.string(sample)
            let expected = String(decoding: try encoder.encode(sample), as: UTF8.self)
            #expect(writer.output == expected, "\(Array(sample.unicodeScalars))")
            #expect(writer.bytes == Array(expected.utf8))
        }
    }

    @Test func valuesAreWrittenCompactOrSpacedInTheOrderGiven() {
        let value = JSONValue.object([
            ("b", .array([.int(1), .null, .bool(true), .bool(false)])),
            ("a", .object([("kata", .string("\"kutip\"")), ("kosong", .array([]))])),
            ("c", .object([])),
        ])
        #expect(value.serialized == #"{"b":[1,null,true,false],"a":{"kata":"\"kutip\"","kosong":[]},"c":{}}"#)
        #expect(
            value.spacedSerialization
                == #"{"b": [1, null, true, false], "a": {"kata": "\"kutip\"", "kosong": []}, "c": {}}"#)
        #expect(value.bytes == Array(value.serialized.utf8))
    }
}
