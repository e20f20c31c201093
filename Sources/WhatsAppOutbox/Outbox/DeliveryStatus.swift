/// A delivery status Meta reports for a message we sent, ordered so the highest seen wins.
public enum DeliveryStatus: String, Equatable, Sendable {
    case sent
    case delivered
    case read
    /// A voice message was played: at least as far as `read`.
    case played
    /// Recorded beside the highest status, never instead of it.
    case failed

    /// The rank in sent < delivered < read ≤ played; `nil` for `failed`, which is not on the ladder.
    public var rank: Int? {
        switch self {
        case .sent: return 1
        case .delivered: return 2
        case .read: return 3
        case .played: return 4
        case .failed: return nil
        }
    }
}
