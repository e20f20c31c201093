/// Counts the values of a text column as rows go by, comparing bytes instead of making a `String` of each
/// row's value: a report's dimensions hold a few distinct values over tens of thousands of rows.
struct TextTally {
    /// The distinct values in the order they were first seen, with how often each came.
    private(set) var values: [(bytes: [UInt8], count: Int)] = []
    /// Where each value sits in `values`, once there are too many to look through one by one.
    private var index: [[UInt8]: Int] = [:]
    private var latest = 0

    private static let linearLimit = 32

    /// Counts `bytes` once and returns the position of its value in `values`.
    @discardableResult
    mutating func count(_ bytes: UnsafeRawBufferPointer) -> Int {
        if self.latest < self.values.count, self.values[self.latest].bytes.elementsEqual(bytes) {
            self.values[self.latest].count += 1
            return self.latest
        }
        let position: Int
        if self.values.count <= Self.linearLimit {
            position = self.values.firstIndex { $0.bytes.elementsEqual(bytes) } ?? self.add(bytes)
        } else {
            position = self.index[Array(bytes)] ?? self.add(bytes)
        }
        self.values[position].count += 1
        self.latest = position
        return position
    }

    /// The counts by value (values whose bytes are not valid UTF-8 and read alike are added together).
    var counts: [String: Int] {
        var counts: [String: Int] = [:]
        for value in self.values {
            counts[String(decoding: value.bytes, as: UTF8.self), default: 0] += value.count
        }
        return counts
    }

    /// The value at `position`, as text.
    func text(at position: Int) -> String {
        String(decoding: self.values[position].bytes, as: UTF8.self)
    }

    private mutating func add(_ bytes: UnsafeRawBufferPointer) -> Int {
        self.values.append((Array(bytes), 0))
        let position = self.values.count - 1
        if self.values.count > Self.linearLimit {
            if self.index.isEmpty {
                for (existing, value) in self.values.enumerated() { self.index[value.bytes] = existing }
            } else {
                self.index[self.values[position].bytes] = position
            }
        }
        return position
    }
}
