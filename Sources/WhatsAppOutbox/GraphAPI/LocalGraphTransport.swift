import Dispatch
import Foundation
import HTTPServer

/// Hands Graph API requests to an in-process `HTTPResponder` (normally `GraphAPIStandIn`): sandbox mode
/// without a listening socket, and tests without a network.
public struct LocalGraphTransport: GraphTransport {
    private let responder: any HTTPResponder
    private let accessToken: String
    private let timeout: TimeInterval

    /// - Parameters:
    ///   - responder: who answers.
    ///   - accessToken: sent as `Authorization: Bearer …`, as `GraphClient` does.
    ///   - timeout: how long to wait for an answer before reporting a timeout.
    public init(responder: any HTTPResponder, accessToken: String, timeout: TimeInterval = 20) {
        self.responder = responder
        self.accessToken = accessToken
        self.timeout = timeout
    }

    public func perform(_ request: GraphHTTPRequest) throws(GraphTransportError) -> GraphHTTPResponse {
        var headers = HTTPHeaders([("Authorization", "Bearer \(self.accessToken)")])
        if request.body != nil {
            headers.add(name: "Content-Type", value: "application/json")
        }
        let httpRequest = HTTPRequest(
            method: request.method, target: Self.target(of: request.url), headers: headers, body: request.body ?? [])
        let answer = AnswerSlot()
        self.responder.respond(to: httpRequest) { response in answer.fill(response) }
        guard let response = answer.wait(timeout: self.timeout) else {
            throw .timedOut("no answer within \(self.timeout) s")
        }
        return GraphHTTPResponse(
            status: response.status, body: response.body, contentType: response.headers["Content-Type"])
    }

    /// The path and query of `url`, dropping any scheme and host.
    static func target(of url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url.hasPrefix("/") ? url : "/" + url }
        let rest = url[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }
}

/// One answer handed from the responder's thread to the waiting caller.
///
/// `@unchecked Sendable`: every access to `response` holds `lock`; the semaphore only tells the
/// waiting caller that the answer is there.
private final class AnswerSlot: @unchecked Sendable {
    private var response: HTTPResponse?
    private let semaphore = DispatchSemaphore(value: 0)
    private let lock = NSLock()

    func fill(_ response: HTTPResponse) {
        self.lock.lock()
        let first = self.response == nil
        if first { self.response = response }
        self.lock.unlock()
        if first { self.semaphore.signal() }
    }

    func wait(timeout: TimeInterval) -> HTTPResponse? {
        guard self.semaphore.wait(timeout: .now() + timeout) == .success else { return nil }
        self.lock.lock()
        defer { self.lock.unlock() }
        return self.response
    }
}
