import Dispatch
import Glibc
import Synchronization

/// Traps SIGTERM and SIGINT with Dispatch signal sources and runs a handler on the first one.
///
/// Keep the trap alive as long as the signals should be caught; `cancel()` restores nothing
/// (the signals stay ignored) but stops calling the handler.
public final class TerminationSignalTrap: Sendable {
    private let sources: Mutex<[any DispatchSourceSignal]>

    /// Ignores the default action of `signals` and calls `handler` once, on `queue`, with the
    /// first one received. Further signals are ignored.
    public init(
        signals: [Int32] = [SIGTERM, SIGINT],
        queue: DispatchQueue = DispatchQueue(label: "loket.signals"),
        handler: @escaping @Sendable (Int32) -> Void
    ) {
        let fired = Atomic<Bool>(false)
        var created: [any DispatchSourceSignal] = []
        for signalNumber in signals {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler {
                if !fired.exchange(true, ordering: .relaxed) { handler(signalNumber) }
            }
            source.resume()
            created.append(source)
        }
        self.sources = Mutex(created)
    }

    /// Stops watching the signals.
    public func cancel() {
        self.sources.withLock { sources in
            for source in sources { source.cancel() }
            sources.removeAll()
        }
    }
}
