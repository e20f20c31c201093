/// Why the staff API refused a request: the HTTP status, a stable error code and a detail saying what to do.
///
/// Rendered as `{"error": "<code>", "detail": "<detail>"}`.
public struct StaffAPIError: Error, Equatable, CustomStringConvertible {
    private enum Kind: Equatable {
        case unauthorized
        case forbidden
        case notFound
        case conflict
        case badRequest
        case unsupportedMediaType
        case payloadTooLarge
        case methodNotAllowed(allowed: [String])
        case tooManyRequests
        case unavailable
        case internalError
    }

    private let kind: Kind
    /// The stable, machine-readable error code.
    public let code: String
    /// What happened and what to do about it.
    public let detail: String

    private init(_ kind: Kind, code: String, detail: String) {
        self.kind = kind
        self.code = code
        self.detail = detail
    }

    /// No session or API token, or an expired or wrong one (401).
    public static func unauthorized(_ detail: String) -> StaffAPIError {
        StaffAPIError(.unauthorized, code: "unauthorized", detail: detail)
    }

    /// The acting staff member may not do this (403).
    public static func forbidden(_ detail: String) -> StaffAPIError {
        StaffAPIError(.forbidden, code: "forbidden", detail: detail)
    }

    /// No such ticket, staff member or route (404); `code` names which.
    public static func notFound(_ code: String, _ detail: String) -> StaffAPIError {
        StaffAPIError(.notFound, code: code, detail: detail)
    }

    /// The ticket's lifecycle does not allow the action now (409).
    public static func illegalTransition(_ detail: String) -> StaffAPIError {
        StaffAPIError(.conflict, code: "illegal_transition", detail: detail)
    }

    /// 503: busy for now; retry.
    public static func unavailable(_ detail: String) -> StaffAPIError {
        StaffAPIError(.unavailable, code: "unavailable", detail: detail)
    }

    /// 429: wait before trying again (the login throttle).
    public static func tooManyRequests(_ detail: String) -> StaffAPIError {
        StaffAPIError(.tooManyRequests, code: "too_many_requests", detail: detail)
    }

    /// 409 with its own code: the request is well formed but the state refuses it (a slot taken meanwhile).
    public static func conflict(_ code: String, _ detail: String) -> StaffAPIError {
        StaffAPIError(.conflict, code: code, detail: detail)
    }

    /// Malformed JSON, a missing or invalid field or parameter (400); `code` names which.
    public static func badRequest(_ code: String, _ detail: String) -> StaffAPIError {
        StaffAPIError(.badRequest, code: code, detail: detail)
    }

    /// The body is not `application/json` (415).
    public static let unsupportedMediaType = StaffAPIError(
        .unsupportedMediaType, code: "unsupported_media_type",
        detail: "send the body as JSON with Content-Type: application/json (UTF-8)")

    /// A file of a type the API does not take (415); `detail` lists the types it takes.
    public static func unsupportedFileType(_ detail: String) -> StaffAPIError {
        StaffAPIError(.unsupportedMediaType, code: "unsupported_file_type", detail: detail)
    }

    /// A body larger than the route takes (413).
    public static func payloadTooLarge(_ detail: String) -> StaffAPIError {
        StaffAPIError(.payloadTooLarge, code: "payload_too_large", detail: detail)
    }

    /// The path exists but not with this method (405, with `Allow`).
    public static func methodNotAllowed(_ method: String, allowed: [String]) -> StaffAPIError {
        StaffAPIError(
            .methodNotAllowed(allowed: allowed), code: "method_not_allowed",
            detail: "\(method) is not allowed here; use \(allowed.joined(separator: " or "))")
    }

    /// Loket failed (500); the detail holds no internals, the log has them.
    public static let internalError = StaffAPIError(
        .internalError, code: "internal_error", detail: "Loket could not complete the request; see its log and retry")

    /// The HTTP status of this error.
    public var status: Int {
        switch self.kind {
        case .unauthorized: 401
        case .forbidden: 403
        case .notFound: 404
        case .conflict: 409
        case .badRequest: 400
        case .unsupportedMediaType: 415
        case .payloadTooLarge: 413
        case .methodNotAllowed: 405
        case .tooManyRequests: 429
        case .unavailable: 503
        case .internalError: 500
        }
    }

    /// The methods to list in `Allow`, for a 405.
    public var allowedMethods: [String] {
        switch self.kind {
        case .methodNotAllowed(let allowed): allowed
        case .unauthorized, .forbidden, .notFound, .conflict, .badRequest, .unsupportedMediaType, .payloadTooLarge,
            .tooManyRequests,
            .unavailable, .internalError:
            []
        }
    }

    public var description: String { "\(self.status) \(self.code): \(self.detail)" }
}
