import Foundation

/// What the conversation may tell a contact about one of their own open tickets.
public struct TicketSummary: Equatable, Sendable {
    public var number: Int
    public var title: String
    /// The state as staff would say it ("Diproses Level 1").
    public var stateText: String
    /// Who the ticket waits on ("petugas", "Anda").
    public var waitingOn: String
    public var due: Date?

    public init(number: Int, title: String, stateText: String, waitingOn: String, due: Date?) {
        self.number = number
        self.title = title
        self.stateText = stateText
        self.waitingOn = waitingOn
        self.due = due
    }
}
