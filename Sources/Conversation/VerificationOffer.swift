import Foundation
import Intents
import Support

/// What the conversation knows of the contact's verification video call, read by the runtime in the same
/// transaction as the turn: the ticket it is for, its booking or hold, the free slots and the rules that
/// explain why a wish cannot be met.
public struct VerificationOffer: Equatable, Sendable {
    /// Why a day has no calls.
    public enum DayClosure: Equatable, Sendable {
        case weekend
        /// A national holiday or cuti bersama, by name.
        case holiday(String)
        /// No verifier on duty (leave), or the day is fully booked.
        case noVerifier
    }

    public var ticket: Int
    /// The ticket's service and legal form: which original documents the director must have at hand.
    public var serviceID: String?
    public var businessForm: BusinessForm?
    /// The confirmed call's start.
    public var booking: Date?
    /// A slot kept for this contact to confirm (not yet expired).
    public var hold: Date?
    /// Every free slot start from the lead time to the horizon, in order.
    public var freeSlots: [Date]
    public var slotMinutes: Int
    /// How long a chosen slot is kept for the provider to confirm.
    public var holdMinutes: Int
    public var windowStartMinute: Int
    public var windowEndMinute: Int
    /// The earliest start bookable now (the lead time), and the end of the horizon.
    public var earliest: Date
    public var horizonEnd: Date
    /// Days without calls by day number, from today to two weeks past the horizon.
    public var closedDays: [Int: DayClosure]
    /// How long before its start a call may still be moved or cancelled.
    public var changeCutoff: TimeInterval
    public var callerName: LocalizedText
    /// The number the call comes from; nil for the helpdesk's own, named in the provider's language.
    public var callerNumber: String?
    /// The number the call goes to: the director's WhatsApp number written in the request, if it was.
    public var directorNumber: String?

    public init(
        ticket: Int, serviceID: String? = nil, businessForm: BusinessForm? = nil, booking: Date? = nil,
        hold: Date? = nil, freeSlots: [Date], slotMinutes: Int = 30, holdMinutes: Int = 5, windowStartMinute: Int = 600,
        windowEndMinute: Int = 840, earliest: Date, horizonEnd: Date, closedDays: [Int: DayClosure] = [:],
        changeCutoff: TimeInterval = 2 * 3600,
        callerName: LocalizedText = LocalizedText(id: "Petugas Helpdesk LPSE", en: "LPSE helpdesk staff"),
        callerNumber: String? = nil, directorNumber: String? = nil
    ) {
        self.ticket = ticket
        self.serviceID = serviceID
        self.businessForm = businessForm
        self.booking = booking
        self.hold = hold
        self.freeSlots = freeSlots
        self.slotMinutes = slotMinutes
        self.holdMinutes = holdMinutes
        self.windowStartMinute = windowStartMinute
        self.windowEndMinute = windowEndMinute
        self.earliest = earliest
        self.horizonEnd = horizonEnd
        self.closedDays = closedDays
        self.changeCutoff = changeCutoff
        self.callerName = callerName
        self.callerNumber = callerNumber
        self.directorNumber = directorNumber
    }

    /// The last moment the provider may move or cancel a call at `start`.
    public func changeDeadline(for start: Date) -> Date {
        start.addingTimeInterval(-self.changeCutoff)
    }

    /// The last moment the provider may move or cancel the booked call, if there is one.
    public var changeDeadline: Date? { self.booking.map(self.changeDeadline(for:)) }
}

/// Which reminder of a booked call is due.
public enum VerificationReminder: String, Equatable, Hashable, Codable, Sendable, CaseIterable {
    /// The working day before, in the afternoon.
    case dayBefore = "day_before"
    /// Shortly before the call.
    case soon
}

/// The booking dialog's data: the slots shown (typed numbers pick among them), the one chosen and held
/// while the provider confirms, whether an existing booking is being moved, and where "Tanggal lain" goes on.
public struct VerificationBooking: Equatable, Codable, Sendable {
    public var ticket: Int
    public var offered: [Date]
    public var chosen: Date?
    public var moving: Bool
    /// Whether the list ended with "Tanggal lain" (later days).
    public var offersLater: Bool
    /// "Tanggal lain" offers slots from this day number on.
    public var laterFrom: Int?

    public init(
        ticket: Int, offered: [Date] = [], chosen: Date? = nil, moving: Bool = false, offersLater: Bool = false,
        laterFrom: Int? = nil
    ) {
        self.ticket = ticket
        self.offered = offered
        self.chosen = chosen
        self.moving = moving
        self.offersLater = offersLater
        self.laterFrom = laterFrom
    }
}
