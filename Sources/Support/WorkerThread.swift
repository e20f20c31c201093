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
            Self.nameCurrentThread(name)
            #if canImport(Glibc)
                // On Linux the nice value is per thread, and `who == 0` is the calling thread.
                if background { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10) }
            #endif
            body()
        }
        thread.start()
    }

    /// Names the calling thread `name`, for Foundation and for the kernel task (`top -H`, `perf`; the kernel
    /// keeps 15 bytes). The kernel name is written directly: Foundation's own call does not always reach it.
    private static func nameCurrentThread(_ name: String) {
        Thread.current.name = name
        #if os(Linux)
            let descriptor = open("/proc/thread-self/comm", O_WRONLY)
            guard descriptor >= 0 else { return }
            defer { close(descriptor) }
            let bytes = Array(name.utf8.prefix(15))
            _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        #endif
    }
}
