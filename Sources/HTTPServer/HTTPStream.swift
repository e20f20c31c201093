import Synchronization

/// The open end of a streamed response (Server-Sent Events): bytes sent through it are written to the client
/// as they come, until either side finishes. Usable from any thread; after the client went away `send`
/// returns false and the producer should let the stream go.
public final class HTTPStream: Sendable {
    private let loop: HTTPEventLoop
    private let fd: Int32
    private let connectionID: UInt64
    private let closed = Atomic<Bool>(false)

    init(loop: HTTPEventLoop, fd: Int32, connectionID: UInt64) {
        self.loop = loop
        self.fd = fd
        self.connectionID = connectionID
    }

    /// Whether the client is still connected (as far as the server knows).
    public var isOpen: Bool { !self.closed.load(ordering: .acquiring) }

    /// Queues `bytes` for the client; false when the stream is closed.
    @discardableResult
    public func send(_ bytes: [UInt8]) -> Bool {
        guard self.isOpen else { return false }
        self.loop.stream(
            HTTPEventLoop.StreamWrite(fd: self.fd, connectionID: self.connectionID, bytes: bytes, finish: false))
        return true
    }

    /// Ends the response: the connection closes once what was sent is written.
    public func finish() {
        guard !self.closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        self.loop.stream(
            HTTPEventLoop.StreamWrite(fd: self.fd, connectionID: self.connectionID, bytes: [], finish: true))
    }

    /// Called by the loop when the connection closed.
    func markClosed() {
        self.closed.store(true, ordering: .releasing)
    }
}
