import Foundation
import HTTPServer
import Support
import Synchronization
import Testing

@testable import WhatsAppOutbox

#if canImport(Glibc)
    import Glibc
#endif

/// A TCP socket on 127.0.0.1 that accepts connections into its backlog but never answers.
private final class SilentListener {
    let port: Int
    private let descriptor: Int32

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard descriptor >= 0, bound == 0, listen(descriptor, 8) == 0 else {
            throw POSIXError(.EADDRNOTAVAIL)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        self.descriptor = descriptor
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit {
        close(self.descriptor)
    }
}

struct GraphAPIClientTests {
    init() {
        GraphClient.initializeLibraryOnce()
    }

    @Test func relativePathsResolveAgainstTheBaseURL() {
        let client = GraphClient(configuration: .init(baseURL: "https://graph.facebook.com/v21.0/", accessToken: "t"))
        #expect(client.resolve("/1055/messages") == "https://graph.facebook.com/v21.0/1055/messages")
        #expect(client.resolve("1055") == "https://graph.facebook.com/v21.0/1055")
        #expect(client.resolve("https://lookaside.fbsbx.com/x?y=1") == "https://lookaside.fbsbx.com/x?y=1")
    }

    @Test func refusedConnectionIsATransientConnectionFailure() throws {
        let port: Int
        do {
            let listener = try SilentListener()  // take a free port, then close it so nothing listens there
            port = listener.port
        }
        let client = GraphClient(
            configuration: .init(
                baseURL: "http://127.0.0.1:\(port)", accessToken: "t", connectTimeout: 1, totalTimeout: 2))
        #expect(throws: GraphTransportError.self) {
            _ = try client.perform(.get("/1001"))
        }
        do {
            _ = try client.perform(.get("/1001"))
        } catch {
            #expect(!error.isTimeout)
        }
    }

    @Test func silentServerTimesOut() throws {
        let listener = try SilentListener()
        let client = GraphClient(
            configuration: .init(
                baseURL: "http://127.0.0.1:\(listener.port)", accessToken: "t", connectTimeout: 1, totalTimeout: 0.2))
        do {
            _ = try client.perform(.post("/1/messages", json: .object([("a", .int(1))])))
            Issue.record("a silent server did not time out")
        } catch {
            #expect(error.isTimeout)
        }
    }
}

/// Answers every request with 200 and records what it received.
private final class RecordingResponder: HTTPResponder {
    struct Received: Equatable {
        var method: String
        var target: String
        var contentType: String?
        var authorization: String?
        var body: String
    }

    private let received = Mutex<[Received]>([])

    var requests: [Received] { self.received.withLock { $0 } }

    func respond(to request: HTTPRequest, completion: @escaping @Sendable (HTTPResponse) -> Void) {
        let received = Received(
            method: request.method, target: request.target, contentType: request.headers["Content-Type"],
            authorization: request.headers["Authorization"], body: String(decoding: request.body, as: UTF8.self))
        self.received.withLock { $0.append(received) }
        completion(.json(200, Array(#"{"ok":true}"#.utf8)))
    }
}

extension GraphAPIClientTests {
    /// The client sets its fixed options once and the call's own on every call: a call's method, body and
    /// headers never carry over to the next on the same connection.
    @Test func successiveCallsOnOneClientEachSendTheirOwnMethodBodyAndHeaders() throws {
        let recorder = RecordingResponder()
        let server = HTTPServer(configuration: HTTPServerConfiguration(port: 0), responder: recorder)
        try server.start()
        defer { server.stop(timeout: .seconds(2)) }
        let port = server.port
        let client = GraphClient(
            configuration: .init(
                baseURL: "http://127.0.0.1:\(port)/v21.0", accessToken: "secret", connectTimeout: 2, totalTimeout: 5))
        let calls: [GraphHTTPRequest] = [
            .post("/1/messages", json: .object([("a", .int(1))])),
            .post("/1/messages", json: .object([("b", .int(2))])),
            .get("/media/7"),
            GraphHTTPRequest(method: "DELETE", url: "/media/7"),
            GraphHTTPRequest(method: "POST", url: "/1/messages", body: []),
            .get("http://127.0.0.1:\(port)/download?id=7"),
            .post("/1/messages", json: .object([("c", .string("akhir"))])),
        ]
        for call in calls {
            let response = try client.perform(call)
            #expect(response.status == 200)
        }
        let json = "application/json"
        let token = "Bearer secret"
        #expect(
            recorder.requests == [
                .init(
                    method: "POST", target: "/v21.0/1/messages", contentType: json, authorization: token,
                    body: #"{"a":1}"#),
                .init(
                    method: "POST", target: "/v21.0/1/messages", contentType: json, authorization: token,
                    body: #"{"b":2}"#),
                .init(method: "GET", target: "/v21.0/media/7", contentType: nil, authorization: token, body: ""),
                .init(method: "DELETE", target: "/v21.0/media/7", contentType: nil, authorization: token, body: ""),
                .init(method: "POST", target: "/v21.0/1/messages", contentType: json, authorization: token, body: ""),
                .init(method: "GET", target: "/download?id=7", contentType: nil, authorization: token, body: ""),
                .init(
                    method: "POST", target: "/v21.0/1/messages", contentType: json, authorization: token,
                    body: #"{"c":"akhir"}"#),
            ])
    }
}
