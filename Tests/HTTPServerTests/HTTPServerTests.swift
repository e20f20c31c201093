import Dispatch
import Glibc
import Support
import Synchronization
import Testing

@testable import HTTPServer

@Suite(.serialized)
struct HTTPServerTests {
    @Test func answersTwoRequestsOnOneKeptAliveConnection() throws {
        try withServer(responder: EchoResponder()) { server in
            let client = try TestClient(port: server.port)
            try client.send("GET /one HTTP/1.1\r\nHost: a\r\n\r\n")
            let first = try client.readResponse()
            try client.send("POST /two HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc")
            let second = try client.readResponse()
            #expect(first.status == 200)
            #expect(first.body == "GET /one ")
            #expect(first.headers["connection"] == "keep-alive")
            #expect(first.headers["content-length"] == "9")
            #expect(first.headers["date"]?.hasSuffix(" GMT") == true)
            #expect(second.body == "POST /two abc")
        }
    }

    @Test func connectionCloseIsHonouredAfterTheResponse() throws {
        try withServer(responder: EchoResponder()) { server in
            let client = try TestClient(port: server.port)
            try client.send("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.headers["connection"] == "close")
            #expect(try client.readsEndOfStream())
        }
    }

    @Test func http10ClosesByDefaultAndKeepsAliveOnRequest() throws {
        try withServer(responder: EchoResponder()) { server in
            let keeping = try TestClient(port: server.port)
            try keeping.send("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try keeping.readResponse().headers["connection"] == "keep-alive")
            try keeping.send("GET /b HTTP/1.0\r\n\r\n")
            #expect(try keeping.readResponse().headers["connection"] == "close")
            #expect(try keeping.readsEndOfStream())
        }
    }

    @Test func pipelinedResponsesComeInRequestOrderWhenCompletedInReverse() throws {
        let responder = ReversingResponder(batch: 3)
        try withServer(responder: responder) { server in
            let client = try TestClient(port: server.port)
            try client.send(
                "GET /1 HTTP/1.1\r\nHost: a\r\n\r\nPOST /2 HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\n\r\nxGET /3 HTTP/1.1\r\nHost: a\r\n\r\n"
            )
            let bodies = try (0..<3).map { _ in try client.readResponse().body }
            #expect(bodies == ["GET /1 ", "POST /2 x", "GET /3 "])
            #expect(responder.completionOrder == ["/3", "/2", "/1"])
        }
    }

    @Test func readingResumesInOrderAfterThePipeliningLimitPausedIt() throws {
        var configuration = HTTPServerTests.configuration
        configuration.maxPipelinedRequests = 2
        let responder = ReversingResponder(batch: 2)
        try withServer(configuration, responder: responder) { server in
            let client = try TestClient(port: server.port)
            try client.send((1...4).map { "GET /\($0) HTTP/1.1\r\nHost: a\r\n\r\n" }.joined())
            let bodies = try (0..<4).map { _ in try client.readResponse().body }
            #expect(bodies == ["GET /1 ", "GET /2 ", "GET /3 ", "GET /4 "])
            #expect(responder.completionOrder == ["/2", "/1", "/4", "/3"])
        }
    }

    @Test func parseErrorIsAnsweredWithItsStatusAndTheConnectionCloses() throws {
        try withServer(responder: EchoResponder()) { server in
            let client = try TestClient(port: server.port)
            try client.send("NOT HTTP AT ALL\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 400)
            #expect(response.headers["connection"] == "close")
            #expect(try client.readsEndOfStream())
        }
    }

    @Test func oversizedHeaderSectionIsAnswered431() throws {
        try withServer(responder: EchoResponder()) { server in
            let client = try TestClient(port: server.port)
            try client.send(
                "GET / HTTP/1.1\r\nHost: a\r\nX-Filler: \(String(repeating: "y", count: 17 * 1024))\r\n\r\n")
            #expect(try client.readResponse().status == 431)
            #expect(try client.readsEndOfStream())
        }
    }

    @Test func oversizedBodyIsAnswered413WithoutReadingIt() throws {
        var configuration = HTTPServerTests.configuration
        configuration.maxBodyBytes = 1000
        try withServer(configuration, responder: EchoResponder()) { server in
            let client = try TestClient(port: server.port)
            try client.send("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1001\r\n\r\n")
            #expect(try client.readResponse().status == 413)
            #expect(try client.readsEndOfStream())
        }
    }

    @Test func errorResponseSurvivesAClientStillSendingItsBody() throws {
        var configuration = HTTPServerTests.configuration
        configuration.maxBodyBytes = 1000
        try withServer(configuration, responder: EchoResponder()) { server in
            let client = try TestClient(port: server.port)
            try client.send("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 200000\r\n\r\n")
            try client.send(String(repeating: "z", count: 200_000))
            #expect(try client.readResponse().status == 413)
        }
    }

    @Test func responseIsDeliveredAfterTheClientHalfCloses() throws {
        try withServer(responder: EchoResponder()) { server in
            let client = try TestClient(port: server.port)
            try client.send("GET /half HTTP/1.1\r\nHost: a\r\n\r\n")
            client.finishSending()
            #expect(try client.readResponse().body == "GET /half ")
            #expect(try client.readsEndOfStream())
        }
    }

    @Test func terminationSignalTrapRunsItsHandlerOnce() {
        let received = DispatchSemaphore(value: 0)
        let calls = Mutex(0)
        let trap = TerminationSignalTrap(signals: [SIGUSR2]) { signal in
            calls.withLock { $0 += 1 }
            #expect(signal == SIGUSR2)
            received.signal()
        }
        defer { trap.cancel() }
        kill(getpid(), SIGUSR2)
        #expect(received.wait(timeout: .now() + 5) == .success)
        kill(getpid(), SIGUSR2)
        kill(getpid(), SIGUSR2)
        #expect(calls.withLock { $0 } == 1)
    }

    @Test func chunkedBodyIsAnswered411() throws {
        try withServer(responder: EchoResponder()) { server in
            let client = try TestClient(port: server.port)
            try client.send("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\n\r\n")
            #expect(try client.readResponse().status == 411)
        }
    }

    @Test func unsupportedVersionIsAnswered505() throws {
        try withServer(responder: EchoResponder()) { server in
            let client = try TestClient(port: server.port)
            try client.send("GET / HTTP/2.0\r\nHost: a\r\n\r\n")
            #expect(try client.readResponse().status == 505)
        }
    }

    @Test func expectContinueGetsInterimResponseBeforeTheBody() throws {
        try withServer(responder: EchoResponder()) { server in
            let client = try TestClient(port: server.port)
            try client.send("POST /up HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n")
            #expect(try client.readResponse().status == 100)
            try client.send("ok")
            #expect(try client.readResponse().body == "POST /up ok")
        }
    }

    @Test func headResponseCarriesLengthButNoBody() throws {
        try withServer(responder: EchoResponder()) { server in
            let client = try TestClient(port: server.port)
            try client.send("HEAD /h HTTP/1.1\r\nHost: a\r\n\r\nGET /g HTTP/1.1\r\nHost: a\r\n\r\n")
            let head = try client.readResponse(expectBody: false)
            #expect(head.headers["content-length"] == "8")
            #expect(try client.readResponse().body == "GET /g ")
        }
    }

    @Test func clientThatDoesNotFinishItsHeadersGets408AndIsClosed() throws {
        var configuration = HTTPServerTests.configuration
        configuration.headerReadTimeout = .milliseconds(100)
        try withServer(configuration, responder: EchoResponder()) { server in
            let client = try TestClient(port: server.port)
            try client.send("GET / HTTP/1.1\r\nHost: a\r\n")
            #expect(try client.readResponse().status == 408)
            #expect(try client.readsEndOfStream())
        }
    }

    /// A body trickling in a byte at a time is cut off by its deadline (head time plus length at the minimum
    /// rate), although every byte resets the idle timer.
    @Test func aBodyTricklingInBelowTheMinimumRateGets408() throws {
        var configuration = HTTPServerTests.configuration
        configuration.headerReadTimeout = .milliseconds(300)
        configuration.minimumBodyRate = 200
        try withServer(configuration, responder: EchoResponder()) { server in
            let client = try TestClient(port: server.port)
            try client.send("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 200\r\n\r\n")
            let clock = ContinuousClock()
            let started = clock.now
            // A byte every 50 ms: 20 B/s against the 200 B/s minimum, for 3 s at most.
            while started.duration(to: clock.now) < .seconds(3) {
                usleep(50_000)
                guard (try? client.send("x")) != nil else { break }
            }
            #expect(try client.readResponse().status == 408)
            #expect(started.duration(to: clock.now) < .seconds(4), "the deadline is 0.3 s + 200 B at 200 B/s")
        }
    }

    /// Bodies still arriving share one byte budget: a body that would pass it is refused at its head with
    /// 503 and `Retry-After` (also instead of `100 Continue`), counted, and served again once room is freed.
    @Test func bodiesPastTheBufferedBytesBudgetAre503AtTheirHead() throws {
        var configuration = HTTPServerTests.configuration
        configuration.maxBufferedBodyBytes = 1000
        try withServer(configuration, responder: EchoResponder()) { server in
            let holder = try TestClient(port: server.port)
            try holder.send("POST /a HTTP/1.1\r\nHost: a\r\nContent-Length: 800\r\n\r\nxx")
            try waitUntil { server.bufferedBodyBytes == 800 }

            let refused = try TestClient(port: server.port)
            try refused.send("POST /b HTTP/1.1\r\nHost: a\r\nContent-Length: 300\r\n\r\n")
            let response = try refused.readResponse()
            #expect(response.status == 503)
            #expect(response.headers["retry-after"] == "1")
            let waiting = try TestClient(port: server.port)
            try waiting.send("POST /c HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 300\r\n\r\n")
            #expect(try waiting.readResponse().status == 503)
            let small = try TestClient(port: server.port)
            try small.send("POST /d HTTP/1.1\r\nHost: a\r\nContent-Length: 150\r\n\r\n")
            try small.send(String(repeating: "s", count: 150))
            #expect(try small.readResponse().status == 200, "a body that fits is served beside the held one")
            #expect(server.refusedConnections.first { $0.reason == "body_budget" }?.count == 2)

            try holder.send(String(repeating: "x", count: 798))
            #expect(try holder.readResponse().status == 200)
            try waitUntil { server.bufferedBodyBytes == 0 }
            let later = try TestClient(port: server.port)
            try later.send(
                "POST /e HTTP/1.1\r\nHost: a\r\nContent-Length: 300\r\n\r\n" + String(repeating: "y", count: 300))
            #expect(try later.readResponse().status == 200)
        }
    }

    /// A connection closed mid-body gives its share of the budget back.
    @Test func aClosedUploadReturnsItsBudget() throws {
        var configuration = HTTPServerTests.configuration
        configuration.maxBufferedBodyBytes = 1000
        try withServer(configuration, responder: EchoResponder()) { server in
            do {
                let holder = try TestClient(port: server.port)
                try holder.send("POST /a HTTP/1.1\r\nHost: a\r\nContent-Length: 900\r\n\r\nx")
                try waitUntil { server.bufferedBodyBytes == 900 }
            }
            try waitUntil { server.bufferedBodyBytes == 0 }
        }
    }

    /// A streamed response goes out without a length, bytes sent later arrive as they come, and the stream
    /// learns when the client went away.
    @Test func aStreamedResponseDeliversLaterBytesAndSeesTheClientLeave() throws {
        let streams = Mutex<[HTTPStream]>([])
        let responder = StreamingResponder { stream in streams.withLock { $0.append(stream) } }
        try withServer(responder: responder) { server in
            let client = try TestClient(port: server.port)
            try client.send("GET /events HTTP/1.1\r\nHost: a\r\n\r\n")
            let head = try client.readHead()
            #expect(
                head.contains("200 OK") && head.contains("text/event-stream")
                    && !head.lowercased().contains("content-length"))
            try waitUntil { streams.withLock { $0.count } == 1 }
            let stream = try #require(streams.withLock { $0.first })
            #expect(stream.send(Array("data: eins\n\n".utf8)))
            #expect(try client.readAvailable(until: "eins").contains("data: eins"))
            stream.send(Array("data: zwei\n\n".utf8))
            #expect(try client.readAvailable(until: "zwei").contains("data: zwei"))
            client.finishSending()
            try waitUntil { !stream.isOpen }
            #expect(!stream.send(Array("data: drei\n\n".utf8)))
        }
    }

    @Test func silentNewConnectionIsClosedAfterTheHeaderTimeout() throws {
        var configuration = HTTPServerTests.configuration
        configuration.headerReadTimeout = .milliseconds(100)
        try withServer(configuration, responder: EchoResponder()) { server in
            let client = try TestClient(port: server.port)
            #expect(try client.readResponse().status == 408)
            #expect(try client.readsEndOfStream())
        }
    }

    @Test func idleKeptAliveConnectionIsClosedSilently() throws {
        var configuration = HTTPServerTests.configuration
        configuration.idleTimeout = .milliseconds(100)
        try withServer(configuration, responder: EchoResponder()) { server in
            let client = try TestClient(port: server.port)
            try client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try client.readResponse().status == 200)
            #expect(try client.readsEndOfStream())
        }
    }

    /// With every regular connection held, the headroom still answers a health check, and only that.
    @Test func aHealthCheckIsAnsweredWhileClientsHoldEveryConnection() throws {
        var configuration = HTTPServerTests.configuration
        configuration.maxConnections = 2
        configuration.reservedConnections = 2
        try withServer(configuration, responder: EchoResponder()) { server in
            let held = try (0..<2).map { _ in try TestClient(port: server.port) }
            for client in held {
                try client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
                #expect(try client.readResponse().status == 200)
            }
            let health = try TestClient(port: server.port)
            try health.send("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try health.readResponse().body == "GET /healthz ")
            let other = try TestClient(port: server.port)
            // Refused at the head: the server does not wait for a body it would not take.
            try other.send("POST /webhook HTTP/1.1\r\nHost: a\r\nContent-Length: 4000000\r\n\r\n{")
            let refused = try other.readResponse()
            #expect(refused.status == 503)
            #expect(refused.headers["retry-after"] == "1")
            #expect(try other.readsEndOfStream())
        }
    }

    /// One client cannot take every connection: past its share it gets only the health check, and other
    /// clients are served; an address named as unlimited (a proxy in front) is exempt.
    @Test func oneClientBeyondItsShareGetsOnlyTheHealthCheck() throws {
        var configuration = HTTPServerTests.configuration
        configuration.maxConnectionsPerClient = 3
        // Two headroom slots: the refused connection may still hold one while the health check arrives.
        configuration.reservedConnections = 2
        let lines = Mutex<[(Logger.Level, String)]>([])
        let log: @Sendable (Logger.Level, String) -> Void = { level, line in lines.withLock { $0.append((level, line)) }
        }
        try withServer(configuration, responder: EchoResponder(), log: log) { server in
            let held = try (0..<3).map { _ in try TestClient(port: server.port) }
            for client in held {
                try client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
                #expect(try client.readResponse().status == 200)
            }
            let over = try TestClient(port: server.port)
            try over.send("GET /work HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try over.readResponse().status == 503)
            let health = try TestClient(port: server.port)
            try health.send("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try health.readResponse().status == 200)
            #expect(server.refusedConnections.first { $0.reason == "client_limit" }?.count == 2)
        }
        // Said at warning, so an office that logs warnings only sees a client held back.
        #expect(lines.withLock { $0 }.contains { $0.0 == .warning && $0.1.hasPrefix("event=http_client_limited ") })
        configuration.unlimitedClients = ["127.0.0.1"]
        try withServer(configuration, responder: EchoResponder()) { server in
            let held = try (0..<5).map { _ in try TestClient(port: server.port) }
            for client in held {
                try client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
                #expect(try client.readResponse().status == 200)
            }
        }
    }

    @Test func connectionsBeyondTheCapAreAnswered503AndClosedWhileOthersKeepWorking() throws {
        var configuration = HTTPServerTests.configuration
        configuration.maxConnections = 2
        configuration.reservedConnections = 0
        try withServer(configuration, responder: EchoResponder()) { server in
            let first = try TestClient(port: server.port)
            let second = try TestClient(port: server.port)
            for client in [first, second] {
                try client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
                #expect(try client.readResponse().status == 200)
            }
            let third = try TestClient(port: server.port)
            #expect(try third.readResponse().status == 503)
            #expect(try third.readsEndOfStream())
            try first.send("GET /again HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try first.readResponse().body == "GET /again ")
        }
    }

    @Test func observerSeesMethodPathAndStatus() throws {
        let seen = Mutex<[String]>([])
        let server = HTTPServer(
            configuration: Self.configuration, responder: EchoResponder(),
            observer: { exchange in
                seen.withLock { $0.append("\(exchange.method) \(exchange.path) \(exchange.status)") }
            })
        try server.start()
        defer { server.stop(timeout: .seconds(5)) }
        let client = try TestClient(port: server.port)
        try client.send("GET /metrics?x=1 HTTP/1.1\r\nHost: a\r\n\r\nBAD\r\n\r\n")
        _ = try client.readResponse()
        _ = try client.readResponse()
        #expect(seen.withLock { $0 } == ["GET /metrics 200", "  400"])
    }

    @Test func gracefulStopFinishesTheRequestInFlightAndClosesIdleConnections() throws {
        let responder = GatedResponder()
        let server = HTTPServer(configuration: Self.configuration, responder: responder)
        try server.start()
        let busy = try TestClient(port: server.port)
        let idle = try TestClient(port: server.port)
        try idle.send("GET /idle HTTP/1.1\r\nHost: a\r\n\r\n")
        _ = try idle.readResponse()
        try busy.send("POST /slow HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nhi")
        #expect(responder.received.wait(timeout: .now() + 5) == .success)

        let stopped = DispatchSemaphore(value: 0)
        let stopper = DispatchQueue(label: "stopper")
        stopper.async {
            server.stop(timeout: .seconds(10))
            stopped.signal()
        }
        #expect(try idle.readsEndOfStream())
        #expect(stopped.wait(timeout: .now() + .milliseconds(50)) == .timedOut)
        responder.release()
        let response = try busy.readResponse()
        #expect(response.status == 200)
        #expect(response.body == "POST /slow hi")
        #expect(response.headers["connection"] == "close")
        #expect(try busy.readsEndOfStream())
        #expect(stopped.wait(timeout: .now() + 5) == .success)
        #expect(throws: TestClientError.self) { try TestClient(port: server.port) }
    }

    @Test func listenAddressIsParsedFromHostAndPort() throws {
        let configuration = try HTTPServerConfiguration(address: "0.0.0.0:9090")
        #expect(configuration.host == "0.0.0.0")
        #expect(configuration.port == 9090)
        #expect(try HTTPServerConfiguration(address: "[::1]:80").host == "::1")
        #expect(throws: HTTPServerError.invalidAddress("8080")) { try HTTPServerConfiguration(address: "8080") }
        #expect(throws: HTTPServerError.invalidAddress("a:99999")) { try HTTPServerConfiguration(address: "a:99999") }
    }

    @Test func startingOnAPortInUseFailsWithAClearError() throws {
        try withServer(responder: EchoResponder()) { server in
            var configuration = Self.configuration
            configuration.port = server.port
            let second = HTTPServer(configuration: configuration, responder: EchoResponder())
            #expect(throws: HTTPServerError.self) { try second.start() }
        }
    }

    // MARK: Helpers

    /// Polls `condition` every 10 ms for up to 5 s; throws when it never holds.
    private func waitUntil(_ condition: () -> Bool) throws {
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(5)
        while !condition() {
            guard clock.now < deadline else { throw TestClientError(description: "condition never held") }
            usleep(10_000)
        }
    }

    private static let configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0)

    private func withServer(
        _ configuration: HTTPServerConfiguration = HTTPServerTests.configuration, responder: any HTTPResponder,
        log: @escaping @Sendable (Logger.Level, String) -> Void = { _, _ in }, _ body: (HTTPServer) throws -> Void
    ) throws {
        let server = HTTPServer(configuration: configuration, responder: responder, log: log)
        try server.start()
        defer { server.stop(timeout: .seconds(5)) }
        try body(server)
    }
}

/// Answers every request with an open event stream handed to `opened`.
private struct StreamingResponder: HTTPResponder {
    let opened: @Sendable (HTTPStream) -> Void

    func respond(to request: HTTPRequest, completion: @escaping @Sendable (HTTPResponse) -> Void) {
        var response = HTTPResponse(status: 200, headers: HTTPHeaders([("Content-Type", "text/event-stream")]))
        response.body = Array(": open\n\n".utf8)
        response.stream = self.opened
        completion(response)
    }
}

/// Answers `METHOD path body` synchronously.
private struct EchoResponder: HTTPResponder {
    func respond(to request: HTTPRequest, completion: @escaping @Sendable (HTTPResponse) -> Void) {
        completion(.text(200, "\(request.method) \(request.path) " + String(decoding: request.body, as: UTF8.self)))
    }
}

/// Holds completions until `batch` requests arrived, then completes them newest first from another thread.
private final class ReversingResponder: HTTPResponder {
    private let pending = Mutex<[(String, @Sendable () -> Void)]>([])
    private let order = Mutex<[String]>([])
    private let batch: Int

    init(batch: Int) {
        self.batch = batch
    }

    var completionOrder: [String] {
        self.order.withLock { $0 }
    }

    func respond(to request: HTTPRequest, completion: @escaping @Sendable (HTTPResponse) -> Void) {
        let response = HTTPResponse.text(
            200, "\(request.method) \(request.path) " + String(decoding: request.body, as: UTF8.self))
        let path = String(request.path)
        let ready = self.pending.withLock { pending -> [(String, @Sendable () -> Void)] in
            pending.append((path, { completion(response) }))
            guard pending.count == self.batch else { return [] }
            defer { pending.removeAll() }
            return pending.reversed()
        }
        guard !ready.isEmpty else { return }
        DispatchQueue.global().async {
            for (path, complete) in ready {
                self.order.withLock { $0.append(path) }
                complete()
            }
        }
    }
}

/// Answers `/idle` at once; holds any other request until `release()`.
private final class GatedResponder: HTTPResponder {
    let received = DispatchSemaphore(value: 0)
    private let gate = DispatchSemaphore(value: 0)

    func respond(to request: HTTPRequest, completion: @escaping @Sendable (HTTPResponse) -> Void) {
        let response = HTTPResponse.text(
            200, "\(request.method) \(request.path) " + String(decoding: request.body, as: UTF8.self))
        if request.path == "/idle" {
            completion(response)
            return
        }
        self.received.signal()
        DispatchQueue.global().async {
            self.gate.wait()
            completion(response)
        }
    }

    func release() {
        self.gate.signal()
    }
}

struct TestClientError: Error, CustomStringConvertible {
    var description: String
}

/// A blocking socket client whose reads give up after a deadline, so a broken server fails the test
/// instead of hanging it.
private final class TestClient {
    struct Response {
        var status: Int
        var headers: HTTPHeaders
        var body: String
    }

    private let fd: Int32
    private var buffer: [UInt8] = []

    init(port: Int, timeoutSeconds: Int = 5) throws {
        self.fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(self.fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            Glibc.close(self.fd)
            throw TestClientError(description: "connect failed: errno \(errno)")
        }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(self.fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit {
        Glibc.close(self.fd)
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes {
                Glibc.send(self.fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL))
            }
            guard count > 0 else { throw TestClientError(description: "send failed: errno \(errno)") }
            sent += count
        }
    }

    /// Shuts down the sending side, as `nc -N` does after its input.
    func finishSending() {
        shutdown(self.fd, Int32(SHUT_WR))
    }

    /// Reads more bytes; false at end of stream. Throws when the deadline passes.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(self.fd, $0.baseAddress, $0.count, 0) }
        if count > 0 {
            self.buffer.append(contentsOf: chunk[..<count])
            return true
        }
        if count == 0 || errno == ECONNRESET { return false }
        throw TestClientError(description: "read failed or timed out: errno \(errno)")
    }

    func readResponse(expectBody: Bool = true) throws -> Response {
        while true {
            if let end = self.headEnd() {
                let head = String(decoding: self.buffer[..<end], as: UTF8.self)
                var lines = head.split(separator: "\r\n").map(String.init)
                let statusLine = lines.removeFirst()
                let status = Int(statusLine.split(separator: " ")[1]) ?? 0
                var headers = HTTPHeaders()
                for line in lines {
                    let colon = line.firstIndex(of: ":")!
                    headers.add(
                        name: String(line[..<colon]),
                        value: String(line[line.index(after: colon)...].drop { $0 == " " }))
                }
                let length = expectBody ? Int(headers["content-length"] ?? "0") ?? 0 : 0
                while self.buffer.count < end + 4 + length {
                    guard try self.fill() else { throw TestClientError(description: "stream ended inside a body") }
                }
                let body = String(decoding: self.buffer[(end + 4)..<(end + 4 + length)], as: UTF8.self)
                self.buffer.removeFirst(end + 4 + length)
                return Response(status: status, headers: headers, body: body)
            }
            guard try self.fill() else { throw TestClientError(description: "stream ended before a response") }
        }
    }

    /// The response head (through the blank line), leaving what follows buffered.
    func readHead() throws -> String {
        while true {
            if let end = self.headEnd() {
                let head = String(decoding: self.buffer[..<(end + 4)], as: UTF8.self)
                self.buffer.removeFirst(end + 4)
                return head
            }
            guard try self.fill() else { throw TestClientError(description: "stream ended before a head") }
        }
    }

    /// Reads until the buffered text contains `marker`; returns and clears the buffer.
    func readAvailable(until marker: String) throws -> String {
        while !String(decoding: self.buffer, as: UTF8.self).contains(marker) {
            guard try self.fill() else { throw TestClientError(description: "stream ended before \(marker)") }
        }
        defer { self.buffer.removeAll() }
        return String(decoding: self.buffer, as: UTF8.self)
    }

    /// True when the server closes the connection with no further bytes.
    func readsEndOfStream() throws -> Bool {
        guard self.buffer.isEmpty else { return false }
        return try !self.fill()
    }

    private func headEnd() -> Int? {
        guard self.buffer.count >= 4 else { return nil }
        for index in 0...(self.buffer.count - 4)
        where self.buffer[index] == 13 && self.buffer[index + 1] == 10 && self.buffer[index + 2] == 13
            && self.buffer[index + 3] == 10
        {
            return index
        }
        return nil
    }
}
