/// One answered request as the server's observer sees it, to count requests by route and status.
public struct HTTPExchange: Sendable {
    public var method: String
    /// The request target without the query.
    public var path: Substring
    public var status: Int
    /// From the complete request to its response being queued for writing.
    public var duration: Duration

    public init(method: String, path: Substring, status: Int, duration: Duration) {
        self.method = method
        self.path = path
        self.status = status
        self.duration = duration
    }
}
