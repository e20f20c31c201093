import Support

/// The envelope Meta sends webhooks in, for what plays Meta on this machine: the phone simulator and the
/// benchmarks.
public enum WebhookEnvelope {
    /// `{"object":"whatsapp_business_account","entry":[{"id":…,"changes":[{"field":"messages","value":…}]}]}`
    public static func wrapping(_ value: [(String, JSONValue)], accountID: String) -> JSONValue {
        .object([
            ("object", .string("whatsapp_business_account")),
            (
                "entry",
                .array([
                    .object([
                        ("id", .string(accountID)),
                        ("changes", .array([.object([("field", .string("messages")), ("value", .object(value))])])),
                    ])
                ])
            ),
        ])
    }

    /// The `value` of a webhook carrying `message` from `phone` (WhatsApp profile `name`) to the business
    /// number `phoneNumberID`.
    public static func messageValue(
        _ message: [(String, JSONValue)], from phone: String, name: String, phoneNumberID: String
    ) -> [(String, JSONValue)] {
        [
            ("messaging_product", .string("whatsapp")),
            (
                "metadata",
                .object([("display_phone_number", .string("15550000000")), ("phone_number_id", .string(phoneNumberID))])
            ),
            (
                "contacts",
                .array([.object([("profile", .object([("name", .string(name))])), ("wa_id", .string(phone))])])
            ),
            ("messages", .array([.object(message)])),
        ]
    }
}
