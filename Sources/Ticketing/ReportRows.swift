/// The typed rows of the helpdesk reports, each convertible to a CSV table.
public enum ReportRows {
    /// Tickets per value of a dimension.
    public struct Count: Hashable, Sendable {
        public let key: String
        public let tickets: Int
    }

    /// Resolutions on time and late, per ticket type; `openBreached` counts unresolved tickets already past due.
    public struct SLA: Hashable, Sendable {
        public let type: String
        public let met: Int
        public let breached: Int
        public let openBreached: Int
    }

    /// Medians in working minutes of first response and resolution.
    public struct Timing: Hashable, Sendable {
        public let tickets: Int
        public let responded: Int
        public let medianFirstResponseMinutes: Double?
        public let resolved: Int
        public let medianResolutionMinutes: Double?
    }
}
