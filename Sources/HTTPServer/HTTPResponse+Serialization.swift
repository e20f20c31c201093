extension HTTPResponse {
    /// Appends the response as HTTP/1.1 bytes, replacing any `Content-Length`, `Date`, `Connection`
    /// or `Transfer-Encoding` the responder set; `includeBody` is false for `HEAD`.
    func serialize(into output: inout [UInt8], date: [UInt8], keepAlive: Bool, includeBody: Bool) {
        let keepAlive = keepAlive && self.stream == nil
        let status = (100...999).contains(self.status) ? self.status : 500
        output.append(contentsOf: "HTTP/1.1 ".utf8)
        output.append(UInt8(48 + status / 100))
        output.append(UInt8(48 + status / 10 % 10))
        output.append(UInt8(48 + status % 10))
        output.append(32)
        output.append(contentsOf: Self.reasonPhrase(status).utf8)
        output.append(contentsOf: "\r\n".utf8)
        for field in self.headers where !Self.isManaged(field.name) {
            output.append(contentsOf: field.name.utf8)
            output.append(contentsOf: ": ".utf8)
            output.append(contentsOf: field.value.utf8)
            output.append(contentsOf: "\r\n".utf8)
        }
        let bodyAllowed = status >= 200 && status != 204 && status != 304
        // A stream has no length: it ends when the connection closes.
        if bodyAllowed, self.stream == nil {
            output.append(contentsOf: "Content-Length: ".utf8)
            Self.appendDecimal(self.body.count, to: &output)
            output.append(contentsOf: "\r\n".utf8)
        }
        output.append(contentsOf: "Date: ".utf8)
        output.append(contentsOf: date)
        output.append(
            contentsOf: keepAlive ? "\r\nConnection: keep-alive\r\n\r\n".utf8 : "\r\nConnection: close\r\n\r\n".utf8)
        if bodyAllowed, includeBody {
            output.append(contentsOf: self.body)
        }
    }

    private static func isManaged(_ name: String) -> Bool {
        switch name.utf8.count {
        case 4: HTTPHeaders.namesMatch(name, "date")
        case 10: HTTPHeaders.namesMatch(name, "connection")
        case 14: HTTPHeaders.namesMatch(name, "content-length")
        case 17: HTTPHeaders.namesMatch(name, "transfer-encoding")
        default: false
        }
    }

    private static func appendDecimal(_ value: Int, to output: inout [UInt8]) {
        if value >= 10 { appendDecimal(value / 10, to: &output) }
        output.append(UInt8(48 + value % 10))
    }

    /// The standard reason phrase of `status`.
    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 411: "Length Required"
        case 413: "Content Too Large"
        case 415: "Unsupported Media Type"
        case 417: "Expectation Failed"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        case 505: "HTTP Version Not Supported"
        default: "Status \(status)"
        }
    }
}
