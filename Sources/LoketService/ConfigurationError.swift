/// Why start-up refused the environment; the description is one line naming the setting.
public struct ConfigurationError: Error, Equatable, CustomStringConvertible {
    private enum Kind: Equatable {
        case invalid(name: String, reason: String)
        case missingCredentials([String])
    }

    private let kind: Kind

    /// `name` is set to something Loket cannot use; `reason` says what is expected.
    public static func invalid(_ name: String, _ reason: String) -> ConfigurationError {
        ConfigurationError(kind: .invalid(name: name, reason: reason))
    }

    /// Some but not all WhatsApp credentials are set.
    public static func missingCredentials(_ names: [String]) -> ConfigurationError {
        ConfigurationError(kind: .missingCredentials(names))
    }

    /// The settings this error names.
    public var settings: [String] {
        switch self.kind {
        case .invalid(let name, _): return [name]
        case .missingCredentials(let names): return names
        }
    }

    public var description: String {
        switch self.kind {
        case .invalid(let name, let reason):
            return "configuration error: \(name) \(reason)"
        case .missingCredentials(let names):
            return "configuration error: \(names.joined(separator: ", ")) "
                + (names.count == 1 ? "is" : "are") + " missing: set all of WHATSAPP_APP_SECRET, "
                + "WHATSAPP_VERIFY_TOKEN, WHATSAPP_ACCESS_TOKEN and WHATSAPP_PHONE_NUMBER_ID, "
                + "or none of the last two for sandbox mode"
        }
    }
}
