import Foundation
import Support

/// An error answer of the Graph API: `{"error":{"code":…,"message":…,"error_data":{"details":…}}}`.
public struct GraphAPIError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The HTTP status of the answer.
    public let httpStatus: Int
    /// Meta's error code, when the body carried one.
    public let code: Int?
    public let message: String
    /// `error_data.details`, when present.
    public let details: String?

    public init(httpStatus: Int, code: Int?, message: String, details: String? = nil) {
        self.httpStatus = httpStatus
        self.code = code
        self.message = message
        self.details = details
    }

    /// Parses an error answer; a body that is not Meta's error shape still yields an error with the status.
    public static func parse(status: Int, body: [UInt8]) -> GraphAPIError {
        guard let error = GraphJSONReading.object(body)?["error"], error.object != nil else {
            let text = String(decoding: body.prefix(200), as: UTF8.self)
            return GraphAPIError(httpStatus: status, code: nil, message: text.isEmpty ? "HTTP \(status)" : text)
        }
        let code = error["code"]?.integer
        let message = error["message"]?.stringValue ?? "HTTP \(status)"
        let details = error["error_data"]?["details"]?.stringValue
        return GraphAPIError(httpStatus: status, code: code, message: message, details: details)
    }

    public var description: String {
        var text = "Graph API error HTTP \(self.httpStatus)"
        if let code { text += " code \(code)" }
        text += ": \(self.message)"
        if let details { text += " (\(details))" }
        return text
    }
}
