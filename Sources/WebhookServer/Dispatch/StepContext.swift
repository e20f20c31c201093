import Foundation

/// What a conversation step knows besides the message: the time, whether the message is a stale
/// replay, and who wrote.
public struct StepContext: Equatable, Sendable {
    /// The dispatcher's clock reading for this step.
    public var now: Date
    /// Whether the message is older than the stale-replay age (e.g. a backlog Meta replays after an
    /// outage): record it, but do not answer it as if it were fresh.
    public var isStale: Bool
    /// The sender with their profile name, when WhatsApp shared it.
    public var contact: WebhookContact

    public init(now: Date, isStale: Bool, contact: WebhookContact) {
        self.now = now
        self.isStale = isStale
        self.contact = contact
    }
}
