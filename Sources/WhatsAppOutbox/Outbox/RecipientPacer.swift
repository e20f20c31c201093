import Foundation

/// Paces messages to each recipient: a burst, then about one message per `interval` sustained, as Meta asks
/// (roughly one message per 6 seconds to the same user, bursts allowed; a 131056 answer is retried with
/// backoff). The burst covers a chat in which every tap is answered, such as the eight survey questions.
public struct RecipientPacer: Equatable, Sendable {
    public let burst: Int
    public let interval: TimeInterval
    private var buckets: [String: TokenBucket] = [:]
    /// Above this many tracked recipients, full buckets are forgotten.
    private let pruneThreshold: Int

    public init(burst: Int = 20, interval: TimeInterval = 6, pruneThreshold: Int = 10_000) {
        precondition(burst >= 1 && interval > 0, "Invalid pacing: burst ≥ 1 and a positive interval")
        self.burst = burst
        self.interval = interval
        self.pruneThreshold = pruneThreshold
    }

    /// `nil` when a message to `recipient` may go at `now`, else when it may.
    public func nextSlot(for recipient: String, now: Date) -> Date? {
        self.buckets[recipient]?.nextTokenAt(now: now)
    }

    /// Counts a message to `recipient` sent at `now`.
    public mutating func recordSend(to recipient: String, now: Date) {
        var bucket =
            self.buckets[recipient]
            ?? TokenBucket(capacity: Double(self.burst), ratePerSecond: 1 / self.interval, now: now)
        _ = bucket.take(now: now)
        self.buckets[recipient] = bucket
        if self.buckets.count > self.pruneThreshold {
            self.buckets = self.buckets.filter { !$0.value.isFull(now: now) }
        }
    }

    /// How many recipients are tracked.
    public var trackedRecipients: Int { self.buckets.count }
}
