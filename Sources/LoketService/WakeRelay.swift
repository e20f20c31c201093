import Synchronization

/// Forwards a wake-up to a target connected later: the inbox (which wakes the dispatcher) and the
/// dispatcher (which yields to the inbox) each need the other at construction.
final class WakeRelay: Sendable {
    private let target = Mutex<(@Sendable () -> Void)?>(nil)

    func connect(_ target: @escaping @Sendable () -> Void) {
        self.target.withLock { $0 = target }
    }

    func fire() {
        self.target.withLock { $0 }?()
    }
}
