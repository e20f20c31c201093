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
    func saveStaff(_ id: String, _ request: HTTPRequest) throws -> HTTPResponse {
        let body = try StaffAPIRequestBody(request)
        let name = try body.string("name")
        guard name.count <= 100 else { throw StaffAPIError.badRequest("invalid_field", "\"name\" is longer than 100") }
        let levelNumber = try body.int("level")
        guard let level = StaffLevel(rawValue: levelNumber) else {
            throw StaffAPIError.badRequest("invalid_field", "the field \"level\" must be 1 or 2, not \(levelNumber)")
        }
        let active = try body.optionalBool("active") ?? true
        let (member, created) = try self.writer.write(durability: .powerLoss) { database in
            let store = SQLiteTicketStore.transaction(on: database, configuration: self.tickets)
            if try store.staff().isEmpty {
                guard level == .level2 else {
                    throw StaffAPIError.forbidden(
                        "the first staff member is created with the API token alone and must be Level 2 (\"level\": 2)")
                }
            } else {
                let actor = try self.actingStaff(request, in: store)
                guard actor.level == .level2 else {
                    throw StaffAPIError.forbidden("only Level 2 staff may create or change staff members")
                }
            }
            let existing = try store.staffMember(id: id)
            let member = StaffMember(id: id, name: name, level: level, isActive: active)
            try store.saveStaff(member)
            return (member, existing == nil)
        }
        self.logger.info("staff_api.staff_saved", ["staff": id, "level": String(level.rawValue)])
        return Self.json(created ? 201 : 200, Self.object(of: member))
    }
}
