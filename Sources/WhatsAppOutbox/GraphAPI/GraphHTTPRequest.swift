import Support

/// One request to the Graph API: `url` is absolute, or a path resolved against the transport's base URL.
public struct GraphHTTPRequest: Equatable, Sendable {
    public var method: String
    public var url: String
    public var body: [UInt8]?
    /// The body's media type when it is not JSON.
    public var contentType: String?
    /// The whole exchange's limit when it is not the transport's own (a large upload needs longer than a send).
    public var totalTimeout: Double?

    public init(method: String, url: String, body: [UInt8]? = nil, contentType: String? = nil) {
        self.method = method
        self.url = url
        self.body = body
        self.contentType = contentType
    }

    /// A JSON `POST`.
    public static func post(_ url: String, json: JSONValue) -> GraphHTTPRequest {
        GraphHTTPRequest(method: "POST", url: url, body: json.bytes)
    }

    /// A `GET`.
    public static func get(_ url: String) -> GraphHTTPRequest {
        GraphHTTPRequest(method: "GET", url: url)
    }

    /// `POST {url}` of one file as Meta's media upload expects it (`multipart/form-data` with
    /// `messaging_product`, `type` and `file`); Meta answers `{"id": …}`, the media id a message then names.
    public static func mediaUpload(_ url: String, bytes: [UInt8], mimeType: String, filename: String)
        -> GraphHTTPRequest
    {
        let boundary = "loket-" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
        // The name goes into a header line: quotes, backslashes and control characters would end or break it.
        let name = String(
            filename.unicodeScalars.map { $0.value < 0x20 || $0 == "\"" || $0 == "\\" ? "_" : Character($0) })
        var body: [UInt8] = []
        body.reserveCapacity(bytes.count + 512)
        for (field, value) in [("messaging_product", "whatsapp"), ("type", mimeType)] {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Array(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: \(mimeType)\r\n\r\n"
                .utf8)
        body += bytes
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        var request = GraphHTTPRequest(
            method: "POST", url: url, body: body, contentType: "multipart/form-data; boundary=\(boundary)")
        // 16 MB take two minutes at about 1 Mbit/s, an office's slow uplink.
        request.totalTimeout = 120
        return request
    }
}
