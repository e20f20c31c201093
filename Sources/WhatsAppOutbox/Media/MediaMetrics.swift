/// The hook through which media downloads are counted by result (`stored`, `too_large`, `wrong_type`,
/// `not_pdf`, `hash_mismatch`, `not_found`, `transient`).
public struct MediaMetrics: Sendable {
    public var downloadRecorded: @Sendable (_ result: String) -> Void

    public init(downloadRecorded: @escaping @Sendable (_ result: String) -> Void) {
        self.downloadRecorded = downloadRecorded
    }

    /// Counts nothing.
    public static let none = MediaMetrics { _ in }
}
