import Support
import Testing

@testable import Intents

struct FeatureRowsTests {
    @Test(arguments: [false, true])
    func givesEachDistinctHashTheNextRowAndFindsItAgain(compact: Bool) {
        var rows = FeatureRows(capacity: 2, compact: compact)
        // Enough hashes to grow the table several times, among them 0 and hashes that share their top bits.
        let hashes: [UInt64] = [0, 1, UInt64.max] + (0..<500).map { UInt64($0) << 40 } + (0..<500).map { $0 &* 7919 }
        var expected: [UInt64: Int32] = [:]
        for hash in hashes {
            let (row, inserted) = rows.insert(hash)
            if let known = expected[hash] {
                #expect(!inserted)
                #expect(row == known)
            } else {
                #expect(inserted)
                #expect(row == Int32(expected.count))
                expected[hash] = row
            }
        }
        #expect(rows.count == expected.count)
        for (hash, row) in expected { #expect(rows[hash] == row) }
        #expect(rows[12_345_678_901] == nil)
    }

    @Test func equalWhenTheSameHashesHaveTheSameRowsWhateverTheSlots() {
        var small = FeatureRows(capacity: 1, compact: true)
        var large = FeatureRows(capacity: 4_096)
        for hash in [UInt64(5), 9, 5, 400] {
            _ = small.insert(hash)
            _ = large.insert(hash)
        }
        #expect(small == large)
        _ = large.insert(7)
        #expect(small != large)
    }

    /// The merge adds up the weights of a hash in the order they come and lists hashes in ascending order, as a
    /// stable sort followed by a pass over the runs does: the same bits, so the model's scores do not move.
    @Test(arguments: [0, 1, 2, 17, 300, 2_000])
    func mergesAsAStableSortByHashWould(count: Int) {
        var random = SplitMix64(seed: UInt64(count) + 1)
        let weights: [Float] = [1, 0.5, 0.3, 0.1, 1e-3, 7.25]
        let features = (0..<count).map { _ in
            FeatureHasher.Feature(
                hash: random.next() % UInt64(max(1, count / 3)) &* 0x9E37_79B9_7F4A_7C15,
                weight: weights[Int(random.next() % UInt64(weights.count))])
        }
        let merged = FeatureHasher.merged(features)
        var reference = features.sorted { $0.hash < $1.hash }
        var kept = 0
        for feature in reference {
            if kept > 0 && reference[kept - 1].hash == feature.hash {
                reference[kept - 1].weight += feature.weight
            } else {
                reference[kept] = feature
                kept += 1
            }
        }
        reference.removeLast(reference.count - kept)
        #expect(merged.map(\.hash) == reference.map(\.hash))
        #expect(merged.map(\.weight.bitPattern) == reference.map(\.weight.bitPattern))
    }
}
