import Foundation
import Support
import Testing

/// The compact encoder against `JSONDecoder`: every kind of container and value reads back as encoded, and
/// as `JSONEncoder`'s own output of the same value reads back.
struct CompactJSONEncoderTests {
    enum Step: Codable, Equatable {
        case idle
        case asking(field: String, attempts: Int)
        case choosing([Int], since: Date?)
    }

    /// Uses every container by hand: nested keyed and unkeyed containers and a super encoder.
    struct Manual: Codable, Equatable {
        var name: String
        var matrix: [[Double]]
        var parent: [String: Int]

        enum Keys: String, CodingKey { case name, inner, matrix, parent }
        enum InnerKeys: String, CodingKey { case name }

        init(name: String, matrix: [[Double]], parent: [String: Int]) {
            (self.name, self.matrix, self.parent) = (name, matrix, parent)
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var inner = container.nestedContainer(keyedBy: InnerKeys.self, forKey: .inner)
            try inner.encode(self.name, forKey: .name)
            var rows = container.nestedUnkeyedContainer(forKey: .matrix)
            for row in self.matrix {
                var nested = rows.nestedUnkeyedContainer()
                for value in row { try nested.encode(value) }
            }
            try self.parent.encode(to: container.superEncoder(forKey: .parent))
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            self.name = try container.nestedContainer(keyedBy: InnerKeys.self, forKey: .inner)
                .decode(String.self, forKey: .name)
            self.matrix = try container.decode([[Double]].self, forKey: .matrix)
            self.parent = try [String: Int](from: container.superDecoder(forKey: .parent))
        }
    }

    struct Everything: Codable, Equatable {
        var text: String
        var emptyText: String
        var flag: Bool
        var int: Int
        var negative: Int64
        var large: UInt64
        var small: Int8
        var double: Double
        var tiny: Double
        var huge: Double
        var float: Float
        var date: Date
        var missing: Date?
        var present: Int?
        var steps: [Step]
        var byNumber: [Int: String]
        var byName: [String: [Bool]]
        var data: Data
        var url: URL
        var manual: Manual
        var empty: [String]
    }

    static let sample = Everything(
        text: "Halo \"Budi\"\\ / baris\nbaru\ttab \u{1} emoji 🙏 café", emptyText: "", flag: true, int: 42,
        negative: -9_007_199_254_740_993, large: UInt64.max, small: -8, double: 1_796_608_800.123_456,
        tiny: 1e-7, huge: 1e300, float: 0.1, date: Date(timeIntervalSince1970: 1_796_608_800.25), missing: nil,
        present: 0,
        steps: [
            .idle, .asking(field: "npwp", attempts: 2), .choosing([1, 2], since: Date(timeIntervalSince1970: 12.5)),
            .choosing([], since: nil),
        ],
        byNumber: [7: "tujuh", 12: "dua belas"], byName: ["a": [true, false], "": []],
        data: Data([0, 1, 2, 250, 255]), url: URL(string: "https://lpse.example.go.id/eproc?x=1&y=2")!,
        manual: Manual(name: "dalam", matrix: [[1, 2.5], [], [-0.5]], parent: ["x": 1]), empty: [])

    static func decode<Value: Decodable>(_ type: Value.Type, _ json: String) throws -> Value {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return try decoder.decode(type, from: Data(json.utf8))
    }

    @Test func everyKindOfValueReadsBackAsEncoded() throws {
        let json = try CompactJSONEncoder.encode(Self.sample)
        #expect(try Self.decode(Everything.self, json) == Self.sample, "\(json)")
        let foundation = JSONEncoder()
        foundation.dateEncodingStrategy = .secondsSince1970
        let reference = String(decoding: try foundation.encode(Self.sample), as: UTF8.self)
        #expect(try Self.decode(Everything.self, reference) == Self.decode(Everything.self, json))
    }

    @Test func topLevelValuesAndKeyOrder() throws {
        #expect(try CompactJSONEncoder.encode("a\"b") == #""a\"b""#)
        let awkward = "\u{0}\u{1f}\u{7f}\u{8}\u{c}\r\\/é🙏"
        #expect(try CompactJSONEncoder.encode(awkward) == #""\u0000\u001f\#u{7f}\b\f\r\\/é🙏""#)
        #expect(try CompactJSONEncoder.encode(awkward) == JSONStringLiteral.quoted(awkward))
        #expect(try CompactJSONEncoder.encode(3) == "3")
        #expect(try CompactJSONEncoder.encode(2.0) == "2")
        #expect(try CompactJSONEncoder.encode([Int?.none, 1]) == "[null,1]")
        #expect(
            try CompactJSONEncoder.encode(Step.asking(field: "f", attempts: 1))
                == #"{"asking":{"field":"f","attempts":1}}"#)
        #expect(try CompactJSONEncoder.encode(Step.idle) == #"{"idle":{}}"#)
    }

    @Test func nonFiniteNumbersAreRefused() {
        #expect(throws: EncodingError.self) { try CompactJSONEncoder.encode([Double.nan]) }
        #expect(throws: EncodingError.self) { try CompactJSONEncoder.encode(["x": Double.infinity]) }
        #expect(throws: EncodingError.self) { try CompactJSONEncoder.encode(Float.infinity) }
    }

    /// Where values were encoded, as the coding paths their `encode(to:)` was given.
    final class PathLog {
        var paths: [String] = []
    }

    /// Records the coding path its `encode(to:)` is given, as a value that reads it would.
    struct PathProbe: Encodable {
        let log: PathLog

        func encode(to encoder: any Encoder) throws {
            self.log.paths.append(Self.text(encoder.codingPath))
            var container = encoder.singleValueContainer()
            try container.encode(0)
        }

        /// Array indices by number, as each encoder words them differently.
        static func text(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
    }

    struct Holder: Encodable {
        var probe: PathProbe
        var list: [PathProbe]
        var step: Step
        var nested: [String: [PathProbe]]
        var reading: [String: [Double]]
    }

    @Test func codingPathsAreThoseOfJSONEncoder() throws {
        let (compact, foundation) = (PathLog(), PathLog())
        func holder(_ log: PathLog, reading: [Double]) -> Holder {
            let probe = PathProbe(log: log)
            return Holder(
                probe: probe, list: [probe, probe], step: .choosing([1], since: nil), nested: ["b": [probe]],
                reading: ["a": reading])
        }
        _ = try CompactJSONEncoder.encode(holder(compact, reading: [1]))
        _ = try JSONEncoder().encode(holder(foundation, reading: [1]))
        #expect(compact.paths == ["probe", "list.0", "list.1", "nested.b.0"])
        #expect(compact.paths == foundation.paths)
        #expect {
            try CompactJSONEncoder.encode(holder(PathLog(), reading: [1, .nan]))
        } throws: { error in
            guard case EncodingError.invalidValue(_, let context) = error else { return false }
            return PathProbe.text(context.codingPath) == "reading.a.1"
        }
    }
}
