import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Starts Loket's long-lived worker threads with a name visible to `top -H`/`perf` and, for background
/// work, a lower scheduling priority so that acknowledging webhooks keeps the CPU when both compete.
public enum WorkerThread {
    /// Runs `body` on a new thread named `name` (the kernel keeps 15 bytes); `background` threads run
    /// at niceness +10, so under load the backlog waits a little and the 200s do not.
    public static func start(name: String, background: Bool = false, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread {
            // Naming the current thread also names the kernel task (Foundation calls pthread_setname_np).
            Thread.current.name = name
            #if canImport(Glibc)
                // On Linux the nice value is per thread, and `who == 0` is the calling thread.
                if background { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10) }
            #endif
            body()
        }
        thread.start()
    }
}
