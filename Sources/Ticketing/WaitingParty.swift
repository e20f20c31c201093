/// The party a ticket waits on.
public enum WaitingParty: Hashable, Sendable {
    case helpdesk(StaffLevel)
    case reporter
    case nobody
}
