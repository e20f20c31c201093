import CEpoll
import Dispatch
import Foundation
import Glibc
import Support
import Synchronization

/// One epoll event-loop thread: accepts connections, reads and parses requests, hands them to the
/// responder, and writes the responses back in request order.
///
/// `@unchecked Sendable` is safe because the state below the "loop thread only" mark is touched
/// only by the loop's own thread (`run()` and what it calls); other threads reach the loop only
/// through `complete(_:)`, `requestStop()` and `requestForceClose()`, which go through the
/// mutex-guarded mailbox and the eventfd.
final class HTTPEventLoop: @unchecked Sendable {
    /// A response produced by the responder, on any thread.
    struct Completion {
        var fd: Int32
        var connectionID: UInt64
        var sequence: UInt64
        var response: HTTPResponse
    }

    /// Bytes for a streamed response, from any thread.
    struct StreamWrite {
        var fd: Int32
        var connectionID: UInt64
        var bytes: [UInt8]
        var finish: Bool
    }

    private struct Mailbox {
        var completions: [Completion] = []
        var streamWrites: [StreamWrite] = []
        /// Accepted sockets handed over by the loop that accepted them.
        var adopted: [Int32] = []
        /// Set when the loop has returned; sockets handed over after that are closed at once.
        var exited = false
        var stopRequested = false
        var forceCloseRequested = false
    }

    private static let listenKey = UInt64.max
    private static let wakeKey = UInt64.max - 1
    private static let readInterest = EPOLLIN.rawValue
    private static let writeInterest = EPOLLOUT.rawValue
    /// Unsent response bytes beyond which a connection's requests are not read, so a client that
    /// pipelines without reading cannot make the server buffer without bound.
    private static let outputHighWater = 1 << 20
    private static let continueBytes = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
    private static let overloadBytes = Array(
        "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8)

    private let context: HTTPServerContext
    private let epollFD: Int32
    private let wakeFD: Int32
    private let listenFD: Int32
    private let index: Int
    private let mailbox = Mutex(Mailbox())
    private let wakePending = Atomic<Bool>(false)
    private let threadID = Atomic<UInt>(0)
    /// Signalled when the loop no longer watches the listening socket.
    let listenReleased = DispatchSemaphore(value: 0)
    /// Signalled when the loop thread has closed every connection and returned.
    let finished = DispatchSemaphore(value: 0)

    // Loop thread only.
    private var connections: [Int32: HTTPConnection] = [:]
    private var localCompletions: [Completion] = []
    private var dirty: [HTTPConnection] = []
    private var stopping = false
    private var watchesListener = true
    /// While descriptors are short, the listener is out of epoll until this instant (monotonic ns), so a
    /// readable listener cannot spin the loop.
    private var acceptPausedUntil: UInt64?
    private var now: UInt64 = 0
    private var dates = HTTPDateCache()
    private var nextConnectionID: UInt64 = 0
    private let readBuffer: UnsafeMutableRawBufferPointer

    init(index: Int, listenFD: Int32, context: HTTPServerContext) throws(HTTPServerError) {
        self.index = index
        self.listenFD = listenFD
        self.context = context
        let address = "\(context.configuration.host):\(context.configuration.port)"
        self.epollFD = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard self.epollFD >= 0 else { throw .systemCall("epoll_create1", errno: errno, address: address) }
        self.wakeFD = eventfd(0, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC))
        guard self.wakeFD >= 0 else {
            let code = errno
            Glibc.close(self.epollFD)
            throw .systemCall("eventfd", errno: code, address: address)
        }
        self.readBuffer = .allocate(byteCount: 64 * 1024, alignment: 16)
        var listenEvent = Self.listenEvent(loops: context.configuration.eventLoopCount)
        var wakeEvent = epoll_event(events: Self.readInterest, data: epoll_data_t(u64: Self.wakeKey))
        guard epoll_ctl(self.epollFD, EPOLL_CTL_ADD, listenFD, &listenEvent) == 0,
            epoll_ctl(self.epollFD, EPOLL_CTL_ADD, self.wakeFD, &wakeEvent) == 0
        else {
            let code = errno
            Glibc.close(self.epollFD)
            Glibc.close(self.wakeFD)
            self.readBuffer.deallocate()
            throw .systemCall("epoll_ctl", errno: code, address: address)
        }
        self.nextConnectionID = UInt64(index) << 56
    }

    deinit {
        Glibc.close(self.epollFD)
        Glibc.close(self.wakeFD)
        self.readBuffer.deallocate()
    }

    /// Starts the loop's thread.
    func start() {
        WorkerThread.start(name: "loket-http-\(self.index)") { [self] in self.run() }
    }

    // MARK: Calls from any thread

    /// Hands a response back to the loop; called by the responder's completion on any thread.
    func complete(_ completion: Completion) {
        if self.threadID.load(ordering: .relaxed) == UInt(pthread_self()) {
            self.localCompletions.append(completion)
            return
        }
        self.mailbox.withLock { $0.completions.append(completion) }
        self.wake()
    }

    /// Hands bytes of a streamed response to the loop that serves its connection.
    func stream(_ write: StreamWrite) {
        self.mailbox.withLock { $0.streamWrites.append(write) }
        self.wake()
    }

    /// Hands an accepted socket to this loop, which serves it from then on.
    func adopt(_ fd: Int32) {
        let accepted = self.mailbox.withLock { mailbox in
            guard !mailbox.exited else { return false }
            mailbox.adopted.append(fd)
            return true
        }
        guard accepted else {
            Glibc.close(fd)
            self.context.openConnections.subtract(1, ordering: .relaxed)
            return
        }
        self.wake()
    }

    /// Stops accepting, closes idle connections and finishes the requests in flight.
    func requestStop() {
        self.mailbox.withLock { $0.stopRequested = true }
        self.wake()
    }

    /// Closes every connection now, answered or not.
    func requestForceClose() {
        self.mailbox.withLock { $0.forceCloseRequested = true }
        self.wake()
    }

    private func wake() {
        if !self.wakePending.exchange(true, ordering: .acquiringAndReleasing) {
            var one: UInt64 = 1
            _ = Glibc.write(self.wakeFD, &one, 8)
        }
    }
}

// MARK: The loop thread

extension HTTPEventLoop {
    private func run() {
        self.threadID.store(UInt(pthread_self()), ordering: .relaxed)
        let tick = self.sweepInterval
        var events = [epoll_event](repeating: epoll_event(), count: 256)
        self.now = Self.monotonicNow()
        var nextSweep = self.now + tick
        while true {
            let wakeAt = min(nextSweep, self.acceptPausedUntil ?? nextSweep)
            let waitMilliseconds = Int32(clamping: (wakeAt &- min(wakeAt, self.now)) / 1_000_000 + 1)
            let count = events.withUnsafeMutableBufferPointer {
                epoll_wait(self.epollFD, $0.baseAddress, Int32($0.count), waitMilliseconds)
            }
            self.now = Self.monotonicNow()
            if count < 0, errno != EINTR {
                self.context.log(.error, "event=http_loop_failed loop=\(self.index) errno=\(errno)")
                break
            }
            for position in 0..<Int(max(0, count)) {
                let event = events[position]
                switch event.data.u64 {
                case Self.listenKey: self.acceptConnections()
                case Self.wakeKey: self.drainMailbox()
                default: self.handle(events: event.events, fd: Int32(truncatingIfNeeded: event.data.u64))
                }
            }
            self.settle()
            if let until = self.acceptPausedUntil, self.now >= until { self.resumeAccepting() }
            if self.now >= nextSweep {
                self.sweep()
                self.settle()
                nextSweep = self.now + tick
            }
            if self.stopping, self.connections.isEmpty { break }
        }
        for connection in Array(self.connections.values) { self.close(connection) }
        if self.watchesListener { self.releaseListener() }
        let orphans = self.mailbox.withLock { mailbox in
            mailbox.exited = true
            defer { mailbox.adopted.removeAll() }
            return mailbox.adopted
        }
        for fd in orphans {
            Glibc.close(fd)
            self.context.openConnections.subtract(1, ordering: .relaxed)
        }
        self.finished.signal()
    }

    /// Applies responses completed on this thread and writes every connection with something to send,
    /// until nothing more is ready.
    private func settle() {
        while !self.localCompletions.isEmpty || !self.dirty.isEmpty {
            let completions = self.localCompletions
            self.localCompletions.removeAll(keepingCapacity: true)
            for completion in completions { self.apply(completion) }
            let connections = self.dirty
            self.dirty.removeAll(keepingCapacity: true)
            for connection in connections {
                connection.isDirty = false
                self.flush(connection)
            }
        }
    }

    private var sweepInterval: UInt64 {
        let configuration = self.context.configuration
        let shortest = min(configuration.headerReadTimeout, configuration.idleTimeout)
        let nanoseconds = UInt64(max(0, Self.nanoseconds(shortest) / 4))
        return min(max(nanoseconds, 2_000_000), 500_000_000)
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    static func monotonicNow() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    private func releaseListener() {
        self.watchesListener = false
        if self.acceptPausedUntil != nil {
            // Already out of epoll while accepting pauses.
            self.acceptPausedUntil = nil
            self.listenReleased.signal()
            return
        }
        var unused = epoll_event()
        _ = epoll_ctl(self.epollFD, EPOLL_CTL_DEL, self.listenFD, &unused)
        self.listenReleased.signal()
    }

    private func drainMailbox() {
        var counter: UInt64 = 0
        _ = Glibc.read(self.wakeFD, &counter, 8)
        self.wakePending.store(false, ordering: .sequentiallyConsistent)
        let mail = self.mailbox.withLock { mailbox in
            let taken = mailbox
            mailbox.completions.removeAll(keepingCapacity: true)
            mailbox.adopted.removeAll(keepingCapacity: true)
            mailbox.streamWrites.removeAll(keepingCapacity: true)
            return taken
        }
        for completion in mail.completions { self.apply(completion) }
        for write in mail.streamWrites { self.applyStreamWrite(write) }
        for fd in mail.adopted { self.serve(fd) }
        if mail.stopRequested, !self.stopping { self.beginStopping() }
        if mail.forceCloseRequested {
            self.stopping = true
            for connection in Array(self.connections.values) { self.close(connection) }
        }
    }

    private func beginStopping() {
        self.stopping = true
        if self.watchesListener { self.releaseListener() }
        for connection in Array(self.connections.values) {
            connection.stopsParsing = true
            if connection.slots.isEmpty, !connection.hasPendingOutput { self.close(connection) }
        }
    }

    /// Takes the listener out of epoll for a moment: with no descriptor free, it stays readable and every
    /// wait would return at once. Pending clients stay in the kernel's backlog meanwhile.
    private func pauseAccepting() {
        guard self.watchesListener, self.acceptPausedUntil == nil else { return }
        var unused = epoll_event()
        _ = epoll_ctl(self.epollFD, EPOLL_CTL_DEL, self.listenFD, &unused)
        self.acceptPausedUntil = self.now + Self.acceptPause
    }

    /// Watches the listener again after a pause.
    private func resumeAccepting() {
        guard self.acceptPausedUntil != nil else { return }
        self.acceptPausedUntil = nil
        guard self.watchesListener, !self.stopping else { return }
        var listenEvent = Self.listenEvent(loops: self.context.configuration.eventLoopCount)
        _ = epoll_ctl(self.epollFD, EPOLL_CTL_ADD, self.listenFD, &listenEvent)
    }

    /// The listener's registration: exclusive wake-ups when several loops watch it.
    private static func listenEvent(loops: Int) -> epoll_event {
        let exclusive: UInt32 = loops > 1 ? EPOLLEXCLUSIVE.rawValue : 0
        return epoll_event(events: Self.readInterest | exclusive, data: epoll_data_t(u64: Self.listenKey))
    }

    /// Answers 503 with `Retry-After` on a socket never served, and closes it.
    private func refuse(_ fd: Int32) {
        Self.overloadBytes.withUnsafeBytes { _ = send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        Glibc.close(fd)
        self.context.openConnections.subtract(1, ordering: .relaxed)
    }

    /// How long accepting pauses when descriptors run out.
    static let acceptPause: UInt64 = 100_000_000

    private func acceptConnections() {
        for _ in 0..<64 {
            let fd = cepoll_accept_nonblocking(self.listenFD)
            guard fd >= 0 else {
                let code = errno
                if code == EMFILE || code == ENFILE {
                    self.context.noteDescriptorShortage(errno: code, now: self.now)
                    self.pauseAccepting()
                }
                return
            }
            let open = self.context.openConnections.add(1, ordering: .relaxed).newValue
            if !self.stopping, open > self.context.connectionCap, self.context.admitToReserve() {
                // Every regular connection is taken: this one may still answer a health check.
                self.serve(fd, reserve: true)
                continue
            }
            if self.stopping || open > self.context.connectionCap {
                if !self.stopping { self.context.overCapRefusals.add(1, ordering: .relaxed) }
                self.refuse(fd)
                continue
            }
            if let loop = self.context.nextLoop(), loop !== self {
                loop.adopt(fd)
            } else {
                self.serve(fd)
            }
        }
    }

    /// Starts serving an accepted socket on this loop; `reserve` when it was taken into the headroom.
    private func serve(_ fd: Int32, reserve: Bool = false) {
        if self.stopping {
            Glibc.close(fd)
            if reserve { self.context.reserveConnections.subtract(1, ordering: .relaxed) }
            self.context.openConnections.subtract(1, ordering: .relaxed)
            return
        }
        var reserve = reserve
        var client: String?
        let peer = HTTPServerContext.peerAddress(of: fd)
        if !reserve, let address = peer {
            if self.context.admit(client: address) {
                client = address
            } else if self.context.admitToReserve() {
                // A client over its share may still ask for the health check, and only that.
                self.context.noteClientRefusal(address, now: self.now)
                reserve = true
            } else {
                // One client may not take every connection; others stay served.
                self.context.noteClientRefusal(address, now: self.now)
                return self.refuse(fd)
            }
        }
        var enabled: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &enabled, socklen_t(MemoryLayout<Int32>.size))
        self.nextConnectionID += 1
        let connection = HTTPConnection(
            fd: fd, id: self.nextConnectionID, limits: self.context.configuration.parserLimits, now: self.now,
            interest: Self.readInterest)
        connection.isReserve = reserve
        connection.client = client
        connection.peerAddress = peer
        var event = epoll_event(events: Self.readInterest, data: epoll_data_t(u64: UInt64(UInt32(bitPattern: fd))))
        guard epoll_ctl(self.epollFD, EPOLL_CTL_ADD, fd, &event) == 0 else {
            if let client { self.context.release(client: client) }
            if reserve { self.context.reserveConnections.subtract(1, ordering: .relaxed) }
            self.context.openConnections.subtract(1, ordering: .relaxed)
            Glibc.close(fd)
            return
        }
        self.connections[fd] = connection
    }

    private func handle(events: UInt32, fd: Int32) {
        guard let connection = self.connections[fd] else { return }
        if events & (EPOLLIN.rawValue | EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0 {
            self.read(connection)
        }
        if !connection.isClosed, events & Self.writeInterest != 0 {
            self.write(connection)
        }
    }

    private func read(_ connection: HTTPConnection) {
        let count = recv(connection.fd, self.readBuffer.baseAddress, self.readBuffer.count, 0)
        if count > 0 {
            connection.lastActivity = self.now
            // A draining connection discards what arrives; so does a stream's (only its closing matters).
            if connection.draining || connection.stream != nil { return }
            if connection.parser.isIdle, connection.slots.isEmpty { connection.headStartedAt = self.now }
            connection.parser.append(UnsafeRawBufferPointer(start: self.readBuffer.baseAddress, count: count))
            self.process(connection)
        } else if count == 0 {
            connection.peerClosed = true
            if connection.draining || (connection.slots.isEmpty && !connection.hasPendingOutput) {
                self.close(connection)
            } else {
                connection.stopsParsing = true
                self.updateInterest(connection)
            }
        } else if errno != EAGAIN, errno != EWOULDBLOCK, errno != EINTR {
            self.close(connection)
        }
    }

    /// Turns buffered bytes into requests, as long as the pipelining limit allows.
    private func process(_ connection: HTTPConnection) {
        let limit = self.context.configuration.maxPipelinedRequests
        while !connection.stopsParsing, connection.slots.count < limit,
            connection.output.count - connection.written < Self.outputHighWater, let event = connection.parser.next()
        {
            switch event {
            case .continueRequested:
                guard self.claimBody(on: connection) else { break }
                connection.slots.append(
                    HTTPConnection.Slot(
                        isInterim: true, response: nil, keepAlive: true, omitsBody: false, method: "", target: "",
                        receivedAt: self.now))
                self.markDirty(connection)
            case .request(let request):
                self.releaseBody(on: connection)
                self.dispatch(request, on: connection)
            case .failed(let error):
                connection.stopsParsing = true
                connection.slots.append(
                    HTTPConnection.Slot(
                        isInterim: false, response: .text(error.status, error.description + "\n"), keepAlive: false,
                        omitsBody: false, method: "", target: "", receivedAt: self.now))
                self.markDirty(connection)
            }
        }
        if connection.isReserve, !connection.stopsParsing, let request = connection.parser.requestAwaitingBody,
            !self.context.configuration.reservedPaths.contains(String(request.path))
        {
            // A reserve connection never waits for a body it will refuse: it is answered at the head.
            self.dispatch(request, on: connection)
        } else if !connection.stopsParsing, connection.parser.requestAwaitingBody != nil {
            _ = self.claimBody(on: connection)
        }
        self.updateInterest(connection)
    }

    /// Holds the budget for the body the connection is reading; when it does not fit, queues 503 with
    /// `Retry-After` in place of the request and stops reading, so none of the body is buffered.
    private func claimBody(on connection: HTTPConnection) -> Bool {
        guard connection.bodyClaim == 0, let length = connection.parser.bodyLength, length > 0 else { return true }
        if self.context.claimBody(length, now: self.now) {
            connection.bodyClaim = length
            return true
        }
        connection.stopsParsing = true
        var response = HTTPResponse.text(503, "busy: too many uploads in progress; retry shortly\n")
        response.headers.add(name: "Retry-After", value: "1")
        let request = connection.parser.requestAwaitingBody
        connection.slots.append(
            HTTPConnection.Slot(
                isInterim: false, response: response, keepAlive: false, omitsBody: request?.method == "HEAD",
                method: request?.method ?? "", target: request?.target ?? "", receivedAt: self.now))
        self.markDirty(connection)
        return false
    }

    /// Returns the budget the connection held for a body.
    private func releaseBody(on connection: HTTPConnection) {
        guard connection.bodyClaim > 0 else { return }
        self.context.bufferedBodyBytes.subtract(connection.bodyClaim, ordering: .relaxed)
        connection.bodyClaim = 0
    }

    private func dispatch(_ request: HTTPRequest, on connection: HTTPConnection) {
        if connection.isReserve, !self.context.configuration.reservedPaths.contains(String(request.path)) {
            connection.stopsParsing = true
            var response = HTTPResponse.text(503, "busy: every connection is in use; retry shortly\n")
            response.headers.add(name: "Retry-After", value: "1")
            connection.slots.append(
                HTTPConnection.Slot(
                    isInterim: false, response: response, keepAlive: false, omitsBody: request.method == "HEAD",
                    method: request.method, target: request.target, receivedAt: self.now))
            self.markDirty(connection)
            return
        }
        let keepAlive = request.wantsKeepAlive && !self.stopping
        if !keepAlive { connection.stopsParsing = true }
        let sequence = connection.nextSequence
        connection.slots.append(
            HTTPConnection.Slot(
                isInterim: false, response: nil, keepAlive: keepAlive, omitsBody: request.method == "HEAD",
                method: request.method, target: request.target, receivedAt: self.now))
        let fd = connection.fd
        let id = connection.id
        var request = request
        request.remoteAddress = connection.peerAddress
        self.context.responder.respond(to: request) { [self] response in
            self.complete(Completion(fd: fd, connectionID: id, sequence: sequence, response: response))
        }
    }

    private func apply(_ completion: Completion) {
        guard let connection = self.connections[completion.fd], connection.id == completion.connectionID,
            completion.sequence >= connection.firstSequence
        else { return }
        let position = Int(completion.sequence - connection.firstSequence)
        guard position < connection.slots.count, connection.slots[position].response == nil,
            !connection.slots[position].isInterim
        else { return }
        connection.slots[position].response = completion.response
        if position == 0 { self.markDirty(connection) }
    }

    /// Appends streamed bytes to their connection's output (or ends it); a client that reads too slowly to keep
    /// up with its stream is let go rather than buffered for.
    private func applyStreamWrite(_ write: StreamWrite) {
        guard let connection = self.connections[write.fd], connection.id == write.connectionID,
            connection.stream != nil, !connection.isClosed
        else { return }
        if write.finish {
            connection.closesAfterWrite = true
        } else if connection.output.count - connection.written > Self.outputHighWater {
            return self.close(connection)
        } else {
            connection.output.append(contentsOf: write.bytes)
        }
        self.markDirty(connection)
    }

    private func markDirty(_ connection: HTTPConnection) {
        if !connection.isDirty {
            connection.isDirty = true
            self.dirty.append(connection)
        }
    }

    /// Serializes the responses ready at the head of the queue and writes them.
    private func flush(_ connection: HTTPConnection) {
        guard !connection.isClosed else { return }
        while let first = connection.slots.first {
            if first.isInterim {
                connection.output.append(contentsOf: Self.continueBytes)
                connection.slots.removeFirst()
                connection.firstSequence += 1
                continue
            }
            guard let response = first.response else { break }
            let last = connection.slots.count == 1
            let keepAlive = first.keepAlive && !((self.stopping || connection.peerClosed) && last)
            response.serialize(
                into: &connection.output, date: self.dates.current(), keepAlive: keepAlive,
                includeBody: !first.omitsBody)
            if let start = response.stream, !first.omitsBody {
                // The connection now belongs to the stream: no further requests are read from it.
                let stream = HTTPStream(loop: self, fd: connection.fd, connectionID: connection.id)
                connection.stream = stream
                connection.stopsParsing = true
                connection.firstSequence += UInt64(connection.slots.count)
                connection.slots.removeAll()
                start(stream)
                break
            }
            if let observer = self.context.observer {
                observer(
                    HTTPExchange(
                        method: first.method, path: HTTPRequest.path(of: first.target), status: response.status,
                        duration: .nanoseconds(Int64(self.now &- first.receivedAt))))
            }
            connection.served += 1
            if !keepAlive {
                connection.firstSequence += UInt64(connection.slots.count)
                connection.slots.removeAll()
                connection.closesAfterWrite = true
                connection.stopsParsing = true
                break
            }
            connection.slots.removeFirst()
            connection.firstSequence += 1
        }
        self.write(connection)
    }

    private func write(_ connection: HTTPConnection) {
        while connection.hasPendingOutput {
            let count = connection.output.withUnsafeBytes { bytes in
                send(
                    connection.fd, bytes.baseAddress! + connection.written, bytes.count - connection.written,
                    Int32(MSG_NOSIGNAL))
            }
            if count > 0 {
                connection.written += count
                connection.lastActivity = self.now
            } else if count < 0, errno == EINTR {
                continue
            } else if count < 0, errno == EAGAIN || errno == EWOULDBLOCK {
                self.updateInterest(connection)
                return
            } else {
                self.close(connection)
                return
            }
        }
        if connection.output.capacity > 1 << 20 {
            connection.output = []
        } else {
            connection.output.removeAll(keepingCapacity: true)
        }
        connection.written = 0
        if connection.closesAfterWrite {
            self.beginDraining(connection)
            return
        }
        if connection.slots.isEmpty {
            if connection.peerClosed || (self.stopping && connection.parser.isIdle) {
                self.close(connection)
                return
            }
            connection.lastActivity = self.now
            if !connection.parser.isIdle { connection.headStartedAt = self.now }
        }
        self.process(connection)
    }

    /// Registers read interest unless parsing is paused or over, and write interest while output waits.
    private func updateInterest(_ connection: HTTPConnection) {
        guard !connection.isClosed else { return }
        let limit = self.context.configuration.maxPipelinedRequests
        let reads =
            connection.draining || (connection.stream != nil && !connection.peerClosed)
            || (!connection.peerClosed && !connection.stopsParsing && connection.slots.count < limit
                && connection.output.count - connection.written < Self.outputHighWater)
        let wanted = (reads ? Self.readInterest : 0) | (connection.hasPendingOutput ? Self.writeInterest : 0)
        guard wanted != connection.interest else { return }
        connection.interest = wanted
        var event = epoll_event(events: wanted, data: epoll_data_t(u64: UInt64(UInt32(bitPattern: connection.fd))))
        if epoll_ctl(self.epollFD, EPOLL_CTL_MOD, connection.fd, &event) != 0 {
            self.close(connection)
        }
    }

    /// After the final response: close at once when every byte received was consumed; otherwise stop
    /// sending, then read and discard until the peer closes, so the response is not lost to a reset
    /// while the client is still sending.
    private func beginDraining(_ connection: HTTPConnection) {
        if connection.peerClosed || connection.parser.isIdle {
            self.close(connection)
            return
        }
        shutdown(connection.fd, Int32(SHUT_WR))
        connection.draining = true
        connection.drainDeadline = self.now + 2_000_000_000
        self.updateInterest(connection)
    }

    private func close(_ connection: HTTPConnection) {
        guard !connection.isClosed else { return }
        connection.isClosed = true
        connection.stream?.markClosed()
        self.connections[connection.fd] = nil
        Glibc.close(connection.fd)
        self.releaseBody(on: connection)
        if let client = connection.client { self.context.release(client: client) }
        if connection.isReserve { self.context.reserveConnections.subtract(1, ordering: .relaxed) }
        self.context.openConnections.subtract(1, ordering: .relaxed)
    }

    /// Closes connections past their header-read, body, write or idle deadline.
    private func sweep() {
        let configuration = self.context.configuration
        let headerTimeout = UInt64(max(0, Self.nanoseconds(configuration.headerReadTimeout)))
        let idleTimeout = UInt64(max(0, Self.nanoseconds(configuration.idleTimeout)))
        for connection in Array(self.connections.values) {
            if connection.draining {
                if self.now >= connection.drainDeadline { self.close(connection) }
            } else if connection.hasPendingOutput {
                if self.now &- connection.lastActivity >= idleTimeout { self.close(connection) }
            } else if !connection.slots.isEmpty || connection.stopsParsing {
                continue
            } else if connection.parser.isIdle, connection.served > 0 {
                if self.now &- connection.lastActivity >= idleTimeout { self.close(connection) }
            } else if connection.parser.isIdle || connection.parser.isReadingHead {
                // Headroom is for quick health checks: an idle reserve connection is let go after a second.
                let limit = connection.isReserve ? min(headerTimeout, 1_000_000_000) : headerTimeout
                if self.now &- connection.headStartedAt >= limit { self.answerTimeout(connection) }
            } else if let length = connection.parser.bodyLength {
                // A body must keep up a minimum rate from the request's first byte, not merely show a byte
                // now and then: a trickle of bytes would otherwise hold the connection and its buffer forever.
                let allowed = headerTimeout &+ UInt64(length) * 1_000_000_000 / UInt64(configuration.minimumBodyRate)
                if self.now &- connection.headStartedAt >= allowed || self.now &- connection.lastActivity >= idleTimeout
                {
                    self.answerTimeout(connection)
                }
            } else if self.now &- connection.lastActivity >= idleTimeout {
                self.answerTimeout(connection)
            }
        }
    }

    private func answerTimeout(_ connection: HTTPConnection) {
        connection.stopsParsing = true
        connection.slots.append(
            HTTPConnection.Slot(
                isInterim: false, response: .text(408, "request not received in time\n"), keepAlive: false,
                omitsBody: false, method: "", target: "", receivedAt: self.now))
        self.markDirty(connection)
    }
}
