/// Why a request could not be parsed, with the status the server answers before it closes the connection.
public struct HTTPParserError: Error, Equatable, Sendable, CustomStringConvertible {
    private enum Kind: Equatable, Sendable {
        case badRequestLine
        case badHeader
        case badContentLength
        case missingHost
        case chunkedBodyUnsupported
        case badTransferEncoding
        case unsupportedExpectation
        case headersTooLarge(limit: Int)
        case bodyTooLarge(length: Int, limit: Int)
        case unsupportedVersion
    }

    private let kind: Kind

    private init(_ kind: Kind) {
        self.kind = kind
    }

    static let badRequestLine = HTTPParserError(.badRequestLine)
    static let badHeader = HTTPParserError(.badHeader)
    static let badContentLength = HTTPParserError(.badContentLength)
    static let missingHost = HTTPParserError(.missingHost)
    static let chunkedBodyUnsupported = HTTPParserError(.chunkedBodyUnsupported)
    static let badTransferEncoding = HTTPParserError(.badTransferEncoding)
    static let unsupportedExpectation = HTTPParserError(.unsupportedExpectation)
    static let unsupportedVersion = HTTPParserError(.unsupportedVersion)

    static func headersTooLarge(limit: Int) -> HTTPParserError {
        HTTPParserError(.headersTooLarge(limit: limit))
    }

    static func bodyTooLarge(length: Int, limit: Int) -> HTTPParserError {
        HTTPParserError(.bodyTooLarge(length: length, limit: limit))
    }

    /// The HTTP status that answers this error.
    public var status: Int {
        switch self.kind {
        case .badRequestLine, .badHeader, .badContentLength, .missingHost, .badTransferEncoding: 400
        case .chunkedBodyUnsupported: 411
        case .unsupportedExpectation: 417
        case .headersTooLarge: 431
        case .bodyTooLarge: 413
        case .unsupportedVersion: 505
        }
    }

    public var description: String {
        switch self.kind {
        case .badRequestLine: "malformed request line; expected `METHOD target HTTP/1.1`"
        case .badHeader: "malformed header field; expected `Name: value` lines without folding or control bytes"
        case .badContentLength: "invalid or conflicting Content-Length; send one decimal length"
        case .missingHost: "HTTP/1.1 request without exactly one Host header"
        case .chunkedBodyUnsupported: "chunked request bodies are not accepted; send a Content-Length"
        case .badTransferEncoding: "unsupported Transfer-Encoding, or Transfer-Encoding together with Content-Length"
        case .unsupportedExpectation: "unsupported Expect value; only 100-continue is understood"
        case .headersTooLarge(let limit): "header section exceeds \(limit) bytes"
        case .bodyTooLarge(let length, let limit): "body of \(length) bytes exceeds the limit of \(limit) bytes"
        case .unsupportedVersion: "unsupported HTTP version; use HTTP/1.1 or HTTP/1.0"
        }
    }
}
