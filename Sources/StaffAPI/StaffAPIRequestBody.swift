import Foundation
import HTTPServer
import Support

/// The JSON object a staff API request carries, with typed field access that answers 400 naming the field.
struct StaffAPIRequestBody {
    private let object: JSONObject

    /// Parses `request`'s body: it must be declared `application/json` (UTF-8) and hold one JSON object.
    init(_ request: HTTPRequest) throws(StaffAPIError) {
        guard let contentType = request.headers["Content-Type"] else { throw .unsupportedMediaType }
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard parts.first == "application/json" else { throw .unsupportedMediaType }
        for parameter in parts.dropFirst() where parameter.hasPrefix("charset=") {
            let charset = parameter.dropFirst("charset=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            guard charset == "utf-8" || charset == "utf8" else { throw .unsupportedMediaType }
        }
        guard !request.body.isEmpty else {
            throw .badRequest("malformed_json", "the request body is empty; send a JSON object")
        }
        guard String(validating: request.body, as: UTF8.self) != nil else {
            throw .badRequest("malformed_json", "the request body is not valid UTF-8")
        }
        let parsed: JSONValue
        do {
            parsed = try JSONReader.parse(request.body)
        } catch {
            throw .badRequest("malformed_json", "the request body is not valid JSON")
        }
        guard let object = parsed.object else {
            throw .badRequest("malformed_json", "the request body must be a JSON object")
        }
        self.object = object
    }

    /// A non-blank string field, trimmed.
    func string(_ key: String) throws(StaffAPIError) -> String {
        guard let value = try self.optionalString(key) else {
            throw .badRequest("missing_field", "the field \"\(key)\" is required and must be a non-empty string")
        }
        return value
    }

    /// The longest text a field takes: two WhatsApp messages (4,096 characters each), so one reply can
    /// never flood a provider's chat.
    static let maximumTextLength = 8_192

    /// A string field that may be absent or null; blank counts as absent.
    func optionalString(_ key: String) throws(StaffAPIError) -> String? {
        guard let raw = self.object[key], !raw.isNull else { return nil }
        guard let value = raw.stringValue else {
            throw .badRequest("invalid_field", "the field \"\(key)\" must be a string")
        }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= Self.maximumTextLength else {
            throw .badRequest(
                "text_too_long",
                "the field \"\(key)\" has \(trimmed.count) characters; at most \(Self.maximumTextLength) are taken")
        }
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A whole-number field.
    func int(_ key: String) throws(StaffAPIError) -> Int {
        guard let raw = self.object[key], !raw.isNull else {
            throw .badRequest("missing_field", "the field \"\(key)\" is required and must be a whole number")
        }
        guard case .number(let literal) = raw, let value = Int(literal) else {
            throw .badRequest("invalid_field", "the field \"\(key)\" must be a whole number")
        }
        return value
    }

    /// A boolean field that may be absent.
    func optionalBool(_ key: String) throws(StaffAPIError) -> Bool? {
        guard let raw = self.object[key], !raw.isNull else { return nil }
        guard let value = raw.bool else {
            throw .badRequest("invalid_field", "the field \"\(key)\" must be true or false")
        }
        return value
    }
}
