import Dispatch
import Foundation
import HTTPServer
import HelpdeskRuntime
import StaffAccess
import Storage
import Support
import Ticketing
import WebhookServer
import WhatsAppOutbox

/// The staff JSON API under `/api` (see docs/api.md and docs/openapi.json): staff accounts and sessions, ticket
/// queues and details, ticket and verification actions whose consequences reach the reporter's chat.
///
/// A request is authenticated by the console's session cookie (state-changing requests also carry the
/// session's `X-CSRF-Token`) or by a personal API token (`Authorization: Bearer lkt_…`), so every action is
/// attributable to one member; every role is checked on the server. Database work runs on the API's own serial
/// queue, never on the server's event-loop thread; an action, the conversation event it causes and the outbound
/// messages that event produces commit in one writer transaction. Every state-changing request, refused or
/// not, and every login is in the audit log with who, when and from where.
public struct StaffAPI: HTTPResponder {
    /// The session cookie's name.
    public static let sessionCookie = "loket_session"
    /// The header carrying the session's CSRF token on state-changing requests.
    public static let csrfHeader = "X-CSRF-Token"

    /// The largest file staff send a provider (`POST /api/tickets/{number}/files`): as large as a file providers
    /// may attach.
    public static let maxFileBytes = 16 * 1024 * 1024

    let writer: DatabaseWriter
    let tickets: TicketStoreConfiguration
    let runtime: ConversationRuntime
    let outbox: any OutboxQueue
    let wakeSender: @Sendable () -> Void
    let now: @Sendable () -> Date
    let logger: Logger
    let access: StaffAccounts.Policy
    /// Cookies are marked `Secure` (Loket behind TLS).
    let secureCookies: Bool
    /// Proxies whose `X-Forwarded-For` names the client (the per-client cap's exempt addresses).
    let trustedProxies: Set<String>
    /// Where stored documents are (their paths are relative to it); nil serves none.
    let dataDirectory: String?
    /// The console's canned answers.
    let canned: CannedAnswers
    /// The live stream's source; nil answers `/api/events` with 404.
    let events: StaffEvents?
    private let queue: DispatchQueue

    /// - Parameters:
    ///   - runtime: runs the reporter's conversation for staff actions; its ticket rules are the API's.
    ///   - outbox: where the messages of a staff action are queued, inside the action's transaction.
    ///   - wakeSender: called after a commit that queued messages.
    ///   - access: session lifetimes, login throttle, password hashing cost.
    ///   - now: the clock.
    public init(
        writer: DatabaseWriter, runtime: ConversationRuntime, outbox: any OutboxQueue,
        wakeSender: @escaping @Sendable () -> Void, logger: Logger,
        access: StaffAccounts.Policy = StaffAccounts.Policy(),
        secureCookies: Bool = false, trustedProxies: Set<String> = [], dataDirectory: String? = nil,
        canned: CannedAnswers = CannedAnswers(answers: []), events: StaffEvents? = nil,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.events = events
        self.canned = canned
        self.dataDirectory = dataDirectory
        self.writer = writer
        self.tickets = runtime.tickets
        self.runtime = runtime
        self.outbox = outbox
        self.wakeSender = wakeSender
        self.now = now
        self.logger = logger
        self.access = access
        self.secureCookies = secureCookies
        self.trustedProxies = trustedProxies
        self.queue = DispatchQueue(label: "loket.staff-api")
    }

    public func respond(to request: HTTPRequest, completion: @escaping @Sendable (HTTPResponse) -> Void) {
        self.queue.async {
            var response = self.answering(request) { try self.handle(request) }
            Self.addSecurityHeaders(to: &response)
            completion(response)
        }
    }

    /// Routes a request: the calendar feed and the login need no session; everything else does.
    private func handle(_ request: HTTPRequest) throws -> HTTPResponse {
        if request.path == Self.calendarFeedPath { return try self.calendarFeed(request) }
        if request.path == "/api/session", request.method == "POST",
            case .login(let id, let password) = try StaffAPIRoute(request)
        {
            return try self.login(id: id, password: password, address: self.clientAddress(of: request))
        }
        // Nothing about a request is answered before its caller is known, its validation errors included.
        let caller = try self.authenticate(request)
        guard Self.isStateChanging(request) else {
            return try self.route(StaffAPIRoute(request), caller: caller, request)
        }
        do {
            let response = try self.route(StaffAPIRoute(request), caller: caller, request)
            try self.audit(request, caller: caller, status: response.status)
            return response
        } catch let error as StaffAPIError {
            try self.audit(request, caller: caller, status: error.status, detail: error.code)
            throw error
        }
    }

    static func isStateChanging(_ request: HTTPRequest) -> Bool {
        request.method != "GET" && request.method != "HEAD"
    }

    /// The client's address: the connection's peer, or for a trusted proxy the last `X-Forwarded-For` hop.
    func clientAddress(of request: HTTPRequest) -> String {
        let peer = request.remoteAddress ?? "-"
        guard self.trustedProxies.contains(peer), let forwarded = request.headers["X-Forwarded-For"],
            let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty,
            last.count <= 45, last.allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" })
        else { return peer }
        return last
    }

    /// Who the request comes from: a personal API token, or a session cookie (with its CSRF token on
    /// state-changing requests). 401 without either or when expired, 403 for a missing or wrong CSRF token.
    func authenticate(_ request: HTTPRequest) throws -> StaffCaller {
        let address = self.clientAddress(of: request)
        let now = self.now()
        if let header = request.headers["Authorization"] {
            let scheme = "bearer "
            guard header.count > scheme.count, header.prefix(scheme.count).lowercased() == scheme else {
                throw StaffAPIError.unauthorized("the Authorization header must use the Bearer scheme")
            }
            let token = header.dropFirst(scheme.count).trimmingCharacters(in: .whitespaces)
            guard token.count <= 200,
                let (member, role) = try self.writer.write({
                    try StaffAccounts(database: $0, policy: self.access).member(apiToken: token, at: now)
                })
            else { throw StaffAPIError.unauthorized("this API token is unknown, revoked, or its member is disabled") }
            return StaffCaller(id: member.id, role: role, address: address, sessionToken: nil)
        }
        guard let token = Self.cookie(Self.sessionCookie, in: request) else {
            throw StaffAPIError.unauthorized(
                "log in (POST /api/session) or send Authorization: Bearer <your API token>")
        }
        guard
            let session = try self.writer.write({
                try StaffAccounts(database: $0, policy: self.access).session(token: token, at: now)
            })
        else { throw StaffAPIError.unauthorized("the session has expired or was ended; log in again") }
        if Self.isStateChanging(request) {
            let given = Array((request.headers[Self.csrfHeader] ?? "").utf8)
            guard SignatureVerifier.constantTimeEquals(given, Array(session.csrfToken.utf8)) else {
                throw StaffAPIError.forbidden("send the session's CSRF token in \(Self.csrfHeader)")
            }
        }
        return StaffCaller(id: session.member.id, role: session.role, address: address, sessionToken: token)
    }

    /// The value of cookie `name`, if sent.
    static func cookie(_ name: String, in request: HTTPRequest) -> String? {
        for header in request.headers.values(for: "Cookie") {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name {
                    return parts[1].trimmingCharacters(in: .whitespaces)
                }
            }
        }
        return nil
    }

    /// No sniffing, no referrer, no caching, and a policy that loads nothing: JSON is data only. A document is
    /// shown in the console's own frame by the browser's viewer, and runs nothing.
    static func addSecurityHeaders(to response: inout HTTPResponse) {
        response.headers.add(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.add(name: "Referrer-Policy", value: "no-referrer")
        response.headers.add(name: "Cache-Control", value: "no-store")
        if response.headers["X-Loket-Attachment"] != nil {
            response.headers.add(
                name: "Content-Security-Policy", value: "default-src 'none'; object-src 'self'; frame-ancestors 'self'")
        } else {
            response.headers.add(name: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'")
        }
    }

    /// One audit line for a state-changing request: who, what (method, path and the action's name), from
    /// where, and whether it succeeded.
    func audit(_ request: HTTPRequest, caller: StaffCaller, status: Int, detail: String = "") throws {
        var what = "\(request.method) \(request.path)"
        if let body = try? JSONReader.parse(request.body), let action = body["action"]?.stringValue {
            what += " " + String(action.prefix(40))
        }
        try self.writer.write { database in
            try StaffAccounts(database: database, policy: self.access).audit(
                staff: caller.id, action: what, detail: detail.isEmpty ? String(status) : "\(status) \(detail)",
                address: caller.address, success: status < 400, at: self.now())
        }
    }

    /// The conversation runtime the API delivers staff actions through (for tests that play the provider).
    public var runtimeForTests: ConversationRuntime { self.runtime }

    /// The response `body` makes, or the JSON error it threw (an unexpected one logged and answered 500).
    private func answering(_ request: HTTPRequest, _ body: () throws -> HTTPResponse) -> HTTPResponse {
        do {
            return try body()
        } catch let error as StaffAPIError {
            return Self.response(for: error)
        } catch {
            self.logger.error(
                "staff_api.failed", ["method": request.method, "path": String(request.path), "error": "\(error)"])
            return Self.response(for: .internalError)
        }
    }

    /// The JSON error body `{"error": …, "detail": …}` with the error's status.
    static func response(for error: StaffAPIError) -> HTTPResponse {
        var response = Self.json(
            error.status, .object([("error", .string(error.code)), ("detail", .string(error.detail))]))
        if !error.allowedMethods.isEmpty {
            response.headers.add(name: "Allow", value: error.allowedMethods.joined(separator: ", "))
        }
        if error.status == 401 {
            response.headers.add(name: "WWW-Authenticate", value: "Bearer realm=\"loket\"")
        }
        return response
    }

    /// `value` encoded as UTF-8 JSON with every object's keys sorted.
    static func json(_ status: Int, _ value: JSONValue) -> HTTPResponse {
        var response = HTTPResponse.json(status, value.sortingKeys.bytes)
        response.headers = HTTPHeaders([("Content-Type", "application/json; charset=utf-8")])
        return response
    }
}
