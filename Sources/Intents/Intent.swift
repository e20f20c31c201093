/// What a provider's message asks for. The raw values are the labels every caller relies on.
public enum Intent: String, CaseIterable, Codable, Sendable {
    case greeting
    case menu
    case createTicket = "create_ticket"
    case checkStatus = "check_status"
    case schedule
    case cancelBooking = "cancel_booking"
    case human
    case requirements
    case hours
    case cancel
    case back
    case affirm
    case deny
    case thanks
    case language
    case unknown
}
