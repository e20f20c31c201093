import Foundation
import Storage

/// Where outbound messages are queued, inside the caller's write transaction, for the sender to deliver.
public protocol OutboxQueue: Sendable {
    /// Appends `messages`, in order, to the outbox within the transaction already open on `database`.
    func enqueue(_ messages: [OutboundMessage], in database: Database, now: Date) throws
}
