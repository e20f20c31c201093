import Foundation
import Support

/// Why a ticket operation was refused: an illegal transition, an incomplete classification, bad input, a missing row.
public struct TicketError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Kind: Hashable, Sendable {
        case illegalTransition(state: TicketStatus, action: String, role: TicketRole)
        case classificationIncomplete(missing: [String])
        case autoCloseNotDue
        case invalidDraft
        case invalidInput
        case notFound(TicketNumber)
        case notTheReporter(TicketNumber)
        case surveyAlreadySubmitted(TicketNumber)
        case surveyNotAllowed(TicketNumber)
        case invalidSurvey
        case slotUnavailable
        case callNotStarted
    }

    private let kind: Kind
    public let description: String

    private init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }

    /// `action` is not allowed for `role` while the ticket is in `state`.
    public static func illegalTransition(state: TicketStatus, action: TicketAction, role: TicketRole) -> TicketError {
        TicketError(
            .illegalTransition(state: state, action: action.name, role: role),
            "cannot \(action.name) a ticket in state \(state) as \(role)")
    }

    /// A take needs these classification fields first.
    public static func classificationIncomplete(missing: [String]) -> TicketError {
        TicketError(
            .classificationIncomplete(missing: missing),
            "cannot take the ticket before setting: \(missing.joined(separator: ", "))")
    }

    /// The resolved ticket's auto-close time has not come yet.
    public static func autoCloseNotDue(_ number: TicketNumber?) -> TicketError {
        TicketError(.autoCloseNotDue, "ticket \(number.map(\.description) ?? "") is not due for auto-close yet")
    }

    public static func invalidDraft(_ reason: String) -> TicketError {
        TicketError(.invalidDraft, "cannot open the ticket: \(reason)")
    }

    public static func invalidInput(_ reason: String) -> TicketError {
        TicketError(.invalidInput, reason)
    }

    public static func notFound(_ number: TicketNumber) -> TicketError {
        TicketError(.notFound(number), "ticket \(number) does not exist")
    }

    /// Someone other than the ticket's reporter acted as its reporter.
    public static func notTheReporter(_ number: TicketNumber) -> TicketError {
        TicketError(.notTheReporter(number), "ticket \(number) belongs to another reporter")
    }

    public static func surveyAlreadySubmitted(_ number: TicketNumber) -> TicketError {
        TicketError(.surveyAlreadySubmitted(number), "ticket \(number) already has a survey")
    }

    public static func surveyNotAllowed(_ number: TicketNumber, status: TicketStatus) -> TicketError {
        TicketError(.surveyNotAllowed(number), "ticket \(number) is \(status); only a closed ticket can be evaluated")
    }

    public static func invalidSurvey(_ reason: String) -> TicketError {
        TicketError(.invalidSurvey, "survey refused: \(reason)")
    }

    public static func slotUnavailable(_ reason: String) -> TicketError {
        TicketError(.slotUnavailable, reason)
    }

    /// A no-show recorded before the call's start.
    public static func callNotStarted(_ number: TicketNumber, start: Date) -> TicketError {
        TicketError(
            .callNotStarted,
            "the call of ticket \(number) starts at \(JakartaTime.format(start)): a no-show can be recorded from then")
    }

    public static func == (lhs: TicketError, rhs: TicketError) -> Bool { lhs.kind == rhs.kind }

    public func hash(into hasher: inout Hasher) { hasher.combine(self.kind) }
}
