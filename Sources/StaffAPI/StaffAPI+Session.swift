import Foundation
import HTTPServer
import StaffAccess
import Storage
import Support
import Ticketing

/// Logging in and out, passwords, personal API tokens and the audit log.
extension StaffAPI {
    /// Checks the password under the login throttle and opens a session: the token goes in an HttpOnly,
    /// SameSite=Strict cookie, the CSRF token in the body. 401 for a wrong id or password, 429 with
    /// `Retry-After` while throttled.
    func login(id: String, password: String, address: String) throws -> HTTPResponse {
        let result = try self.writer.write(durability: .powerLoss) { database in
            try StaffAccounts(database: database, policy: self.access).login(
                id: id, password: password, address: address, at: self.now())
        }
        switch result {
        case .failure(.throttled(let seconds)):
            self.logger.warning("staff_api.login_throttled", ["staff": id, "address": address])
            var response = Self.response(
                for: .tooManyRequests("too many failed logins; try again in \(seconds / 60 + 1) minutes"))
            response.headers.add(name: "Retry-After", value: String(seconds))
            return response
        case .failure:
            self.logger.warning("staff_api.login_failed", ["staff": id, "address": address])
            throw StaffAPIError.unauthorized("the id or the password is wrong")
        case .success(let (token, session)):
            self.logger.info("staff_api.login", ["staff": id])
            var response = Self.json(200, try self.sessionObject(session))
            response.headers.add(
                name: "Set-Cookie", value: self.sessionCookie(token, maxAge: Int(self.access.absoluteTimeout)))
            return response
        }
    }

    func sessionCookie(_ value: String, maxAge: Int) -> String {
        "\(Self.sessionCookie)=\(value); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Strict"
            + (self.secureCookies ? "; Secure" : "")
    }

    func sessionObject(_ session: StaffSession) throws -> JSONValue {
        .object([
            ("staff", try self.staffObject(session.member)), ("csrf_token", .string(session.csrfToken)),
            ("expires_at", Self.timestamp(session.createdAt.addingTimeInterval(self.access.absoluteTimeout))),
        ])
    }

    /// The caller and, for a session, its CSRF token (the console reads it after a reload).
    func currentSession(_ caller: StaffCaller) throws -> HTTPResponse {
        let now = self.now()
        if let token = caller.sessionToken,
            let session = try self.writer.write({
                try StaffAccounts(database: $0, policy: self.access).session(token: token, at: now)
            })
        {
            return Self.json(200, try self.sessionObject(session))
        }
        let member = try self.writer.read { database in
            try self.actingStaff(caller, in: SQLiteTicketStore.transaction(on: database, configuration: self.tickets))
        }
        return Self.json(200, .object([("staff", try self.staffObject(member)), ("csrf_token", .null)]))
    }

    func logout(_ caller: StaffCaller) throws -> HTTPResponse {
        if let token = caller.sessionToken {
            try self.writer.write { try StaffAccounts(database: $0, policy: self.access).logout(token: token) }
        }
        var response = Self.json(200, .object([("logged_out", .bool(true))]))
        response.headers.add(name: "Set-Cookie", value: self.sessionCookie("", maxAge: 0))
        return response
    }

    func logoutEverywhere(_ caller: StaffCaller) throws -> HTTPResponse {
        let ended = try self.writer.write {
            try StaffAccounts(database: $0, policy: self.access).logoutEverywhere(caller.id)
        }
        var response = Self.json(200, .object([("sessions_ended", .int(ended))]))
        response.headers.add(name: "Set-Cookie", value: self.sessionCookie("", maxAge: 0))
        return response
    }

    /// A member's own password (with the current one) or anyone's by an admin; every session of theirs ends.
    func setPassword(of id: String, current: String?, new: String, _ caller: StaffCaller) throws -> HTTPResponse {
        try Self.requireSelfOrAdmin(caller, id, "set \(id)'s password")
        let now = self.now()
        try self.writer.write(durability: .powerLoss) { database in
            let accounts = StaffAccounts(database: database, policy: self.access)
            if caller.role != .admin {
                guard let current,
                    case .success = try accounts.login(id: id, password: current, address: caller.address, at: now)
                else { throw StaffAPIError.forbidden("the current password is wrong") }
            }
            do {
                try accounts.setPassword(of: id, to: new, at: now)
            } catch let error as AccessError {
                throw StaffAPIError.badRequest("invalid_field", error.description)
            }
        }
        return Self.json(200, .object([("password_changed", .bool(true))]))
    }

    func listTokens(of id: String, _ caller: StaffCaller) throws -> HTTPResponse {
        try Self.requireSelfOrAdmin(caller, id, "see \(id)'s API tokens")
        let tokens = try self.writer.read { try StaffAccounts(database: $0, policy: self.access).apiTokens(of: id) }
        let items: [JSONValue] = tokens.map {
            .object([
                ("id", .int($0.id)), ("label", .string($0.label)), ("created_at", Self.timestamp($0.createdAt)),
                ("last_used_at", Self.timestamp($0.lastUsedAt)),
            ])
        }
        return Self.json(200, .object([("tokens", .array(items))]))
    }

    /// A new personal token, shown once.
    func createToken(for id: String, label: String, _ caller: StaffCaller) throws -> HTTPResponse {
        try Self.requireSelfOrAdmin(caller, id, "create API tokens for \(id)")
        let (tokenID, token) = try self.writer.write(durability: .powerLoss) { database in
            do {
                return try StaffAccounts(database: database, policy: self.access).createAPIToken(
                    for: id, label: label, at: self.now())
            } catch let error as AccessError {
                throw StaffAPIError.badRequest("invalid_field", error.description)
            }
        }
        return Self.json(201, .object([("id", .int(tokenID)), ("label", .string(label)), ("token", .string(token))]))
    }

    func revokeToken(_ tokenID: Int, of id: String, _ caller: StaffCaller) throws -> HTTPResponse {
        try Self.requireSelfOrAdmin(caller, id, "revoke \(id)'s API tokens")
        let revoked = try self.writer.write {
            try StaffAccounts(database: $0, policy: self.access).revokeAPIToken(tokenID, of: id)
        }
        guard revoked else { throw StaffAPIError.notFound("unknown_token", "\(id) has no API token \(tokenID)") }
        return Self.json(200, .object([("revoked", .bool(true))]))
    }

    /// The audit log, newest first: admins only.
    func auditLog(before: Int, limit: Int, _ caller: StaffCaller) throws -> HTTPResponse {
        try Self.requireAdmin(caller, "read the audit log")
        let entries = try self.writer.read {
            try StaffAccounts(database: $0, policy: self.access).auditLog(before: before, limit: limit)
        }
        let items: [JSONValue] = entries.map {
            .object([
                ("id", .int($0.id)), ("at", Self.timestamp($0.at)), ("staff", .string($0.staff)),
                ("action", .string($0.action)), ("detail", .string($0.detail)), ("address", .string($0.address)),
                ("success", .bool($0.success)),
            ])
        }
        return Self.json(200, .object([("entries", .array(items))]))
    }
}
