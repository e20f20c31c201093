import Foundation
import Storage

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

    /// The contact read from a row's `last_inbound_at, undeliverable, undeliverable_reason, notice_sent_at`,
    /// starting at `column`; a row of NULLs (no such contact) is a contact never heard from.
    init(row statement: Statement, from column: Int32) {
        self.init(
            lastInboundAt: statement.optionalDouble(column).map { Date(timeIntervalSince1970: $0) },
            isUndeliverable: statement.int(column + 1) != 0, undeliverableReason: statement.optionalString(column + 2),
            noticeSentAt: statement.optionalDouble(column + 3).map { Date(timeIntervalSince1970: $0) })
    }

    /// Whether free-form messages may be sent at `now` under a window of `length`.
    public func isWindowOpen(at now: Date, length: TimeInterval) -> Bool {
        guard let lastInboundAt else { return false }
        return now.timeIntervalSince(lastInboundAt) < length
    }
}
