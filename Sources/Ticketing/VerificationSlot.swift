import Foundation

/// One bookable verification-call slot.
public struct VerificationSlot: Hashable, Sendable {
    public let start: Date
    public let end: Date
    public let seatsLeft: Int

    public init(start: Date, end: Date, seatsLeft: Int) {
        self.start = start
        self.end = end
        self.seatsLeft = seatsLeft
    }
}
