import Foundation
import HTTPServer
import StaffAccess
import Storage
import Support
import Ticketing

extension StaffAPI {
    /// Answers an authenticated request; runs on the API's queue.
    func route(_ route: StaffAPIRoute, caller: StaffCaller, _ request: HTTPRequest) throws -> HTTPResponse {
        switch route {
        case .listStaff: try self.listStaff(caller)
        case .showStaff(let id): try self.showStaff(id, caller)
        case .saveStaff(let id, let name, let role, let active):
            try self.saveStaff(id: id, name: name, role: role, active: active, caller)
        case .queue(let query): try self.queue(query, caller)
        case .show(let number): try self.show(number, caller)
        case .attachment(let number, let hash): try self.attachment(hash, of: number, caller)
        case .act(let number, let command): try self.act(command, on: number, caller)
        case .sendFile(let number, let upload): try self.sendFile(upload, on: number, caller)
        case .verify(let number, let command): try self.verify(command, on: number, caller)
        case .erasePersonalData(let number): try self.erasePersonalData(of: number, caller)
        case .agenda(let from, let to, let verifier): try self.agenda(from: from, to: to, verifier: verifier, caller)
        case .notices(let after, let limit): try self.notices(after: after, limit: limit, caller)
        case .calendarToken(let id, let create): try self.calendarToken(of: id, create: create, caller)
        case .login: throw StaffAPIError.badRequest("invalid_path", "log in without a session")
        case .currentSession: try self.currentSession(caller)
        case .logout: try self.logout(caller)
        case .logoutEverywhere: try self.logoutEverywhere(caller)
        case .setPassword(let id, let current, let new):
            try self.setPassword(of: id, current: current, new: new, caller)
        case .listTokens(let id): try self.listTokens(of: id, caller)
        case .createToken(let id, let label): try self.createToken(for: id, label: label, caller)
        case .revokeToken(let id, let tokenID): try self.revokeToken(tokenID, of: id, caller)
        case .audit(let before, let limit): try self.auditLog(before: before, limit: limit, caller)
        case .events: try self.eventStream(request, caller)
        case .dashboard(let period): try self.dashboard(period, caller)
        case .reportCSV(let kind, let period): try self.reportCSV(kind, period, caller)
        case .canned:
            Self.json(
                200,
                .object([
                    (
                        "answers",
                        .array(
                            self.canned.answers.map {
                                .object([
                                    ("id", .string($0.id)), ("title_id", .string($0.title.text(in: .indonesian))),
                                    ("title_en", .string($0.title.text(in: .english))),
                                    ("text_id", .string($0.text.text(in: .indonesian))),
                                    ("text_en", .string($0.text.text(in: .english))),
                                ])
                            })
                    )
                ]))
        }
    }

    /// The calling member as the store has them now (active), with the level of their role.
    func actingStaff(_ caller: StaffCaller, in store: SQLiteTicketTransaction) throws -> StaffMember {
        guard let member = try store.staffMember(id: caller.id), member.isActive else {
            throw StaffAPIError.unauthorized("\(caller.id) is no longer an active staff member")
        }
        return member
    }

    /// Refuses callers other than admins.
    static func requireAdmin(_ caller: StaffCaller, _ what: String) throws {
        guard caller.role == .admin else { throw StaffAPIError.forbidden("only admins may \(what)") }
    }

    /// Refuses callers other than member `id` themself or an admin.
    static func requireSelfOrAdmin(_ caller: StaffCaller, _ id: String, _ what: String) throws {
        guard caller.id == id || caller.role == .admin else {
            throw StaffAPIError.forbidden("only \(id) or an admin may \(what)")
        }
    }

    /// How a refused ticket action is answered: 409 for an illegal transition, 400 for missing input.
    static func refusal(_ error: TicketError, ticket: Ticket, command: StaffCommand, actor: TicketActor)
        -> StaffAPIError
    {
        if error == .illegalTransition(state: ticket.status, action: command.action, role: actor.role) {
            return .illegalTransition(error.description)
        }
        if error == .notFound(ticket.number) { return Self.unknownTicket(ticket.number) }
        return .badRequest("invalid_action", error.description)
    }

    static func unknownTicket(_ number: TicketNumber) -> StaffAPIError {
        .notFound("unknown_ticket", "ticket \(number) does not exist")
    }

    static func allow(_ request: HTTPRequest, _ methods: [String]) throws(StaffAPIError) {
        guard methods.contains(request.method) else { throw .methodNotAllowed(request.method, allowed: methods) }
    }

    /// The path below `/api`, split and percent-decoded.
    static func segments(of path: Substring) throws(StaffAPIError) -> [String] {
        var rest = path.dropFirst("/api".count)
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        var segments: [String] = []
        for raw in rest.split(separator: "/", omittingEmptySubsequences: true) {
            guard let segment = raw.removingPercentEncoding else {
                throw .badRequest("invalid_path", "the path segment \"\(raw)\" is not valid percent-encoding")
            }
            segments.append(segment)
        }
        return segments
    }

    static func staffID(_ text: String) throws(StaffAPIError) -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-@")
        guard (1...64).contains(text.count), text.unicodeScalars.allSatisfy(allowed.contains) else {
            throw .badRequest(
                "invalid_staff_id", "a staff id is 1–64 characters of letters, digits, '.', '_', '-' or '@'")
        }
        return text
    }

    static func ticketNumber(_ text: String) throws(StaffAPIError) -> TicketNumber {
        guard let number = TicketNumber(parsing: text) else {
            throw .badRequest("invalid_ticket_number", "\"\(text)\" is not a ticket number")
        }
        return number
    }

    /// The query parameters, percent-decoded (`+` is a space); a repeated name keeps its last value.
    static func parameters(of request: HTTPRequest) throws(StaffAPIError) -> [String: String] {
        var parameters: [String: String] = [:]
        for pair in (request.query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
            guard let name = decode(parts[0]), let value = decode(parts.count > 1 ? parts[1] : "") else {
                throw .badRequest("invalid_query", "the query parameter \"\(pair)\" is not valid percent-encoding")
            }
            parameters[name] = value
        }
        return parameters
    }

    static func queueQuery(_ parameters: [String: String]) throws(StaffAPIError) -> TicketQueueQuery {
        let known: Set<String> = ["status", "level", "assignee", "cursor", "limit"]
        if let unknown = parameters.keys.sorted().first(where: { !known.contains($0) }) {
            throw .badRequest(
                "invalid_query", "unknown parameter \"\(unknown)\"; use status, level, assignee, cursor or limit")
        }
        var query = TicketQueueQuery()
        if let text = parameters["status"], !text.isEmpty {
            guard let status = TicketStatusKind(rawValue: text) else {
                let allowed = TicketStatusKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw .badRequest("invalid_query", "status must be one of \(allowed), not \"\(text)\"")
            }
            query.status = status
            query.openOnly = false
        }
        if let text = parameters["level"], !text.isEmpty {
            guard let level = Int(text).flatMap(StaffLevel.init(rawValue:)) else {
                throw .badRequest("invalid_query", "level must be 1 or 2, not \"\(text)\"")
            }
            query.level = level
        }
        if let assignee = parameters["assignee"], !assignee.isEmpty { query.assignee = assignee }
        if let text = parameters["cursor"], !text.isEmpty {
            guard let cursor = Self.cursor(text) else {
                throw .badRequest("invalid_cursor", "cursor must be the next_cursor of a previous page")
            }
            query.after = cursor
        }
        if let text = parameters["limit"], !text.isEmpty {
            guard let limit = Int(text), (1...200).contains(limit) else {
                throw .badRequest("invalid_query", "limit must be a whole number from 1 to 200")
            }
            query.limit = limit
        }
        return query
    }

    static func cursorText(_ cursor: TicketQueueCursor) -> String { cursor.text }

    static func cursor(_ text: String) -> TicketQueueCursor? { TicketQueueCursor(text: text) }
}
