import Foundation

/// One mutex with several condition variables, so threads that share state but wait for different things
/// each have their own: a signal wakes the one thread it concerns instead of every waiter re-checking and
/// sleeping again (each such spurious wake-up costs two context switches).
///
/// Signal after the unlock where the state allows it (the waiter checks its condition under the lock, so no
/// wake-up is lost): a thread signalled while the lock is still held wakes only to sleep on the lock, and is
/// woken a second time when it is released.
///
/// ```swift
/// let group = ConditionGroup(count: 2)  // 0: the producer waits here, 1: the consumer
/// group.lock()
/// while queue.isEmpty { group.wait(1) }
/// let item = queue.removeFirst()
/// group.unlock()
/// group.signal(0)
/// ```
///
/// `@unchecked Sendable`: the pthread objects are used only through their thread-safe functions.
public final class ConditionGroup: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let conditions: UnsafeMutablePointer<pthread_cond_t>
    /// How many condition variables the group has.
    public let count: Int

    public init(count: Int) {
        precondition(count > 0, "Invalid condition group: at least one condition is needed")
        self.count = count
        self.mutex = .allocate(capacity: 1)
        self.mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(self.mutex, nil)
        self.conditions = .allocate(capacity: count)
        for index in 0..<count {
            (self.conditions + index).initialize(to: pthread_cond_t())
            pthread_cond_init(self.conditions + index, nil)
        }
    }

    deinit {
        for index in 0..<self.count { pthread_cond_destroy(self.conditions + index) }
        self.conditions.deallocate()
        pthread_mutex_destroy(self.mutex)
        self.mutex.deallocate()
    }

    public func lock() {
        pthread_mutex_lock(self.mutex)
    }

    public func unlock() {
        pthread_mutex_unlock(self.mutex)
    }

    /// Waits on condition `index`, the lock held; may return without a signal, so call it in a loop.
    public func wait(_ index: Int) {
        pthread_cond_wait(self.conditions + index, self.mutex)
    }

    /// Waits on condition `index` until `deadline`, the lock held.
    /// - Returns: false when the deadline passed.
    @discardableResult
    public func wait(_ index: Int, until deadline: Date) -> Bool {
        let seconds = max(0, deadline.timeIntervalSince1970)
        var time = timespec(
            tv_sec: Int(seconds), tv_nsec: Int((seconds - seconds.rounded(.down)) * 1_000_000_000))
        return pthread_cond_timedwait(self.conditions + index, self.mutex, &time) != ETIMEDOUT
    }

    /// Wakes one thread waiting on condition `index`.
    public func signal(_ index: Int) {
        pthread_cond_signal(self.conditions + index)
    }

    /// Wakes every thread waiting on condition `index`.
    public func broadcast(_ index: Int) {
        pthread_cond_broadcast(self.conditions + index)
    }

    /// Wakes every thread waiting on any condition of the group.
    public func broadcastAll() {
        for index in 0..<self.count { pthread_cond_broadcast(self.conditions + index) }
    }
}
