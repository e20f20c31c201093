/// Where one outbound message stands.
public enum OutboundState: String, Equatable, Sendable {
    /// Waiting for its turn (first attempt or a retry).
    case queued
    /// Handed to the Graph API; if the process died here it is tried again.
    case sending
    /// Accepted by Meta (delivery statuses follow).
    case sent
    /// Refused for good, or given up after retries.
    case failed
    /// Broke Meta's limits; never sent.
    case invalid
    /// Outside the 24-hour window with no template of its own: kept until the contact writes again (the
    /// default template told them a message is waiting), then queued.
    case held
}
