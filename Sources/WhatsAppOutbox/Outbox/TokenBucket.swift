import Foundation

/// A token bucket on an injected clock: `capacity` tokens at most, refilled at `ratePerSecond`.
///
/// Used for the global send rate (80 messages/s per business number) and, one per recipient, for
/// pacing (a short burst, then one message per interval).
public struct TokenBucket: Equatable, Sendable {
    public let capacity: Double
    public let ratePerSecond: Double
    private var tokens: Double
    private var updatedAt: Date

    /// A full bucket at `now`.
    public init(capacity: Double, ratePerSecond: Double, now: Date) {
        precondition(capacity >= 1 && ratePerSecond > 0, "Invalid token bucket: capacity ≥ 1 and a positive rate")
        self.capacity = capacity
        self.ratePerSecond = ratePerSecond
        self.tokens = capacity
        self.updatedAt = now
    }

    /// Takes one token if there is one at `now`; otherwise returns when the next will be there.
    public mutating func take(now: Date) -> Date? {
        if let later = self.nextTokenAt(now: now) { return later }
        self.refill(now: now)
        self.tokens -= 1
        return nil
    }

    /// `nil` when a token is available at `now`, else the instant one will be.
    public func nextTokenAt(now: Date) -> Date? {
        let available = self.available(now: now)
        guard available < 1 else { return nil }
        return now.addingTimeInterval((1 - available) / self.ratePerSecond)
    }

    /// Whether the bucket would be full at `now` (so forgetting it changes nothing).
    public func isFull(now: Date) -> Bool {
        self.available(now: now) >= self.capacity
    }

    /// The tokens available at `now` (fractional; at most `capacity`).
    public func available(now: Date) -> Double {
        let elapsed = max(0, now.timeIntervalSince(self.updatedAt))
        return min(self.capacity, self.tokens + elapsed * self.ratePerSecond)
    }

    private mutating func refill(now: Date) {
        self.tokens = self.available(now: now)
        self.updatedAt = max(self.updatedAt, now)
    }
}
