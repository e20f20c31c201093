import Dispatch
import Foundation
import HTTPServer
import HelpdeskRuntime
import Storage
import Support
import Ticketing
import WebhookServer
import WhatsAppOutbox

/// The staff JSON API under `/api` (see docs/api.md): staff members, ticket queues and details, and ticket
/// actions whose consequences reach the reporter's chat.
///
/// Every request carries `Authorization: Bearer <LOKET_API_TOKEN>` (compared in constant time) and names the
/// acting staff member in `X-Loket-Staff`. Without a configured token the API answers 503. Database work runs
/// on the API's own serial queue, never on the server's event-loop thread; an action, the conversation event it
/// causes and the outbound messages that event produces commit in one writer transaction.
public struct StaffAPI: HTTPResponder {
    /// The header naming the acting staff member.
    public static let staffHeader = "X-Loket-Staff"

    private let token: [UInt8]?
    let writer: DatabaseWriter
    let tickets: TicketStoreConfiguration
    let runtime: ConversationRuntime
    let outbox: any OutboxQueue
    let wakeSender: @Sendable () -> Void
    let now: @Sendable () -> Date
    let logger: Logger
    private let queue: DispatchQueue

    /// - Parameters:
    ///   - token: the bearer token staff clients present; `nil` disables the API (503).
    ///   - runtime: runs the reporter's conversation for staff actions; its ticket rules are the API's.
    ///   - outbox: where the messages of a staff action are queued, inside the action's transaction.
    ///   - wakeSender: called after a commit that queued messages.
    ///   - now: the clock.
    public init(
        token: String?, writer: DatabaseWriter, runtime: ConversationRuntime, outbox: any OutboxQueue,
        wakeSender: @escaping @Sendable () -> Void, logger: Logger, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.token = token.map { Array($0.utf8) }
        self.writer = writer
        self.tickets = runtime.tickets
        self.runtime = runtime
        self.outbox = outbox
        self.wakeSender = wakeSender
        self.now = now
        self.logger = logger
        self.queue = DispatchQueue(label: "loket.staff-api")
    }

    public func respond(to request: HTTPRequest, completion: @escaping @Sendable (HTTPResponse) -> Void) {
        guard let token = self.token else {
            completion(Self.response(for: .disabled))
            return
        }
        if request.path == Self.calendarFeedPath {
            // A calendar application subscribes with the feed's own token in the query, not the bearer token.
            return self.queue.async { completion(self.answering(request) { try self.calendarFeed(request) }) }
        }
        if let refusal = Self.authenticate(request.headers["Authorization"], token: token) {
            self.logger.warning("staff_api.unauthorized", ["path": String(request.path)])
            completion(Self.response(for: refusal))
            return
        }
        self.queue.async {
            completion(self.answering(request) { try self.route(request) })
        }
    }

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

    /// `nil` when `header` is `Bearer <token>`; otherwise why not.
    static func authenticate(_ header: String?, token: [UInt8]) -> StaffAPIError? {
        guard let header else {
            return .unauthorized("send Authorization: Bearer <token> with the token set in LOKET_API_TOKEN")
        }
        let scheme = "bearer "
        guard header.count > scheme.count, header.prefix(scheme.count).lowercased() == scheme else {
            return .unauthorized("the Authorization header must use the Bearer scheme")
        }
        let given = Array(header.dropFirst(scheme.count).trimmingCharacters(in: .whitespaces).utf8)
        guard SignatureVerifier.constantTimeEquals(given, token) else {
            return .unauthorized("the bearer token is not the one set in LOKET_API_TOKEN")
        }
        return nil
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
