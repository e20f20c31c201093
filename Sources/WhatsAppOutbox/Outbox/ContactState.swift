import Foundation

/// The outbox's view of one contact.
public struct ContactState: Equatable, Sendable {
    public var lastInboundAt: Date?
    public var isUndeliverable: Bool
    public var undeliverableReason: String?
    /// When the default template last told the contact that messages are waiting, if it has not written since.
    public var noticeSentAt: Date?

    public init(
        lastInboundAt: Date?, isUndeliverable: Bool, undeliverableReason: String?, noticeSentAt: Date? = nil
    ) {
        self.lastInboundAt = lastInboundAt
        self.isUndeliverable = isUndeliverable
        self.undeliverableReason = undeliverableReason
        self.noticeSentAt = noticeSentAt
    }

    /// Whether free-form messages may be sent at `now` under a window of `length`.
    public func isWindowOpen(at now: Date, length: TimeInterval) -> Bool {
        guard let lastInboundAt else { return false }
        return now.timeIntervalSince(lastInboundAt) < length
    }
}
