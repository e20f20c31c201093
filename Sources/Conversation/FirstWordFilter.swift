/// A Bloom filter of the words that begin a `PhraseIndex`'s phrases: most of a message's words begin no phrase of a
/// list, and the filter tells so from a word's bytes, without hashing the word as a dictionary key (Swift's
/// `Hasher`, over a string's Unicode-normalised form, costs several times as much). A word it lets through is looked
/// up as before, so the filter changes no answer, only how many words are looked up.
///
/// A word outside ASCII is always let through, and a list with a key outside ASCII has no filter: an ASCII word can
/// be canonically equivalent to such a key ("K" and the Kelvin sign), which its bytes would not show.
struct FirstWordFilter: Equatable, Sendable {
    private var bits: [UInt64]
    private var mask: Int

    /// A filter that lets through every word of `keys` (each as the index compares words, see `hash(_:)`).
    init(_ keys: some Collection<Substring>) {
        // Sixteen bits a key, two bits set for each: about one word in seventy that begins no phrase is let through.
        let size = max(64, 1 << (Int.bitWidth - (max(1, keys.count) * 16 - 1).leadingZeroBitCount))
        self.bits = Array(repeating: 0, count: size / 64)
        self.mask = size - 1
        for key in keys {
            guard let hash = Self.hash(key) else {
                self.bits = []
                return
            }
            let (first, second) = self.positions(of: hash)
            self.bits[first >> 6] |= 1 << UInt64(first & 63)
            self.bits[second >> 6] |= 1 << UInt64(second & 63)
        }
    }

    /// Whether a word whose `hash(_:)` is `hash` may be one of the keys: false only when it certainly is none.
    func mayContain(hash: UInt64?) -> Bool {
        guard !self.bits.isEmpty, let hash else { return true }
        let (first, second) = self.positions(of: hash)
        return self.bits[first >> 6] & (1 << UInt64(first & 63)) != 0
            && self.bits[second >> 6] & (1 << UInt64(second & 63)) != 0
    }

    private func positions(of hash: UInt64) -> (Int, Int) {
        let mixed = hash &* 0x9e37_79b9_7f4a_7c15
        return (Int(truncatingIfNeeded: mixed >> 40) & self.mask, Int(truncatingIfNeeded: mixed >> 17) & self.mask)
    }

    /// FNV-1a of `word`'s bytes, nil when one is outside ASCII. A final "2" of a word of three bytes or more is left
    /// out, on both sides, so that "tanya2" is let through wherever "tanya" is (`PhraseIndex.unrepeated`).
    static func hash(_ word: Substring) -> UInt64? {
        var bytes = word.utf8[...]
        if bytes.count >= 3, bytes.last == UInt8(ascii: "2") { bytes = bytes.dropLast() }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
