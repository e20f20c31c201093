import Glibc

/// Why the HTTP server could not start.
public struct HTTPServerError: Error, Equatable, Sendable, CustomStringConvertible {
    private enum Kind: Equatable, Sendable {
        case invalidAddress(String)
        case systemCall(String, errno: Int32, address: String)
        case alreadyStarted
    }

    private let kind: Kind

    private init(_ kind: Kind) {
        self.kind = kind
    }

    static func invalidAddress(_ address: String) -> HTTPServerError {
        HTTPServerError(.invalidAddress(address))
    }

    static func systemCall(_ call: String, errno: Int32, address: String) -> HTTPServerError {
        HTTPServerError(.systemCall(call, errno: errno, address: address))
    }

    static let alreadyStarted = HTTPServerError(.alreadyStarted)

    public var description: String {
        switch self.kind {
        case .invalidAddress(let address):
            "invalid listen address \"\(address)\"; expected host:port such as 127.0.0.1:8080"
        case .systemCall(let call, let errno, let address):
            "\(call) failed for \(address): \(String(cString: strerror(errno))) (errno \(errno))"
        case .alreadyStarted:
            "the server was already started; create a new HTTPServer to listen again"
        }
    }
}
