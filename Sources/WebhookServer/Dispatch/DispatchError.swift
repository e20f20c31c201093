/// An error from processing one inbox event; permanent errors mark the event failed at once.
public struct DispatchError: Error, Equatable, CustomStringConvertible {
    private enum Kind: Equatable {
        case permanent
        case transient
        case unprepared
    }

    private let kind: Kind
    public let reason: String

    /// The event can never be handled (unreadable, refused): it is marked failed with `reason`.
    public static func permanent(_ reason: String) -> DispatchError { DispatchError(kind: .permanent, reason: reason) }

    /// The event could not be handled now: it stays pending and is retried with backoff.
    public static func transient(_ reason: String) -> DispatchError { DispatchError(kind: .transient, reason: reason) }

    /// The event needs slow work its preparation did not do (a download asked for only by the state an
    /// earlier event of the same batch left): it is retried at once, prepared against the new state.
    public static func unprepared(_ reason: String) -> DispatchError {
        DispatchError(kind: .unprepared, reason: reason)
    }

    public var isPermanent: Bool { self.kind == .permanent }

    /// Whether the retry needs no backoff: nothing failed, only the preparation is out of date.
    public var isUnprepared: Bool { self.kind == .unprepared }

    public var description: String {
        switch self.kind {
        case .permanent: return "cannot be processed: \(self.reason)"
        case .transient: return "temporarily failed: \(self.reason)"
        case .unprepared: return "not prepared: \(self.reason)"
        }
    }
}
