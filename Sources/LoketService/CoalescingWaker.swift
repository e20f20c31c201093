import Dispatch
import Synchronization

/// Passes wake-ups on at most once per `interval`: the first at once, later ones folded into one
/// trailing call. Staff actions and timers wake every outbox worker (they do not say whom they wrote
/// to), so waking on each of their commits under load would make every worker rescan the queue.
final class CoalescingWaker: Sendable {
    private struct State {
        var lastFired: UInt64 = 0
        var trailingScheduled = false
    }

    private let state = Mutex(State())
    private let intervalNanoseconds: UInt64
    private let queue = DispatchQueue(label: "loket.waker")
    private let target: @Sendable () -> Void

    init(interval: Duration, target: @escaping @Sendable () -> Void) {
        let (seconds, attoseconds) = interval.components
        self.intervalNanoseconds = UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
        self.target = target
    }

    func wake() {
        let now = DispatchTime.now().uptimeNanoseconds
        let fireNow: Bool = self.state.withLock { state in
            if state.trailingScheduled { return false }
            if now &- state.lastFired >= self.intervalNanoseconds {
                state.lastFired = now
                return true
            }
            state.trailingScheduled = true
            let due = state.lastFired &+ self.intervalNanoseconds
            self.queue.asyncAfter(deadline: DispatchTime(uptimeNanoseconds: due)) {
                self.state.withLock { state in
                    state.trailingScheduled = false
                    state.lastFired = DispatchTime.now().uptimeNanoseconds
                }
                self.target()
            }
            return false
        }
        if fireNow { self.target() }
    }
}
