/// One accepted connection, owned by the event loop thread that serves it (never shared).
final class HTTPConnection {
    /// A response position, in request order.
    struct Slot {
        /// `100 Continue` for the request whose body is being read.
        var isInterim: Bool
        var response: HTTPResponse?
        var keepAlive: Bool
        var omitsBody: Bool
        var method: String
        var target: String
        var receivedAt: UInt64
    }

    let fd: Int32
    let id: UInt64
    var parser: HTTPParser
    /// Responses waiting to be written, oldest first; `firstSequence` numbers `slots[0]`.
    var slots: [Slot] = []
    var firstSequence: UInt64 = 0
    /// Serialized bytes not yet accepted by the socket, from `written` on.
    var output: [UInt8] = []
    var written = 0
    /// Requests answered so far.
    var served = 0
    /// No further requests are parsed (after `Connection: close`, an error, or a stop).
    var stopsParsing = false
    /// Close once `output` is written (after a `Connection: close` response).
    var closesAfterWrite = false
    /// The peer closed its sending side; close once the responses in flight are written.
    var peerClosed = false
    /// Discarding input after the final response until the peer closes or `drainDeadline`.
    var draining = false
    var drainDeadline: UInt64 = 0
    /// Monotonic nanoseconds of the last byte read or written.
    var lastActivity: UInt64
    /// When the current header section began (its first byte, or the accept).
    var headStartedAt: UInt64
    /// The epoll interest currently registered.
    var interest: UInt32
    var isDirty = false
    var isClosed = false
    /// Accepted beyond the connection cap, in the headroom kept for health checks: only the configured
    /// reserved paths (`/healthz`) are served on it, everything else gets 503.
    var isReserve = false
    /// Bytes of the server's buffered-body budget held for the body being read (released when it is
    /// complete or the connection closes).
    var bodyClaim = 0
    /// The client's address while it holds a per-client slot (released on close).
    var client: String?
    /// The peer's numeric address, handed to the responder with every request.
    var peerAddress: String?
    /// The open stream of a streamed response; the connection serves nothing else.
    var stream: HTTPStream?

    init(fd: Int32, id: UInt64, limits: HTTPParser.Limits, now: UInt64, interest: UInt32) {
        self.fd = fd
        self.id = id
        self.parser = HTTPParser(limits: limits)
        self.lastActivity = now
        self.headStartedAt = now
        self.interest = interest
    }

    var nextSequence: UInt64 {
        self.firstSequence + UInt64(self.slots.count)
    }

    var hasPendingOutput: Bool {
        self.written < self.output.count
    }
}
