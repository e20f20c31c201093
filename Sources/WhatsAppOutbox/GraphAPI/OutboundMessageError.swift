/// Why an outbound message breaks one of Meta's limits and must not be sent.
public struct OutboundMessageError: Error, Equatable, CustomStringConvertible, Sendable {
    private enum Kind: Equatable, Sendable {
        case empty(field: String)
        case tooLong(field: String, limit: Int, actual: Int)
        case tooMany(field: String, limit: Int, actual: Int)
        case duplicate(field: String, value: String)
        case invalidValue(field: String, reason: String)
    }

    private let kind: Kind

    private init(_ kind: Kind) {
        self.kind = kind
    }

    /// `field` is empty, but Meta requires a value.
    public static func empty(_ field: String) -> OutboundMessageError {
        OutboundMessageError(.empty(field: field))
    }

    /// `field` has `actual` characters, more than Meta's `limit`.
    public static func tooLong(_ field: String, limit: Int, actual: Int) -> OutboundMessageError {
        OutboundMessageError(.tooLong(field: field, limit: limit, actual: actual))
    }

    /// `field` has `actual` entries, more than Meta's `limit`.
    public static func tooMany(_ field: String, limit: Int, actual: Int) -> OutboundMessageError {
        OutboundMessageError(.tooMany(field: field, limit: limit, actual: actual))
    }

    /// `value` appears twice in `field`, which Meta requires to be unique.
    public static func duplicate(_ field: String, value: String) -> OutboundMessageError {
        OutboundMessageError(.duplicate(field: field, value: value))
    }

    /// `field` holds a value Meta refuses, for `reason`.
    public static func invalidValue(_ field: String, reason: String) -> OutboundMessageError {
        OutboundMessageError(.invalidValue(field: field, reason: reason))
    }

    public var description: String {
        switch self.kind {
        case .empty(let field):
            return "\(field) is empty; WhatsApp requires a value"
        case .tooLong(let field, let limit, let actual):
            return "\(field) has \(actual) characters, WhatsApp allows at most \(limit); shorten it"
        case .tooMany(let field, let limit, let actual):
            return "\(field) has \(actual) entries, WhatsApp allows at most \(limit)"
        case .duplicate(let field, let value):
            return "\(field) repeats \"\(value)\"; WhatsApp requires them to be unique"
        case .invalidValue(let field, let reason):
            return "\(field) is invalid: \(reason)"
        }
    }
}
