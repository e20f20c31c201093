import Support

/// Several transports shared by many threads: each call takes a free one, waiting only while all are busy.
///
/// A `GraphClient` carries one exchange at a time, and Meta takes a few hundred milliseconds to answer: the
/// media downloads of every dispatcher lane through one client would wait behind each other. The transports
/// are made on first need, so an idle pool holds none.
public final class GraphTransportPool: GraphTransport, Sendable {
    private let transports: ResourcePool<any GraphTransport, Never>

    /// - Parameter make: makes one transport (a `GraphClient` of its own); called at most `capacity` times.
    public init(capacity: Int, make: @escaping @Sendable () -> any GraphTransport) {
        self.transports = ResourcePool(capacity: max(1, capacity), make: make)
    }

    /// Most transports in use at once.
    public var capacity: Int { self.transports.capacity }

    /// Transports made so far.
    public var madeCount: Int { self.transports.madeCount }

    public func perform(_ request: GraphHTTPRequest) throws(GraphTransportError) -> GraphHTTPResponse {
        let transport = self.transports.take()
        defer { self.transports.give(transport) }
        return try transport.perform(request)
    }
}
