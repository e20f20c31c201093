/// Hooks through which the outbox sender reports what it did, for the composition to feed into metrics.
///
/// The pending-count gauge is read on demand with `Outbox.pendingCount(in:)`.
public struct OutboxMetrics: Sendable {
    /// The result of one send attempt (the label of the `sends by result` counter).
    public enum SendResult: String, Equatable, Sendable, CaseIterable {
        /// Meta accepted the message.
        case sent
        /// A transient failure; the message will be tried again.
        case retried
        /// Meta refused it for good, or it was given up after retries.
        case failed
        /// It broke Meta's limits and was never sent.
        case invalid
        /// Meta answered 131047; the template fallback is sent instead.
        case templateSwitched = "template_switched"
        /// The contact cannot receive messages (131026); the message was not sent.
        case undeliverable
        /// Outside the 24-hour window without a template of its own: held until the contact writes again.
        case held
    }

    public var sendRecorded: @Sendable (SendResult) -> Void

    public init(sendRecorded: @escaping @Sendable (SendResult) -> Void) {
        self.sendRecorded = sendRecorded
    }

    /// Reports nothing.
    public static let none = OutboxMetrics { _ in }
}
