import Dispatch
import Glibc
import Support
import Synchronization

/// An HTTP/1.1 server on non-blocking POSIX sockets and epoll event-loop threads.
///
/// Persistent connections, pipelined requests answered in request order whatever order the
/// responder completes them in, `Content-Length` bodies (chunked bodies are answered 411), size
/// limits, a header-read and an idle timeout, a cap on open connections, and a graceful stop.
///
/// The responder is called on an event-loop thread and must not block it: hand slow work
/// (SQLite, curl) to another thread and call the completion from there.
///
/// ```swift
/// let server = HTTPServer(configuration: try HTTPServerConfiguration(address: "127.0.0.1:8080"),
///                         responder: router, log: { level, line in print(level, line) })
/// try server.start()
/// let trap = TerminationSignalTrap { _ in server.stop(timeout: .seconds(10)) }
/// server.waitUntilStopped()
/// ```
public final class HTTPServer: Service {
    private enum RunState {
        case created
        case running(listenFD: Int32, port: Int, loops: [HTTPEventLoop])
        case stopping(port: Int)
        case stopped(port: Int)
    }

    private let context: HTTPServerContext
    private let state = Mutex(RunState.created)
    private let stopped = DispatchSemaphore(value: 0)

    /// A server that hands each request to `responder`.
    ///
    /// - Parameters:
    ///   - observer: called on the event-loop thread for every response queued (also the 4xx the
    ///     server itself answers, with an empty method and path); keep it cheap, e.g. bump counters.
    ///   - log: receives one key=value line per notable event, with its level: starting and stopping at
    ///     `info`, a client or the body budget at its limit at `warning`, accepting paused for want of
    ///     descriptors and a loop that failed at `error`.
    public init(
        configuration: HTTPServerConfiguration,
        responder: any HTTPResponder,
        observer: (@Sendable (HTTPExchange) -> Void)? = nil,
        log: @escaping @Sendable (Logger.Level, String) -> Void = { _, _ in }
    ) {
        self.context = HTTPServerContext(
            configuration: configuration, responder: responder, observer: observer, log: log)
    }

    public var configuration: HTTPServerConfiguration {
        self.context.configuration
    }

    /// The bound TCP port once started (useful with port 0), else 0.
    public var port: Int {
        self.state.withLock { state in
            switch state {
            case .created: 0
            case .running(_, let port, _), .stopping(let port), .stopped(let port): port
            }
        }
    }

    /// Connections turned away since start, by reason: `descriptors` (no file descriptor to accept
    /// with), `client_limit` (the client held its share; a health check is still served) and
    /// `connection_limit` (the cap and the headroom were full); `body_budget` counts requests refused at
    /// their head because their body did not fit the buffered-bytes budget.
    public var refusedConnections: [(reason: String, count: Int)] {
        [
            ("descriptors", self.context.descriptorShortages.load(ordering: .relaxed)),
            ("client_limit", self.context.clientRefusals.load(ordering: .relaxed)),
            ("connection_limit", self.context.overCapRefusals.load(ordering: .relaxed)),
            ("body_budget", self.context.bodyBudgetRefusals.load(ordering: .relaxed)),
        ]
    }

    /// Body bytes announced by requests whose bodies are still arriving.
    public var bufferedBodyBytes: Int {
        self.context.bufferedBodyBytes.load(ordering: .relaxed)
    }

    /// Connections open right now.
    public var openConnectionCount: Int {
        self.context.openConnections.load(ordering: .relaxed)
    }

    /// Binds, listens and starts the event loops; returns once the server accepts connections.
    public func start() throws(HTTPServerError) {
        try self.state.withLock { (state) throws(HTTPServerError) -> Void in
            guard case .created = state else { throw .alreadyStarted }
            let (listenFD, port) = try Self.listen(self.context.configuration)
            var loops: [HTTPEventLoop] = []
            for index in 0..<max(1, self.context.configuration.eventLoopCount) {
                do throws(HTTPServerError) {
                    loops.append(try HTTPEventLoop(index: index, listenFD: listenFD, context: self.context))
                } catch {
                    Glibc.close(listenFD)
                    throw error
                }
            }
            self.context.loops.withLock { $0 = loops }
            for loop in loops { loop.start() }
            state = .running(listenFD: listenFD, port: port, loops: loops)
        }
        let configuration = self.context.configuration
        self.context.log(
            .info,
            "event=http_listening addr=\(configuration.host):\(self.port) loops=\(configuration.eventLoopCount)")
    }

    /// Stops accepting, closes idle connections, lets requests in flight finish and their
    /// responses flush, then returns. Connections still busy after `timeout` are closed.
    /// Calling it again, or before `start()`, returns at once.
    public func stop() { self.stop(timeout: .seconds(10)) }

    public func stop(timeout: Duration) {
        let running: (Int32, [HTTPEventLoop])? = self.state.withLock { state in
            switch state {
            case .running(let listenFD, let port, let loops):
                state = .stopping(port: port)
                return (listenFD, loops)
            case .created:
                state = .stopped(port: 0)
                self.stopped.signal()
                return nil
            case .stopping, .stopped:
                return nil
            }
        }
        guard let (listenFD, loops) = running else { return }
        for loop in loops { loop.requestStop() }
        for loop in loops { loop.listenReleased.wait() }
        Glibc.close(listenFD)
        let deadline = DispatchTime.now() + .nanoseconds(Int(HTTPEventLoop.nanoseconds(timeout)))
        var forced = 0
        for loop in loops where loop.finished.wait(timeout: deadline) == .timedOut {
            forced += 1
            loop.requestForceClose()
            loop.finished.wait()
        }
        self.context.loops.withLock { $0 = [] }
        self.state.withLock { state in
            if case .stopping(let port) = state { state = .stopped(port: port) }
        }
        self.context.log(.info, "event=http_stopped forced_loops=\(forced)")
        self.stopped.signal()
    }

    /// Blocks the calling thread until `stop(timeout:)` has finished.
    public func waitUntilStopped() {
        self.stopped.wait()
        self.stopped.signal()
    }
}
