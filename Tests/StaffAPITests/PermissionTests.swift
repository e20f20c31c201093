import Foundation
import StaffAccess
import Testing

@testable import StaffAPI

/// Every route and method of the API, for no caller and for each role: who is let in and who is refused.
struct PermissionTests {
    /// Routes only admins may use; routes about member `{id}` that only they (or an admin) may use.
    static let adminOnly: Set<String> = ["PUT /api/staff/{id}", "GET /api/audit"]
    static let selfOrAdmin: Set<String> = [
        "POST /api/staff/{id}/password", "GET /api/staff/{id}/tokens", "POST /api/staff/{id}/tokens",
        "DELETE /api/staff/{id}/tokens/{tokenID}", "POST /api/staff/{id}/calendar-token",
        "DELETE /api/staff/{id}/calendar-token",
    ]
    /// Routes that answer without a session or API token (they check their own credential).
    static let open: Set<String> = ["POST /api/session", "GET /api/verification/calendar.ics"]

    @Test func everyRouteRefusesNoCallerAndChecksTheRole() throws {
        let api = try StaffAPITests()
        try api.withStaff()
        try api.member("koor", "Koordinator", .level2)
        let number = try api.openTicket()
        var checked = 0
        for route in StaffAPIRoute.table {
            // {id} is the admin `lead`: other members may not act for them.
            let path = route.path.replacingOccurrences(of: "{id}", with: "lead").replacingOccurrences(
                of: "{number}", with: "\(number)"
            )
            .replacingOccurrences(of: "{tokenID}", with: "999").replacingOccurrences(
                of: "{sha256}", with: String(repeating: "a", count: 64)
            )
            .replacingOccurrences(of: "{kind}", with: "status")
            for method in route.methods {
                let key = "\(method) \(route.path)"
                // Logging out is covered in SessionAPITests; here it would end the test's own access.
                if key == "DELETE /api/session" || key == "DELETE /api/sessions" { continue }
                let bodies: [String: [String: Any]] = [
                    "PUT /api/staff/{id}": ["name": "Lead", "role": "admin"],
                    "POST /api/staff/{id}/password": ["password": "lead-password-2"],
                    "POST /api/staff/{id}/tokens": ["label": "skrip"],
                    "POST /api/tickets/{number}/actions": ["action": "note", "text": "dicek"],
                    "POST /api/session": ["id": "lead", "password": "salah"],
                ]
                let body: [String: Any]? = method == "GET" || method == "DELETE" ? nil : bodies[key] ?? [:]
                let anonymous = try api.call(method, path, body)
                if Self.open.contains(key) {
                    #expect(anonymous.status != 403, "\(key) anonymously: \(anonymous.status)")
                } else {
                    #expect(anonymous.status == 401, "\(key) without a caller answered \(anonymous.status)")
                }
                for staff in ["sari", "koor", "lead"] {
                    let answer = try api.call(method, path, body, staff: staff)
                    let refused = answer.status == 403
                    let mayNot = staff != "lead" && (Self.adminOnly.contains(key) || Self.selfOrAdmin.contains(key))
                    if Self.open.contains(key) { continue }
                    #expect(answer.status != 401, "\(key) as \(staff): \(answer.status)")
                    #expect(refused == mayNot, "\(key) as \(staff) answered \(answer.status) \(answer.json)")
                    checked += 1
                }
            }
        }
        #expect(checked >= 60)
    }
}
