import Foundation
import HTTPServer
import Storage
import Support
import Ticketing

extension StaffAPI {
    func listStaff(_ request: HTTPRequest) throws -> HTTPResponse {
        let members = try self.writer.read { database in
            let store = SQLiteTicketStore.transaction(on: database, configuration: self.tickets)
            _ = try self.actingStaff(request, in: store)
            return try store.staff()
        }
        return Self.json(200, .object([("staff", .array(members.map(Self.object(of:))))]))
    }

    func showStaff(_ id: String, _ request: HTTPRequest) throws -> HTTPResponse {
        let member = try self.writer.read { database in
            let store = SQLiteTicketStore.transaction(on: database, configuration: self.tickets)
            _ = try self.actingStaff(request, in: store)
            guard let member = try store.staffMember(id: id) else {
                throw StaffAPIError.notFound("unknown_staff", "no staff member has the id \"\(id)\"")
            }
            return member
        }
        return Self.json(200, Self.object(of: member))
    }

    /// Creates or updates a staff member: Level 2 only, except the very first member (bootstrap), which the token
    /// alone may create and which must be Level 2.
    func saveStaff(_ member: StaffMember, _ request: HTTPRequest) throws -> HTTPResponse {
        let (member, created) = try self.writer.write(durability: .powerLoss) { database in
            let store = SQLiteTicketStore.transaction(on: database, configuration: self.tickets)
            if try store.staff().isEmpty {
                guard member.level == .level2 else {
                    throw StaffAPIError.forbidden(
                        "the first staff member is created with the API token alone and must be Level 2 (\"level\": 2)")
                }
            } else {
                let actor = try self.actingStaff(request, in: store)
                guard actor.level == .level2 else {
                    throw StaffAPIError.forbidden("only Level 2 staff may create or change staff members")
                }
            }
            let existing = try store.staffMember(id: member.id)
            try store.saveStaff(member)
            return (member, existing == nil)
        }
        self.logger.info("staff_api.staff_saved", ["staff": member.id, "level": String(member.level.rawValue)])
        return Self.json(created ? 201 : 200, Self.object(of: member))
    }
}
