import Synchronization

/// Values by string key, at most `capacity` of them: when a new key would pass it, a quarter of the entries (any)
/// are dropped first. For what is cheap to make again; safe to share between threads.
final class BoundedCache<Value: Sendable>: Sendable {
    let capacity: Int
    private let entries = Mutex<[String: Value]>([:])

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    subscript(key: String) -> Value? {
        self.entries.withLock { $0[key] }
    }

    func set(_ value: Value, for key: String) {
        self.entries.withLock { entries in
            if entries[key] == nil, entries.count >= self.capacity {
                for dropped in Array(entries.keys.prefix(max(1, self.capacity / 4))) { entries[dropped] = nil }
            }
            entries[key] = value
        }
    }

    func remove(_ key: String) {
        _ = self.entries.withLock { $0.removeValue(forKey: key) }
    }

    var count: Int { self.entries.withLock { $0.count } }
}
