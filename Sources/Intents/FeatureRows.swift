/// Each distinct feature hash and the row it was given, in the order first seen: a model's table from a
/// feature to its weights, and the scratch table that merges a message's repeated features.
///
/// Open addressing with linear probing over the hash itself (already an FNV-1a mix, spread again by one
/// multiplication), so a lookup costs a multiply and a compare or two, where a `[UInt64: Int32]` seeds and
/// finalises SipHash for every feature of every message.
struct FeatureRows: Sendable {
    private var keys: [UInt64]
    /// The row of the key in the same slot; `-1` marks an empty slot.
    private var values: [Int32]
    /// `64 - log2(slot count)`: a hash's slot is the top bits of its product with the golden ratio.
    private var shift: UInt64
    /// Distinct hashes held; the next one gets this row.
    private(set) var count = 0
    /// Whether the table keeps at least a quarter of its slots empty, rather than half.
    private let compact: Bool
    /// How many hashes the table holds before it grows: half its slots, or three quarters when `compact`.
    private let growthLimit: Int

    /// An empty table that holds `capacity` hashes before it grows. A `compact` one keeps at least a quarter of its
    /// slots empty instead of half: a model's table, kept for the whole run, takes the memory a dictionary of its
    /// rows would, and passes through the same sizes as it grows.
    init(capacity: Int = 8, compact: Bool = false) {
        var slots = 16
        while Self.limit(ofSlots: slots, compact: compact) < capacity { slots *= 2 }
        self.init(slots: slots, compact: compact)
    }

    /// An empty table of `slots` slots, a power of two.
    private init(slots: Int, compact: Bool) {
        self.keys = [UInt64](repeating: 0, count: slots)
        self.values = [Int32](repeating: -1, count: slots)
        self.shift = UInt64(64 - slots.trailingZeroBitCount)
        self.compact = compact
        self.growthLimit = Self.limit(ofSlots: slots, compact: compact)
    }

    private static func limit(ofSlots slots: Int, compact: Bool) -> Int {
        compact ? slots / 4 * 3 : slots / 2
    }

    /// The row of `hash`, if it has one.
    subscript(hash: UInt64) -> Int32? {
        let slot = self.slot(of: hash)
        let value = self.values[slot]
        return value < 0 ? nil : value
    }

    /// The row of `hash`, which gets the next one (`count` before the call) if it has none yet.
    /// - Returns: the row, and whether the hash was new.
    mutating func insert(_ hash: UInt64) -> (row: Int32, inserted: Bool) {
        if self.count >= self.growthLimit { self.grow() }
        let slot = self.slot(of: hash)
        let value = self.values[slot]
        if value >= 0 { return (value, false) }
        let row = Int32(self.count)
        self.keys[slot] = hash
        self.values[slot] = row
        self.count += 1
        return (row, true)
    }

    /// The slot that holds `hash`, or the empty one where it would go.
    private func slot(of hash: UInt64) -> Int {
        let mask = self.keys.count - 1
        var slot = Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> self.shift)
        while self.values[slot] >= 0 && self.keys[slot] != hash {
            slot = (slot + 1) & mask
        }
        return slot
    }

    private mutating func grow() {
        var larger = FeatureRows(slots: self.keys.count * 2, compact: self.compact)
        for (key, value) in zip(self.keys, self.values) where value >= 0 {
            let slot = larger.slot(of: key)
            larger.keys[slot] = key
            larger.values[slot] = value
        }
        larger.count = self.count
        self = larger
    }
}

extension FeatureRows: Equatable {
    /// The same hashes with the same rows, however the slots fell.
    static func == (lhs: FeatureRows, rhs: FeatureRows) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (key, value) in zip(lhs.keys, lhs.values) where value >= 0 {
            guard rhs[key] == value else { return false }
        }
        return true
    }
}
