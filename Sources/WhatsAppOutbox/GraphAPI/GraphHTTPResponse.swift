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
