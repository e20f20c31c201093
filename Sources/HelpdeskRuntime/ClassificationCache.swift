import Foundation
import Intents

/// What the recognizer said of a message's text, read while the message was prepared, so that the transaction
/// that handles it does not read the text again.
///
/// Lanes prepare their messages side by side, outside the write transaction, which one lane at a time holds: a
/// paragraph read there is read on all cores, not on the writer's alone. An entry serves only the same message
/// with the same text at the same time of reading (a date in the text is read against it), so it is what reading
/// the text again would give.
public final class ClassificationCache: Sendable {
    private struct Entry {
        var text: String
        var now: Date
        var classification: Classification
    }

    private let entries: BoundedCache<Entry>

    /// At most this many messages are held; past it, a quarter of them are dropped (a message prepared and never
    /// handled, a stale replay, leaves its entry behind).
    public var capacity: Int { self.entries.capacity }

    public init(capacity: Int = 4096) {
        self.entries = BoundedCache(capacity: capacity)
    }

    /// Keeps `classification`, read from `text` at `now`, for message `messageID`.
    public func keep(_ classification: Classification, of text: String, at now: Date, for messageID: String) {
        self.entries.set(Entry(text: text, now: now, classification: classification), for: messageID)
    }

    /// The classification kept for message `messageID` when it was read from `text` at `now`.
    public func classification(of messageID: String, text: String, at now: Date) -> Classification? {
        self.entries[messageID].flatMap { $0.text == text && $0.now == now ? $0.classification : nil }
    }

    /// Drops what is held for message `messageID` (it was handled).
    public func forget(_ messageID: String) {
        self.entries.remove(messageID)
    }

    /// Messages held now.
    public var count: Int { self.entries.count }
}
