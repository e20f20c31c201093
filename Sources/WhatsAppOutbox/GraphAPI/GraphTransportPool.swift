import Foundation

/// Several transports shared by many threads: each call takes a free one, waiting only while all are busy.
///
/// A `GraphClient` carries one exchange at a time, and Meta takes a few hundred milliseconds to answer: the
/// media downloads of every dispatcher lane through one client would wait behind each other. The transports
/// are made on first need, so an idle pool holds none.
public final class GraphTransportPool: GraphTransport, @unchecked Sendable {
    /// Most transports in use at once.
    public let capacity: Int
    private let make: @Sendable () -> any GraphTransport
    private let condition = NSCondition()
    /// Guarded by `condition`.
    private var idle: [any GraphTransport] = []
    /// Guarded by `condition`.
    private var made = 0

    /// - Parameter make: makes one transport (a `GraphClient` of its own); called at most `capacity` times.
    public init(capacity: Int, make: @escaping @Sendable () -> any GraphTransport) {
        self.capacity = max(1, capacity)
        self.make = make
    }

    public func perform(_ request: GraphHTTPRequest) throws(GraphTransportError) -> GraphHTTPResponse {
        let transport = self.take()
        defer { self.give(transport) }
        return try transport.perform(request)
    }

    /// Transports made so far.
    public var madeCount: Int {
        self.condition.lock()
        defer { self.condition.unlock() }
        return self.made
    }

    private func take() -> any GraphTransport {
        self.condition.lock()
        while self.idle.isEmpty && self.made >= self.capacity {
            self.condition.wait()
        }
        if let transport = self.idle.popLast() {
            self.condition.unlock()
            return transport
        }
        self.made += 1
        self.condition.unlock()
        return self.make()
    }

    private func give(_ transport: any GraphTransport) {
        self.condition.lock()
        self.idle.append(transport)
        self.condition.signal()
        self.condition.unlock()
    }
}
