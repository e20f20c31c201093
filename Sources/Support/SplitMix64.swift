/// A small deterministic random generator (SplitMix64): the same seed gives the same sequence on every
/// machine, for demonstration data and property tests. Not for secrets.
public struct SplitMix64: Sendable {
    public var state: UInt64

    public init(seed: UInt64) {
        self.state = seed
    }

    public mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number from 0 to `bound` − 1.
    public mutating func below(_ bound: Int) -> Int { Int(self.next() % UInt64(bound)) }
}
