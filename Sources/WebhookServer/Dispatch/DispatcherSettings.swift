import Foundation

/// How the dispatcher runs: lanes, stale-replay age, retries.
public struct DispatcherSettings: Equatable, Sendable {
    /// Serial lanes; each conversation key always maps to the same lane.
    public var laneCount: Int
    /// Messages older than this (by WhatsApp's timestamp) when processed are stale replays.
    public var staleAge: TimeInterval
    /// Attempts before a transiently failing event is marked failed.
    public var maxAttempts: Int
    /// The safety-net sweep for pending rows (the inbox wakes the dispatcher on every commit).
    public var sweepInterval: TimeInterval
    /// Events handed to lanes but not finished, at most.
    public var maxInFlight: Int
    /// Events of one lane applied in one commit, at most (each in its own savepoint).
    public var batchSize: Int
    /// When true, nothing is processed (for tests that need a backlog; `LOKET_DISPATCH_PAUSED`).
    public var paused: Bool

    public init(
        laneCount: Int = 4, staleAge: TimeInterval = 24 * 3600, maxAttempts: Int = 10, sweepInterval: TimeInterval = 1,
        maxInFlight: Int = 1024, batchSize: Int = 32, paused: Bool = false
    ) {
        self.laneCount = laneCount
        self.staleAge = staleAge
        self.maxAttempts = maxAttempts
        self.sweepInterval = sweepInterval
        self.maxInFlight = maxInFlight
        self.batchSize = max(1, batchSize)
        self.paused = paused
    }

    /// Exponential backoff for the `attempt`-th failure (1-based): 2, 4, 8, … seconds, at most 5 minutes.
    public func backoff(afterAttempt attempt: Int) -> TimeInterval {
        min(300, pow(2, Double(min(attempt, 16))))
    }
}
