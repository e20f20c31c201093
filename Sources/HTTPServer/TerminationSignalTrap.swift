import Dispatch
import Glibc
import Synchronization

/// Traps SIGTERM and SIGINT with Dispatch signal sources and runs a handler on the first one.
///
/// On Linux, Dispatch installs its own handler for a watched signal, so the signal must not be set
/// to `SIG_IGN` (an ignored signal is discarded before Dispatch sees it). The initializer returns
/// once every source is registered, so a signal sent right after it is caught. Keep the trap alive
/// as long as the signals should be caught.
public final class TerminationSignalTrap: Sendable {
    private let sources: Mutex<[any DispatchSourceSignal]>

    /// Watches `signals` and calls `handler` once, on `queue`, with the first one received;
    /// further signals are swallowed.
    public init(
        signals: [Int32] = [SIGTERM, SIGINT],
        queue: DispatchQueue = DispatchQueue(label: "loket.signals"),
        handler: @escaping @Sendable (Int32) -> Void
    ) {
        let fired = Atomic<Bool>(false)
        let registered = DispatchSemaphore(value: 0)
        var created: [any DispatchSourceSignal] = []
        for signalNumber in signals {
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler {
                if !fired.exchange(true, ordering: .relaxed) { handler(signalNumber) }
            }
            source.setRegistrationHandler { registered.signal() }
            source.resume()
            created.append(source)
        }
        for _ in signals { registered.wait() }
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
