import Foundation
import Synchronization

/// Who goes first at the single database writer: the inbox, while webhooks wait to be acknowledged.
///
/// The inbox says when it turns busy and idle; dispatcher lanes check `isBusy` before taking the writer and,
/// when it is busy, wait for the inbox to turn idle (or a deadline) instead of polling. The inbox pays for the
/// signal only while a lane waits.
///
/// `@unchecked Sendable`: `condition` is only used through its lock; the flags are atomics.
public final class IntakePriority: @unchecked Sendable {
    private let busy = Atomic<Bool>(false)
    private let waiting = Atomic<Int>(0)
    private let condition = NSCondition()

    public init() {}

    /// Whether webhooks are queued or being written.
    public var isBusy: Bool { self.busy.load(ordering: .sequentiallyConsistent) }

    /// Called by the inbox when webhooks arrive (`true`) and when it has written everything (`false`).
    public func setBusy(_ busy: Bool) {
        self.busy.store(busy, ordering: .sequentiallyConsistent)
        guard !busy, self.waiting.load(ordering: .sequentiallyConsistent) > 0 else { return }
        self.condition.lock()
        self.condition.broadcast()
        self.condition.unlock()
    }

    /// Waits while the inbox is busy, until `deadline` at most; returns at once when it is idle.
    public func waitWhileBusy(until deadline: Date) {
        // Counted before the check, so an inbox turning idle right after it still signals this waiter.
        self.waiting.add(1, ordering: .sequentiallyConsistent)
        self.condition.lock()
        while self.isBusy, self.condition.wait(until: deadline) {}
        self.condition.unlock()
        self.waiting.subtract(1, ordering: .sequentiallyConsistent)
    }
}
