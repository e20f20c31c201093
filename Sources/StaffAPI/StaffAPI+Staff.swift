import Foundation
import HTTPServer
import StaffAccess
import Storage
import Support
import Ticketing

extension StaffAPI {
    func listStaff(_ caller: StaffCaller) throws -> HTTPResponse {
        let members = try self.writer.read { database in
            let store = SQLiteTicketStore.transaction(on: database, configuration: self.tickets)
            _ = try self.actingStaff(caller, in: store)
            let accounts = StaffAccounts(database: database, policy: self.access)
            return try store.staff().map { Self.object(of: $0, role: try accounts.role(of: $0.id)) }
        }
        return Self.json(200, .object([("staff", .array(members))]))
    }

    func showStaff(_ id: String, _ caller: StaffCaller) throws -> HTTPResponse {
        let member = try self.writer.read { database in
            let store = SQLiteTicketStore.transaction(on: database, configuration: self.tickets)
            _ = try self.actingStaff(caller, in: store)
            guard let member = try store.staffMember(id: id) else {
                throw StaffAPIError.notFound("unknown_staff", "no staff member has the id \"\(id)\"")
            }
            let role = try StaffAccounts(database: database, policy: self.access).role(of: id)
            return Self.object(of: member, role: role)
        }
        return Self.json(200, member)
    }

    /// Creates or updates a staff member with a role: admins only; the last active admin can be neither
    /// demoted nor disabled. A new member has no password until one is set (`loket staff passwd` or
    /// `POST /api/staff/{id}/password` by an admin).
    func saveStaff(id: String, name: String, role: StaffRole, active: Bool, _ caller: StaffCaller) throws
        -> HTTPResponse
    {
        try Self.requireAdmin(caller, "create or change staff members")
        let (member, created) = try self.writer.write(durability: .powerLoss) { database in
            let store = SQLiteTicketStore.transaction(on: database, configuration: self.tickets)
            _ = try self.actingStaff(caller, in: store)
            let existing = try store.staffMember(id: id)
            do {
                try StaffAccounts(database: database, policy: self.access).save(
                    id: id, name: name, role: role, active: active, at: self.now())
            } catch let error as AccessError {
                throw StaffAPIError.conflict("staff_refused", error.description)
            }
            return (try store.staffMember(id: id)!, existing == nil)
        }
        self.logger.info("staff_api.staff_saved", ["staff": member.id, "role": role.rawValue])
        return Self.json(created ? 201 : 200, try self.staffObject(member))
    }

    /// A member with their role: `{"id", "name", "level", "role", "active"}`.
    func staffObject(_ member: StaffMember) throws -> JSONValue {
        let role = try self.writer.read { try StaffAccounts(database: $0, policy: self.access).role(of: member.id) }
        return Self.object(of: member, role: role)
    }

    /// `{"id", "name", "level", "role", "active"}`; `role` is null for a member without credentials.
    static func object(of member: StaffMember, role: StaffRole?) -> JSONValue {
        var object = Self.object(of: member).object ?? JSONObject(members: [], byteRange: 0..<0)
        object.members.append((key: "role", value: .string(role?.rawValue)))
        return .object(object)
    }
}
