/// The SLA target per ticket type in working minutes, counted in office hours.
public struct SLAPolicy: Hashable, Sendable {
    public var targets: [TicketType: Int]
    /// The target used while a ticket has no type yet (before it is classified).
    public var unclassifiedTarget: Int

    public init(targets: [TicketType: Int], unclassifiedTarget: Int) {
        self.targets = targets
        self.unclassifiedTarget = unclassifiedTarget
    }

    /// Permintaan Layanan 1 working hour, Permasalahan 1 working day, Gangguan 3 working days;
    /// an unclassified ticket gets the shortest target so that it is looked at first.
    public static func standard(officeHours: OfficeHours = .standard) -> SLAPolicy {
        let day = officeHours.minutesPerDay
        return SLAPolicy(
            targets: [.permintaanLayanan: 60, .permasalahan: day, .gangguan: 3 * day], unclassifiedTarget: 60)
    }

    /// The target for `type` in working minutes.
    public func targetMinutes(for type: TicketType?) -> Int {
        type.flatMap { self.targets[$0] } ?? self.unclassifiedTarget
    }
}
