import Testing

@testable import Ticketing

struct TextTallyTests {
    private func count(_ text: [UInt8], in tally: inout TextTally) -> Int {
        text.withUnsafeBytes { tally.count($0) }
    }

    @Test func valuesAreCountedWhereverTheyComeAndKeepTheirFirstPosition() {
        var tally = TextTally()
        let rows = ["baru", "proses", "baru", "", "selesai", "proses", "baru", ""]
        let positions = rows.map { self.count(Array($0.utf8), in: &tally) }
        #expect(positions == [0, 1, 0, 2, 3, 1, 0, 2])
        #expect(tally.counts == ["baru": 3, "proses": 2, "": 2, "selesai": 1])
        #expect(tally.text(at: 3) == "selesai")
    }

    /// Past the few values a report's dimensions hold, values are found through an index: the counts stay
    /// the same.
    @Test func manyDistinctValuesAreCountedAlike() {
        var tally = TextTally()
        var expected: [String: Int] = [:]
        for round in 0..<3 {
            for value in 0..<100 where value % (round + 1) == 0 {
                let text = "Kategori \(value)"
                #expect(self.count(Array(text.utf8), in: &tally) == value)
                expected[text, default: 0] += 1
            }
        }
        #expect(tally.counts == expected)
        #expect(tally.values.count == 100)
    }

    /// Bytes that are not UTF-8 are kept apart while counting and read as text with replacement characters;
    /// two such values that read alike are added together.
    @Test func invalidUTF8ReadsAsReplacementCharacters() {
        var tally = TextTally()
        _ = self.count([0x41, 0xFF], in: &tally)
        _ = self.count([0x41, 0xFE], in: &tally)
        _ = self.count([0x41], in: &tally)
        #expect(tally.values.count == 3)
        #expect(tally.counts == ["A\u{FFFD}": 2, "A": 1])
    }
}
