/// Carries one HTTP exchange with the Graph API (or its stand-in) and returns the raw answer.
///
/// `GraphClient` speaks HTTP through libcurl; `LocalGraphTransport` hands requests to an in-process
/// `HTTPResponder` such as `GraphAPIStandIn` (sandbox mode, tests).
public protocol GraphTransport: Sendable {
    /// Performs `request`, adding the bearer token; throws only when no HTTP answer arrived.
    func perform(_ request: GraphHTTPRequest) throws(GraphTransportError) -> GraphHTTPResponse
}

/// One request to the Graph API: `url` is absolute, or a path resolved against the transport's base URL.
public struct GraphHTTPRequest: Equatable, Sendable {
    public var method: String
    public var url: String
    public var body: [UInt8]?

    public init(method: String, url: String, body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.body = body
    }

    /// A JSON `POST`.
    public static func post(_ url: String, json: GraphJSON) -> GraphHTTPRequest {
        GraphHTTPRequest(method: "POST", url: url, body: json.bytes)
    }

    /// A `GET`.
    public static func get(_ url: String) -> GraphHTTPRequest {
        GraphHTTPRequest(method: "GET", url: url)
    }
}

/// The HTTP status and body the Graph API answered.
public struct GraphHTTPResponse: Equatable, Sendable {
    public var status: Int
    public var body: [UInt8]
    /// The `Content-Type` header, when one was sent.
    public var contentType: String?

    public init(status: Int, body: [UInt8], contentType: String? = nil) {
        self.status = status
        self.body = body
        self.contentType = contentType
    }
}

/// No HTTP answer arrived: the connection failed or timed out. Always worth retrying later.
public struct GraphTransportError: Error, Equatable, CustomStringConvertible, Sendable {
    private enum Kind: Equatable, Sendable {
        case timedOut
        case connectionFailed
        case responseTooLarge
    }

    private let kind: Kind
    public let detail: String

    private init(_ kind: Kind, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    public static func timedOut(_ detail: String) -> GraphTransportError { GraphTransportError(.timedOut, detail) }

    public static func connectionFailed(_ detail: String) -> GraphTransportError {
        GraphTransportError(.connectionFailed, detail)
    }

    public static func responseTooLarge(_ detail: String) -> GraphTransportError {
        GraphTransportError(.responseTooLarge, detail)
    }

    /// Whether the request ran out of time (as opposed to failing to connect).
    public var isTimeout: Bool { self.kind == .timedOut }

    /// Whether the answer was cut off for exceeding the client's size limit.
    public var isResponseTooLarge: Bool { self.kind == .responseTooLarge }

    public var description: String {
        switch self.kind {
        case .timedOut: return "the Graph API did not answer in time (\(self.detail)); retry later"
        case .connectionFailed: return "could not reach the Graph API (\(self.detail)); retry later"
        case .responseTooLarge: return "the Graph API answer exceeded the size limit (\(self.detail))"
        }
    }
}
