/// Carries one HTTP exchange with the Graph API (or its stand-in) and returns the raw answer.
///
/// `GraphClient` speaks HTTP through libcurl; `LocalGraphTransport` hands requests to an in-process
/// `HTTPResponder` such as `GraphAPIStandIn` (sandbox mode, tests).
public protocol GraphTransport: Sendable {
    /// Performs `request`, adding the bearer token; throws only when no HTTP answer arrived.
    func perform(_ request: GraphHTTPRequest) throws(GraphTransportError) -> GraphHTTPResponse
}
