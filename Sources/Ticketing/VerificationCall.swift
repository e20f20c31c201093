import Foundation

/// One verification-call booking of a ticket, as stored.
public struct VerificationCall: Hashable, Sendable {
    public enum State: String, CaseIterable, Hashable, Sendable {
        /// Kept for the provider to confirm until `holdUntil`.
        case held
        case booked
        case cancelled
        case done
        case noShow = "no_show"
    }

    public let id: Int
    public let ticket: TicketNumber
    public let start: Date
    /// The verifier's seat in the slot, from 0: "Verifikator 1" is seat 0.
    public let seat: Int
    public let state: State
    public let holdUntil: Date?
    /// Bumped on every move (the iCalendar SEQUENCE).
    public let sequence: Int
    /// Why it was cancelled or moved, as staff or the provider said.
    public let note: String?
    public let createdAt: Date
    public let updatedAt: Date

    public init(
        id: Int, ticket: TicketNumber, start: Date, seat: Int, state: State, holdUntil: Date?, sequence: Int,
        note: String?, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.ticket = ticket
        self.start = start
        self.seat = seat
        self.state = state
        self.holdUntil = holdUntil
        self.sequence = sequence
        self.note = note
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The stable iCalendar UID of this booking (a move keeps it).
    public var uid: String { "verification-\(self.id)@loket" }
}

/// A registration ticket's verification status: ready to book (documents complete), and its no-shows.
public struct VerificationStatus: Hashable, Sendable {
    public let ticket: TicketNumber
    public let readyAt: Date
    public let noShows: Int
    public let verifiedAt: Date?
    /// After too many no-shows: nothing is offered to the provider until staff mark the documents complete again.
    public let isPaused: Bool
    /// The confirmed booking, if any.
    public let booking: VerificationCall?
    /// A slot held for the provider to confirm (a first booking or a move), if any and not expired.
    public let hold: VerificationCall?

    public init(
        ticket: TicketNumber, readyAt: Date, noShows: Int, verifiedAt: Date?, isPaused: Bool = false,
        booking: VerificationCall?, hold: VerificationCall?
    ) {
        self.isPaused = isPaused
        self.ticket = ticket
        self.readyAt = readyAt
        self.noShows = noShows
        self.verifiedAt = verifiedAt
        self.booking = booking
        self.hold = hold
    }
}
