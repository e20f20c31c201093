/// Why the inbox could not take an event.
public struct InboxError: Error, Equatable, CustomStringConvertible {
    private enum Kind: Equatable {
        case stopped
    }

    private let kind: Kind

    /// The service is stopping and no longer accepts webhooks; WhatsApp will retry.
    public static let stopped = InboxError(kind: .stopped)

    public var description: String {
        switch self.kind {
        case .stopped: return "the inbox is stopped; the webhook will be retried by WhatsApp"
        }
    }
}
