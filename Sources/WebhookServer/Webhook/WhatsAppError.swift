import Support

/// An error object WhatsApp attaches to a webhook message, status or change.
public struct WhatsAppError: Equatable, Sendable {
    public var code: Int
    public var title: String?
    public var details: String?

    public init(code: Int, title: String? = nil, details: String? = nil) {
        self.code = code
        self.title = title
        self.details = details
    }

    /// Reads `errors[]`, skipping entries without a numeric code.
    static func list(from value: JSONValue?) -> [WhatsAppError] {
        (value?.elements ?? []).compactMap { error in
            guard let code = error["code"]?.integer else { return nil }
            return WhatsAppError(
                code: code, title: error["title"]?.text,
                details: error["error_data"]?["details"]?.text ?? error["details"]?.text ?? error["message"]?.text)
        }
    }
}
