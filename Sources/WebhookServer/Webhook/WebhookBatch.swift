/// What one webhook body holds: its events in order, and notes on what was skipped.
public struct WebhookBatch: Equatable, Sendable {
    public var events: [WebhookEvent]
    /// Human-readable notes on anything acknowledged but not stored (unknown fields, change kinds,
    /// elements without an id, errors WhatsApp reported), for the log.
    public var notes: [String]

    public init(events: [WebhookEvent] = [], notes: [String] = []) {
        self.events = events
        self.notes = notes
    }
}
