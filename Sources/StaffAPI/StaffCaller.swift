import StaffAccess

/// Who an authenticated request comes from: a member, their role, their address, and the session's cookie
/// token when the request came from the console (nil for a personal API token).
struct StaffCaller: Sendable {
    let id: String
    let role: StaffRole
    let address: String
    let sessionToken: String?
}
