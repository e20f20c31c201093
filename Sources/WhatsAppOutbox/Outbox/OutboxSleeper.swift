import Foundation

/// How a sender worker waits for its next due message, and how it is woken early when new rows arrive.
public protocol OutboxSleeper: Sendable {
    /// Blocks until `deadline`, or until `wake()` is called (a wake before the wait is not lost).
    func sleep(until deadline: Date)
    /// Ends the current or next `sleep`.
    func wake()
}

/// Waits on a condition variable against the system clock.
///
/// `@unchecked Sendable`: `woken` is read and written only while `condition` is locked.
public final class ConditionSleeper: OutboxSleeper, @unchecked Sendable {
    private let condition = NSCondition()
    private var woken = false

    public init() {}

    public func sleep(until deadline: Date) {
        self.condition.lock()
        defer { self.condition.unlock() }
        while !self.woken {
            if !self.condition.wait(until: deadline) { break }
        }
        self.woken = false
    }

    public func wake() {
        self.condition.lock()
        self.woken = true
        self.condition.unlock()
        // After the unlock: woken while the lock is held, the worker would only sleep again on it.
        self.condition.broadcast()
    }
}
