import Foundation

/// What Loket holds about the contact, for "data saya apa saja?" (UU 27/2022: the right to see one's data).
public struct PersonalDataSummary: Equatable, Sendable {
    public var profileName: String?
    public var tickets: Int
    public var documents: Int
    public var surveys: Int
    /// An erasure request waiting for staff, by its ticket number.
    public var pendingErasure: Int?

    public init(
        profileName: String? = nil, tickets: Int = 0, documents: Int = 0, surveys: Int = 0, pendingErasure: Int? = nil
    ) {
        self.profileName = profileName
        self.tickets = tickets
        self.documents = documents
        self.surveys = surveys
        self.pendingErasure = pendingErasure
    }
}
