import Foundation
import HTTPServer
import StaffAccess
import Support
import Ticketing

/// What a staff API request asks for, decoded and range-checked from its method, path, query and body
/// before anything touches the store: a malformed request is a 4xx here, never a trap further in.
enum StaffAPIRoute {
    case listStaff
    case showStaff(id: String)
    case saveStaff(id: String, name: String, role: StaffRole, active: Bool)
    /// `POST /api/session`: a login with id and password.
    case login(id: String, password: String)
    case currentSession
    case logout
    /// "Log out everywhere": every session of the caller.
    case logoutEverywhere
    case setPassword(staffID: String, current: String?, new: String)
    case listTokens(staffID: String)
    case createToken(staffID: String, label: String)
    case revokeToken(staffID: String, tokenID: Int)
    case audit(before: Int, limit: Int)
    case canned
    /// The live stream of changes (Server-Sent Events), resumed after `Last-Event-ID`.
    case events
    case dashboard(ReportPeriod)
    case reportCSV(kind: String, ReportPeriod)
    case queue(TicketQueueQuery)
    case show(TicketNumber)
    /// A ticket's stored document, for the console to show inline.
    case attachment(TicketNumber, sha256: String)
    case act(TicketNumber, StaffCommand)
    case sendFile(TicketNumber, StaffFileUpload)
    case verify(TicketNumber, VerificationCommand)
    /// Carries out an approved erasure request (a `data_pribadi` ticket) for its reporter.
    case erasePersonalData(TicketNumber)
    /// The verification calls of the days `from` to `to` (inclusive), of one verifier or all.
    case agenda(from: LocalDate, to: LocalDate, verifier: Int?)
    /// Notices for staff (the day's verification agenda) after a given id.
    case notices(after: Int, limit: Int)
    /// Creates (replacing) or revokes a member's iCalendar feed token.
    case calendarToken(staffID: String, create: Bool)

    /// Every route with its methods, as `docs/openapi.json` must list them (a test checks both against
    /// the router's answers). `{…}` marks a path parameter.
    static let table: [(path: String, methods: [String])] = [
        ("/api/session", ["GET", "POST", "DELETE"]),
        ("/api/sessions", ["DELETE"]),
        ("/api/staff", ["GET"]),
        ("/api/staff/{id}", ["GET", "PUT"]),
        ("/api/staff/{id}/password", ["POST"]),
        ("/api/staff/{id}/tokens", ["GET", "POST"]),
        ("/api/staff/{id}/tokens/{tokenID}", ["DELETE"]),
        ("/api/staff/{id}/calendar-token", ["POST", "DELETE"]),
        ("/api/audit", ["GET"]),
        ("/api/tickets", ["GET"]),
        ("/api/tickets/{number}", ["GET"]),
        ("/api/tickets/{number}/actions", ["POST"]),
        ("/api/tickets/{number}/files", ["POST"]),
        ("/api/tickets/{number}/attachments/{sha256}", ["GET"]),
        ("/api/verification/agenda", ["GET"]),
        ("/api/verification/calendar.ics", ["GET"]),
        ("/api/notices", ["GET"]),
        ("/api/canned", ["GET"]),
        ("/api/events", ["GET"]),
        ("/api/reports/dashboard", ["GET"]),
        ("/api/reports/{kind}.csv", ["GET"]),
    ]

    init(_ request: HTTPRequest) throws(StaffAPIError) {
        let segments = try StaffAPI.segments(of: request.path)
        switch segments.count {
        case 1 where segments[0] == "staff":
            try StaffAPI.allow(request, ["GET"])
            self = .listStaff
        case 2 where segments[0] == "staff":
            try StaffAPI.allow(request, ["GET", "PUT"])
            let id = try StaffAPI.staffID(segments[1])
            guard request.method == "PUT" else {
                self = .showStaff(id: id)
                return
            }
            let body = try StaffAPIRequestBody(request)
            let name = try body.string("name")
            guard name.count <= 100 else { throw .badRequest("invalid_field", "\"name\" is longer than 100") }
            let roleText = try body.string("role")
            guard let role = StaffRole(rawValue: roleText) else {
                throw .badRequest("invalid_field", "the field \"role\" must be l1, l2 or admin, not \"\(roleText)\"")
            }
            self = .saveStaff(id: id, name: name, role: role, active: try body.optionalBool("active") ?? true)
        case 1 where segments[0] == "session":
            try StaffAPI.allow(request, ["GET", "POST", "DELETE"])
            switch request.method {
            case "POST":
                let body = try StaffAPIRequestBody(request)
                self = .login(id: try body.string("id"), password: try body.string("password"))
            case "DELETE": self = .logout
            default: self = .currentSession
            }
        case 2 where segments[0] == "reports" && segments[1] == "dashboard":
            try StaffAPI.allow(request, ["GET"])
            self = .dashboard(try StaffAPI.period(StaffAPI.parameters(of: request)))
        case 2 where segments[0] == "reports" && segments[1].hasSuffix(".csv"):
            try StaffAPI.allow(request, ["GET"])
            let kind = String(segments[1].dropLast(4))
            let kinds = [
                "tickets", "survey", "status", "type", "category", "service", "version", "month", "level", "sla",
                "timing", "ikm",
                "verification",
            ]
            guard kinds.contains(kind) else {
                throw .notFound("unknown_report", "no report \(kind); use one of \(kinds.joined(separator: ", "))")
            }
            self = .reportCSV(kind: kind, try StaffAPI.period(StaffAPI.parameters(of: request)))
        case 1 where segments[0] == "events":
            try StaffAPI.allow(request, ["GET"])
            self = .events
        case 1 where segments[0] == "canned":
            try StaffAPI.allow(request, ["GET"])
            self = .canned
        case 1 where segments[0] == "sessions":
            try StaffAPI.allow(request, ["DELETE"])
            self = .logoutEverywhere
        case 1 where segments[0] == "audit":
            try StaffAPI.allow(request, ["GET"])
            let parameters = try StaffAPI.parameters(of: request)
            guard let before = Int(parameters["before"] ?? String(Int.max)), before > 0,
                let limit = Int(parameters["limit"] ?? "100"), (1...500).contains(limit)
            else { throw .badRequest("invalid_query", "before must be an audit id, limit a number from 1 to 500") }
            self = .audit(before: before, limit: limit)
        case 3 where segments[0] == "staff" && segments[2] == "password":
            try StaffAPI.allow(request, ["POST"])
            let body = try StaffAPIRequestBody(request)
            self = .setPassword(
                staffID: try StaffAPI.staffID(segments[1]), current: try body.optionalString("current_password"),
                new: try body.string("password"))
        case 3 where segments[0] == "staff" && segments[2] == "tokens":
            try StaffAPI.allow(request, ["GET", "POST"])
            let id = try StaffAPI.staffID(segments[1])
            if request.method == "POST" {
                self = .createToken(staffID: id, label: try StaffAPIRequestBody(request).string("label"))
            } else {
                self = .listTokens(staffID: id)
            }
        case 4 where segments[0] == "staff" && segments[2] == "tokens":
            try StaffAPI.allow(request, ["DELETE"])
            guard let tokenID = Int(segments[3]), tokenID > 0 else {
                throw .badRequest("invalid_path", "a token id is a whole number")
            }
            self = .revokeToken(staffID: try StaffAPI.staffID(segments[1]), tokenID: tokenID)
        case 3 where segments[0] == "staff" && segments[2] == "calendar-token":
            try StaffAPI.allow(request, ["POST", "DELETE"])
            self = .calendarToken(staffID: try StaffAPI.staffID(segments[1]), create: request.method == "POST")
        case 2 where segments[0] == "verification" && segments[1] == "agenda":
            try StaffAPI.allow(request, ["GET"])
            self = try Self.agenda(StaffAPI.parameters(of: request))
        case 1 where segments[0] == "notices":
            try StaffAPI.allow(request, ["GET"])
            let parameters = try StaffAPI.parameters(of: request)
            if let unknown = parameters.keys.sorted().first(where: { $0 != "after" && $0 != "limit" }) {
                throw .badRequest("invalid_query", "unknown parameter \"\(unknown)\"; use after or limit")
            }
            guard let after = Int(parameters["after"] ?? "0"), after >= 0 else {
                throw .badRequest("invalid_query", "after must be the id of a notice already read, 0 or more")
            }
            guard let limit = Int(parameters["limit"] ?? "50"), (1...200).contains(limit) else {
                throw .badRequest("invalid_query", "limit must be a whole number from 1 to 200")
            }
            self = .notices(after: after, limit: limit)
        case 1 where segments[0] == "tickets":
            try StaffAPI.allow(request, ["GET"])
            self = .queue(try StaffAPI.queueQuery(StaffAPI.parameters(of: request)))
        case 2 where segments[0] == "tickets":
            try StaffAPI.allow(request, ["GET"])
            self = .show(try StaffAPI.ticketNumber(segments[1]))
        case 4 where segments[0] == "tickets" && segments[2] == "attachments":
            try StaffAPI.allow(request, ["GET"])
            let hash = segments[3]
            guard hash.count == 64, hash.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                throw .badRequest("invalid_path", "an attachment is named by its SHA-256 in lower-case hex")
            }
            self = .attachment(try StaffAPI.ticketNumber(segments[1]), sha256: hash)
        case 3 where segments[0] == "tickets" && segments[2] == "files":
            try StaffAPI.allow(request, ["POST"])
            self = .sendFile(try StaffAPI.ticketNumber(segments[1]), try StaffFileUpload(request))
        case 3 where segments[0] == "tickets" && segments[2] == "actions":
            try StaffAPI.allow(request, ["POST"])
            let number = try StaffAPI.ticketNumber(segments[1])
            let body = try StaffAPIRequestBody(request)
            let name = try body.string("action")
            if name == "erase_personal_data" {
                self = .erasePersonalData(number)
            } else if VerificationCommand.names.contains(name) {
                self = .verify(number, try VerificationCommand(name: name, body: body))
            } else {
                self = .act(number, try StaffCommand(body))
            }
        default:
            throw .notFound("route_not_found", "no staff API route at \(request.path); see docs/api.md")
        }
    }
}

extension StaffAPIRoute {
    /// Every action `POST /api/tickets/{number}/actions` takes: the ticket's, the verification call's, and the
    /// erasure of the reporter's personal data.
    static let actionNames = StaffCommand.names + VerificationCommand.names + ["erase_personal_data"]
}

extension StaffAPIRoute {
    /// `from` and `to` (default today, in Jakarta), at most 62 days; `verifier` from 1.
    static func agenda(_ parameters: [String: String]) throws(StaffAPIError) -> StaffAPIRoute {
        let known: Set<String> = ["from", "to", "verifier"]
        if let unknown = parameters.keys.sorted().first(where: { !known.contains($0) }) {
            throw .badRequest("invalid_query", "unknown parameter \"\(unknown)\"; use from, to or verifier")
        }
        let today = JakartaTime.localDate(of: Date())
        let from =
            try parameters["from"].map { (text) throws(StaffAPIError) in try StaffAPI.localDate(text, parameter: "from")
            } ?? today
        let to =
            try parameters["to"].map { (text) throws(StaffAPIError) in try StaffAPI.localDate(text, parameter: "to") }
            ?? from
        guard from <= to, to.dayNumber - from.dayNumber <= 62 else {
            throw .badRequest("invalid_query", "to must be on or after from, at most 62 days later")
        }
        var verifier: Int?
        if let text = parameters["verifier"], !text.isEmpty {
            guard let value = Int(text), (1...50).contains(value) else {
                throw .badRequest("invalid_query", "verifier must be a whole number from 1 to 50")
            }
            verifier = value
        }
        return .agenda(from: from, to: to, verifier: verifier)
    }
}

extension StaffAPI {
    /// Decodes `request` as the API would, without a store: throws the 4xx a malformed request gets.
    /// The fuzz target for the API's query and body decoding calls this.
    public static func decode(_ request: HTTPRequest) throws(StaffAPIError) {
        _ = try StaffAPIRoute(request)
    }
}
