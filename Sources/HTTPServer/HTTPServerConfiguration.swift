import Glibc

/// Address, limits and timeouts of an `HTTPServer`.
public struct HTTPServerConfiguration: Sendable {
    /// Numeric IPv4 or IPv6 address to bind, e.g. `127.0.0.1`, `0.0.0.0` or `::1`.
    public var host: String
    /// TCP port to bind; 0 picks a free port (read it from `HTTPServer.port` after `start()`).
    public var port: Int
    /// Largest header section accepted (431 beyond).
    public var maxHeaderBytes: Int
    /// Largest request body accepted (413 beyond, decided from `Content-Length`).
    public var maxBodyBytes: Int
    /// A body limit of its own, larger than `maxBodyBytes`, for a request to one of these paths (the phone
    /// simulator's and staff's uploads), `*` standing for one segment; the total `maxBufferedBodyBytes` still bounds them all.
    public var maxBodyBytesByPath: [String: Int] = [:]
    /// Most connections open at once; further ones are answered 503 and closed at once.
    public var maxConnections: Int
    /// Most connections from one client address at once; beyond it, 503 and closed, so one client cannot
    /// take every connection. Addresses in `unlimitedClients` (a reverse proxy in front) are exempt.
    public var maxConnectionsPerClient: Int = 512
    /// Client addresses the per-client cap does not apply to, such as `127.0.0.1` behind nginx.
    public var unlimitedClients: Set<String> = []
    /// Connections accepted beyond `maxConnections` that serve only `reservedPaths` (503 for anything else),
    /// so a health check is answered while clients hold every regular connection.
    public var reservedConnections: Int = 32
    /// The paths a reserved connection serves: the health check and the metrics.
    public var reservedPaths: Set<String> = ["/healthz", "/metrics"]
    /// Most requests of one connection waiting for their responses; reading pauses beyond it.
    public var maxPipelinedRequests: Int
    /// A client must complete a request's header section within this time after its first byte
    /// (or after connecting), else it gets 408 and is closed.
    public var headerReadTimeout: Duration
    /// A keep-alive connection with nothing in flight is closed after this much silence; the same
    /// bound applies to a stalled body upload or a client that stops reading its responses.
    public var idleTimeout: Duration
    /// The slowest body upload served: a request must arrive whole within `headerReadTimeout` plus its
    /// `Content-Length` at this many bytes per second, however steadily its bytes trickle in; else 408.
    public var minimumBodyRate: Int
    /// The most request-body bytes all connections together may be waiting for. A body that would take
    /// the total past it is refused with 503 and `Retry-After` at its head, before any of it is read, so
    /// many clients each sending a large body slowly cannot exhaust memory.
    public var maxBufferedBodyBytes: Int = 64 * 1024 * 1024
    /// Event-loop threads; by default two, or one on a single-core machine.
    public var eventLoopCount: Int
    /// The `listen` backlog.
    public var backlog: Int

    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        maxHeaderBytes: Int = 16 * 1024,
        maxBodyBytes: Int = 4 * 1024 * 1024,
        maxConnections: Int = 4096,
        maxPipelinedRequests: Int = 64,
        headerReadTimeout: Duration = .seconds(10),
        idleTimeout: Duration = .seconds(75),
        minimumBodyRate: Int = 32 * 1024,
        eventLoopCount: Int = HTTPServerConfiguration.defaultEventLoopCount,
        backlog: Int = 1024
    ) {
        self.host = host
        self.port = port
        self.maxHeaderBytes = maxHeaderBytes
        self.maxBodyBytes = maxBodyBytes
        self.maxConnections = maxConnections
        self.maxPipelinedRequests = maxPipelinedRequests
        self.headerReadTimeout = headerReadTimeout
        self.idleTimeout = idleTimeout
        self.minimumBodyRate = max(1, minimumBodyRate)
        self.eventLoopCount = eventLoopCount
        self.backlog = backlog
    }

    /// A configuration bound to `address` in the form `host:port` (`[v6]:port` for IPv6), such as
    /// the value of `LOKET_ADDR`.
    public init(address: String) throws(HTTPServerError) {
        self.init()
        let hostPart: Substring
        let portPart: Substring
        if address.hasPrefix("[") {
            guard let close = address.firstIndex(of: "]"), address[address.index(after: close)...].first == ":"
            else { throw .invalidAddress(address) }
            hostPart = address[address.index(after: address.startIndex)..<close]
            portPart = address[address.index(close, offsetBy: 2)...]
        } else {
            guard let colon = address.lastIndex(of: ":") else { throw .invalidAddress(address) }
            hostPart = address[..<colon]
            portPart = address[address.index(after: colon)...]
        }
        guard !hostPart.isEmpty, let port = Int(portPart), (0...65535).contains(port) else {
            throw .invalidAddress(address)
        }
        self.host = hostPart == "localhost" ? "127.0.0.1" : String(hostPart)
        self.port = port
    }

    /// Two event loops, or one on a single-core machine.
    public static var defaultEventLoopCount: Int {
        min(2, max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    var parserLimits: HTTPParser.Limits {
        HTTPParser.Limits(
            maxHeaderBytes: self.maxHeaderBytes, maxBodyBytes: self.maxBodyBytes,
            maxBodyBytesByPath: self.maxBodyBytesByPath)
    }
}
