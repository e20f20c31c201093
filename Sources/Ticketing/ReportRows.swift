import Support

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

    /// Every dimension's counts and the SLA rows of one period, as `TicketReports.summary(in:now:)` reads them.
    public struct Summary: Hashable, Sendable {
        /// Per dimension, in the order `counts(by:in:)` gives (empty when the period has no tickets).
        public let counts: [ReportDimension: [Count]]
        public let sla: [SLA]

        public func counts(by dimension: ReportDimension) -> [Count] { self.counts[dimension] ?? [] }
    }

    /// Medians in working minutes of first response and resolution.
    public struct Timing: Hashable, Sendable {
        public let tickets: Int
        public let responded: Int
        public let medianFirstResponseMinutes: Double?
        public let resolved: Int
        public let medianResolutionMinutes: Double?
    }

    /// Verification calls of one day and verifier.
    public struct Verification: Hashable, Sendable {
        public var day: LocalDate
        public var verifier: Int
        /// Booked and still ahead (or not yet recorded).
        public var booked = 0
        public var done = 0
        public var noShows = 0
        public var cancelled = 0
        /// Median calendar days from ticket creation to the call, over calls not cancelled.
        public var medianLeadDays: Double?

        public init(day: LocalDate, verifier: Int) {
            self.day = day
            self.verifier = verifier
        }

        /// No-shows among the calls that took place or were missed; nil when none did.
        public var noShowRate: Double? {
            self.done + self.noShows == 0 ? nil : Double(self.noShows) / Double(self.done + self.noShows)
        }
    }
}
