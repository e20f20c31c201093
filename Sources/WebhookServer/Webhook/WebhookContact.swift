/// The sender of an inbound message as the webhook's `contacts[]` describes them.
public struct WebhookContact: Equatable, Sendable {
    /// The WhatsApp id (phone number digits), when WhatsApp shares it.
    public var waID: String?
    /// The business-scoped user id (`US.…`), when present.
    public var userID: String?
    /// The profile name the person chose, when shared.
    public var profileName: String?

    public init(waID: String? = nil, userID: String? = nil, profileName: String? = nil) {
        self.waID = waID
        self.userID = userID
        self.profileName = profileName
    }
}
