import Foundation

/// Decides, without I/O, what follows one send attempt: record it sent, retry later with backoff,
/// give up, or send the template instead.
public struct RetryPolicy: Equatable, Sendable {
    /// The delay before the second attempt; each further attempt doubles it.
    public var baseDelay: TimeInterval
    /// No wait between attempts exceeds this.
    public var maxDelay: TimeInterval
    /// After this many attempts a transient failure is recorded as failed. By default it is high enough
    /// that `maxAge` decides: at `maxDelay` between attempts, 400 attempts outlast a day.
    public var maxAttempts: Int
    /// A message older than this (since it was queued) is not retried any more: a Graph API outage shorter
    /// than this loses nothing; every message waits, in order, and goes out once Meta answers again.
    public var maxAge: TimeInterval

    public init(
        baseDelay: TimeInterval = 2, maxDelay: TimeInterval = 300, maxAttempts: Int = 400,
        maxAge: TimeInterval = 24 * 3600
    ) {
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxAttempts = maxAttempts
        self.maxAge = maxAge
    }

    /// Meta error codes worth retrying: throttling, temporary unavailability, unknown internal errors.
    public static let transientCodes: Set<Int> = [130429, 131056, 131057, 4, 80007, 1, 2, 131000, 131016]
    /// The recipient is outside the 24-hour customer-service window.
    public static let outsideWindowCode = 131047
    /// The recipient cannot receive messages.
    public static let undeliverableCode = 131026
    /// The access token is invalid or expired.
    public static let invalidTokenCode = 190

    /// How Meta's answer is to be treated.
    public enum FailureClass: Equatable, Sendable {
        case transient
        case permanent
        case outsideWindow
        case undeliverable
        case invalidToken
    }

    /// What the sender does next.
    public enum Decision: Equatable, Sendable {
        /// Record the message as accepted by Meta with this wamid (empty for mark-as-read).
        case recordSent(wamid: String)
        /// Try again at `date`.
        case retry(at: Date, reason: String)
        /// Record the message as failed, with Meta's codes if any.
        case recordFailed(reason: String, codes: [Int])
        /// Record it failed and flag the contact as undeliverable (131026).
        case flagUndeliverable(reason: String, codes: [Int])
        /// Record it failed and alert the operator: the token is invalid (190).
        case alertOperator(reason: String, codes: [Int])
        /// Send the template fallback instead of the free-form message (131047).
        case sendTemplateInstead
    }

    /// Classifies an error answer.
    public static func classify(_ error: GraphAPIError) -> FailureClass {
        if let code = error.code {
            if code == Self.outsideWindowCode { return .outsideWindow }
            if code == Self.undeliverableCode { return .undeliverable }
            if code == Self.invalidTokenCode { return .invalidToken }
            if Self.transientCodes.contains(code) { return .transient }
        }
        if error.httpStatus >= 500 || error.httpStatus == 429 || error.httpStatus == 408 {
            return .transient
        }
        // Other 4xx (100, 131008, 131009, ...) are our mistake; a 2xx without a message id may have
        // been accepted, so it is not repeated either.
        return .permanent
    }

    /// The decision after attempt number `attempts` (1 for the first) of a message queued at `queuedAt`.
    /// - Parameters:
    ///   - isTemplate: whether the attempt already sent a template (a 131047 then cannot be helped).
    ///   - jitter: a random value in `0..<1`, spreading retries of many messages apart.
    public func decide(
        after outcome: GraphSendOutcome, attempts: Int, queuedAt: Date, isTemplate: Bool, now: Date, jitter: Double
    ) -> Decision {
        switch outcome {
        case .accepted(let wamid):
            return .recordSent(wamid: wamid)
        case .unreachable(let error):
            return self.retryOrGiveUp(
                reason: error.description, codes: [], attempts: attempts, queuedAt: queuedAt, now: now, jitter: jitter)
        case .rejected(let error):
            let codes = error.code.map { [$0] } ?? []
            switch Self.classify(error) {
            case .transient:
                return self.retryOrGiveUp(
                    reason: error.description, codes: codes, attempts: attempts, queuedAt: queuedAt, now: now,
                    jitter: jitter)
            case .permanent:
                return .recordFailed(reason: error.description, codes: codes)
            case .outsideWindow:
                return isTemplate ? .recordFailed(reason: error.description, codes: codes) : .sendTemplateInstead
            case .undeliverable:
                return .flagUndeliverable(reason: error.description, codes: codes)
            case .invalidToken:
                return .alertOperator(reason: error.description, codes: codes)
            }
        }
    }

    /// The wait before attempt `attempts + 1`: exponential, capped, with "equal jitter" (half fixed, half random).
    public func backoff(afterAttempts attempts: Int, jitter: Double) -> TimeInterval {
        let exponent = Double(max(0, min(attempts - 1, 30)))
        let full = min(self.maxDelay, self.baseDelay * pow(2, exponent))
        return full / 2 + full / 2 * min(max(jitter, 0), 1)
    }

    private func retryOrGiveUp(
        reason: String, codes: [Int], attempts: Int, queuedAt: Date, now: Date, jitter: Double
    ) -> Decision {
        let next = now.addingTimeInterval(self.backoff(afterAttempts: attempts, jitter: jitter))
        if attempts >= self.maxAttempts {
            return .recordFailed(reason: "gave up after \(attempts) attempts: \(reason)", codes: codes)
        }
        if next.timeIntervalSince(queuedAt) > self.maxAge {
            return .recordFailed(reason: "gave up, the message is too old to send: \(reason)", codes: codes)
        }
        return .retry(at: next, reason: reason)
    }
}
