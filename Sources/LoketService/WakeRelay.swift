import Synchronization

/// Forwards a wake-up to a target connected later: the inbox (which wakes the dispatcher) and the
/// dispatcher (which yields to the inbox) each need the other at construction.
final class WakeRelay: Sendable {
    /// The closure sits in a concrete struct, not directly in the generic `Mutex`: a bare function
    /// value there is re-abstracted on every `withLock` write-back, which wraps it in one more thunk
    /// per call and made each `fire()` slower than the last.
    private struct Slot {
        var target: (@Sendable () -> Void)?
    }

    private let slot = Mutex(Slot())

    func connect(_ target: @escaping @Sendable () -> Void) {
        self.slot.withLock { $0.target = target }
    }

    func fire() {
        self.slot.withLock { $0.target }?()
    }
}
