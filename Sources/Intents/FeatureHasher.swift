/// Turns normalised tokens into weighted, hashed features: words, word pairs and character n-grams.
struct FeatureHasher: Equatable, Sendable {
    /// One hashed feature and its weight in the message.
    struct Feature: Equatable, Sendable {
        var hash: UInt64
        var weight: Float
    }

    var wordWeight: Float
    var pairWeight: Float
    var characterWeight: Float
    var characterSizes: ClosedRange<Int>

    init(options: IntentRecognizer.Options) {
        self.wordWeight = options.wordWeight
        self.pairWeight = options.pairWeight
        self.characterWeight = options.characterWeight
        self.characterSizes =
            options.shortestCharacterGram...max(options.shortestCharacterGram, options.longestCharacterGram)
    }

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    func features(_ tokens: [String]) -> [Feature] {
        var features: [Feature] = []
        features.reserveCapacity(tokens.count * 16)
        var bytes: [UInt8] = [32]
        var previous = Self.hash(of: "<s>".utf8, seed: 1)
        for token in tokens where token != "," {
            let word = Self.hash(of: token.utf8, seed: 1)
            features.append(Feature(hash: word, weight: self.wordWeight))
            features.append(Feature(hash: Self.mix(previous, word), weight: self.pairWeight))
            previous = word
            bytes.append(contentsOf: token.utf8)
            bytes.append(32)
        }
        if !tokens.isEmpty {
            features.append(
                Feature(hash: Self.mix(previous, Self.hash(of: "</s>".utf8, seed: 1)), weight: self.pairWeight))
        }
        if bytes.count > 1 {
            for size in self.characterSizes where bytes.count >= size {
                let seed = UInt64(size) &* 0x9E37_79B9_7F4A_7C15
                for start in 0...(bytes.count - size) {
                    var hash = Self.offsetBasis ^ seed
                    for index in start..<(start + size) {
                        hash = (hash ^ UInt64(bytes[index])) &* Self.prime
                    }
                    features.append(Feature(hash: hash, weight: self.characterWeight))
                }
            }
        }
        return features
    }

    private static func hash(of bytes: String.UTF8View, seed: UInt64) -> UInt64 {
        var hash = Self.offsetBasis ^ seed
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* Self.prime
        }
        return hash
    }

    private static func mix(_ first: UInt64, _ second: UInt64) -> UInt64 {
        (first &* 0x9E37_79B9_7F4A_7C15) ^ (second &+ 0x632B_E59B_D9B4_E019) &* Self.prime
    }
}
