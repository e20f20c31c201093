extension Dictionary {
    /// Sets `value` for `key`; when `key` is new and `capacity` entries are held already, a quarter of them (any)
    /// are dropped first. For caches whose entries are cheap to make again.
    mutating func set(_ value: Value, for key: Key, capacity: Int) {
        if self[key] == nil, self.count >= capacity {
            for dropped in Array(self.keys.prefix(Swift.max(1, capacity / 4))) { self[dropped] = nil }
        }
        self[key] = value
    }
}
