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
