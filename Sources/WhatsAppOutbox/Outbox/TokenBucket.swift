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

    /// Takes the whole tokens available at `now`, at most `count`; returns how many it took.
    public mutating func take(upTo count: Int, now: Date) -> Int {
        self.refill(now: now)
        let taken = max(0, min(count, Int(self.tokens + Self.tolerance)))
        self.tokens -= Double(taken)
        return taken
    }

    /// Puts back `count` tokens taken and not spent (never above `capacity`).
    public mutating func giveBack(_ count: Int) {
        self.tokens = min(self.capacity, self.tokens + Double(max(0, count)))
    }

    /// `nil` when a token is available at `now`, else the instant one will be.
    public func nextTokenAt(now: Date) -> Date? {
        self.instant(when: 1, now: now)
    }

    /// `nil` when `count` tokens (at most `capacity`) are available at `now`, else the instant they will be.
    public func instant(when count: Double, now: Date) -> Date? {
        let wanted = min(max(1, count), self.capacity)
        let available = self.available(now: now)
        guard available + Self.tolerance < wanted else { return nil }
        return now.addingTimeInterval((wanted - available) / self.ratePerSecond)
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

    /// Rounding slack: tokens due at an instant computed from the rate are there at that instant (a `Date`
    /// near today is precise to about 0.2 µs, which is 0.0002 tokens at 1,000/s).
    private static let tolerance = 1e-3

    private mutating func refill(now: Date) {
        self.tokens = self.available(now: now)
        self.updatedAt = max(self.updatedAt, now)
    }
}
