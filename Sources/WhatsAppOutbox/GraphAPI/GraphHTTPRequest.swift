import Support

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
    public static func post(_ url: String, json: JSONValue) -> GraphHTTPRequest {
        GraphHTTPRequest(method: "POST", url: url, body: json.bytes)
    }

    /// A `GET`.
    public static func get(_ url: String) -> GraphHTTPRequest {
        GraphHTTPRequest(method: "GET", url: url)
    }
}
