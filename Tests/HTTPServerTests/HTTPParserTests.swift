import Testing

@testable import HTTPServer

struct HTTPParserTests {
    private static let get = Array(
        "GET /webhook?hub.mode=subscribe HTTP/1.1\r\nHost: loket\r\nAccept: */*\r\n\r\n".utf8)
    private static let post = Array(
        "POST /webhook HTTP/1.1\r\nHost: loket\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n{\"a\":\"hello\"}"
            .utf8)
    private static let expectedGet = HTTPRequest(
        method: "GET", target: "/webhook?hub.mode=subscribe",
        headers: HTTPHeaders([("Host", "loket"), ("Accept", "*/*")]))
    private static let expectedPost = HTTPRequest(
        method: "POST", target: "/webhook",
        headers: HTTPHeaders([("Host", "loket"), ("Content-Type", "application/json"), ("Content-Length", "13")]),
        body: Array("{\"a\":\"hello\"}".utf8))

    /// Feeds `bytes` in the given chunks and collects every event.
    private static func events(_ chunks: [ArraySlice<UInt8>], limits: HTTPParser.Limits = .init()) -> [HTTPParser.Event]
    {
        var parser = HTTPParser(limits: limits)
        var events: [HTTPParser.Event] = []
        for chunk in chunks {
            parser.append(Array(chunk))
            while let event = parser.next() { events.append(event) }
        }
        return events
    }

    private static func events(_ text: String, limits: HTTPParser.Limits = .init()) -> [HTTPParser.Event] {
        events([Array(text.utf8)[...]], limits: limits)
    }

    /// Every way of cutting `bytes` in two, plus byte by byte.
    private static func allSplits(_ bytes: [UInt8]) -> [[ArraySlice<UInt8>]] {
        var splits = (0...bytes.count).map { [bytes[..<$0], bytes[$0...]] }
        splits.append(bytes.indices.map { bytes[$0...$0] })
        return splits
    }

    @Test func requestWithoutBodyParsesAtEverySplitPoint() {
        for chunks in Self.allSplits(Self.get) {
            #expect(Self.events(chunks) == [.request(Self.expectedGet)])
        }
    }

    @Test func requestWithBodyParsesAtEverySplitPoint() {
        for chunks in Self.allSplits(Self.post) {
            #expect(Self.events(chunks) == [.request(Self.expectedPost)])
        }
    }

    @Test func pipelinedRequestsParseInOrderAtEverySplitPoint() {
        let bytes = Self.post + Self.get + Self.post
        for chunks in Self.allSplits(bytes) {
            #expect(
                Self.events(chunks) == [
                    .request(Self.expectedPost), .request(Self.expectedGet), .request(Self.expectedPost),
                ])
        }
    }

    @Test func pipelinedRequestsParseAtEveryPairOfSplitPoints() {
        let bytes = Self.get + Self.post
        for first in 0...bytes.count {
            for second in first...bytes.count {
                let chunks = [bytes[..<first], bytes[first..<second], bytes[second...]]
                #expect(Self.events(chunks) == [.request(Self.expectedGet), .request(Self.expectedPost)])
            }
        }
    }

    @Test func emptyLinesBeforeARequestAreIgnored() {
        #expect(Self.events([("\r\n\r\n".utf8 + Self.get)[...]]) == [.request(Self.expectedGet)])
    }

    @Test func headerValuesAreTrimmedAndNamesKeepTheirSpelling() {
        let events = Self.events("GET / HTTP/1.1\r\nhost:   loket \t\r\nX-Hub-Signature-256:sha256=ab\r\n\r\n")
        let expected = HTTPRequest(
            method: "GET", target: "/", headers: HTTPHeaders([("host", "loket"), ("X-Hub-Signature-256", "sha256=ab")]))
        #expect(events == [.request(expected)])
    }

    @Test(arguments: [
        "GET\r\nHost: a\r\n\r\n",
        "GET / \r\nHost: a\r\n\r\n",
        "GET  / HTTP/1.1\r\nHost: a\r\n\r\n",
        "GET / HTTP/1.1 extra\r\nHost: a\r\n\r\n",
        "G(T / HTTP/1.1\r\nHost: a\r\n\r\n",
        "GET / HTTX/1.1\r\nHost: a\r\n\r\n",
        "GET / http/1.1\r\nHost: a\r\n\r\n",
        "GET /a\u{7F}b HTTP/1.1\r\nHost: a\r\n\r\n",
    ])
    func malformedRequestLineIsAnswered400(_ text: String) {
        #expect(Self.events(text) == [.failed(.badRequestLine)])
    }

    @Test(arguments: [
        "GET / HTTP/1.1\r\nHost : a\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\nX-Folded: one\r\n two\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\n: empty-name\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\nX-Bad: a\u{1}b\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\nX-Bare: a\rb\r\n\r\n",
    ])
    func malformedHeaderIsAnswered400(_ text: String) {
        #expect(Self.events(text).map(\.status) == [400])
    }

    @Test(arguments: [
        "Content-Length: 3\r\nContent-Length: 4",
        "Content-Length: 3, 4",
        "Content-Length: abc",
        "Content-Length: -1",
        "Content-Length: ",
        "Content-Length: 99999999999999999999999",
    ])
    func invalidOrConflictingContentLengthIsAnswered400(_ fields: String) {
        #expect(Self.events("POST / HTTP/1.1\r\nHost: a\r\n\(fields)\r\n\r\nabcd") == [.failed(.badContentLength)])
    }

    @Test func repeatedIdenticalContentLengthIsAccepted() {
        let events = Self.events("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2, 2\r\n\r\nok")
        #expect(events.count == 1)
        #expect(events.first?.request?.body == Array("ok".utf8))
    }

    @Test func headerSectionOverLimitIsAnswered431BeforeItEnds() {
        let filler = String(repeating: "x", count: 16 * 1024)
        #expect(
            Self.events("GET / HTTP/1.1\r\nHost: a\r\nX-Filler: \(filler)") == [.failed(.headersTooLarge(limit: 16384))]
        )
    }

    @Test func headerSectionJustUnderLimitIsAccepted() {
        let head = "GET / HTTP/1.1\r\nHost: a\r\nX-Filler: "
        let filler = String(repeating: "x", count: 16 * 1024 - head.utf8.count - 4)
        let events = Self.events(head + filler + "\r\n\r\n")
        #expect(events.count == 1)
        #expect(events.first?.request != nil)
    }

    @Test func bodyOverLimitIsAnswered413FromContentLengthAlone() {
        let limits = HTTPParser.Limits(maxBodyBytes: 10)
        #expect(
            Self.events("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n", limits: limits)
                == [.failed(.bodyTooLarge(length: 11, limit: 10))])
    }

    @Test func aPathWithItsOwnBodyLimitUsesIt() {
        let limits = HTTPParser.Limits(maxBodyBytes: 10, maxBodyBytesByPath: ["/upload": 20])
        #expect(Self.events("POST /upload?x=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 20\r\n\r\n", limits: limits) == [])
        #expect(
            Self.events("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 21\r\n\r\n", limits: limits)
                == [.failed(.bodyTooLarge(length: 21, limit: 20))])
        #expect(
            Self.events("POST /other HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n", limits: limits)
                == [.failed(.bodyTooLarge(length: 11, limit: 10))])
    }

    @Test func aStarInALimitsPathStandsForOneSegment() {
        let limits = HTTPParser.Limits(maxBodyBytes: 10, maxBodyBytesByPath: ["/api/tickets/*/files": 20])
        #expect(
            Self.events(
                "POST /api/tickets/12/files?name=a HTTP/1.1\r\nHost: a\r\nContent-Length: 20\r\n\r\n", limits: limits)
                == [])
        for path in ["/api/tickets//files", "/api/tickets/12/files/x", "/api/tickets/12/actions", "/api/tickets/12"] {
            #expect(
                Self.events("POST \(path) HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n", limits: limits)
                    == [.failed(.bodyTooLarge(length: 11, limit: 10))], "\(path)")
        }
    }

    @Test func defaultBodyLimitIsFourMebibytes() {
        #expect(
            Self.events("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 4194305\r\n\r\n").map(\.status) == [413])
        #expect(Self.events("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 4194304\r\n\r\n") == [])
    }

    @Test func chunkedBodyIsAnswered411() {
        #expect(
            Self.events("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
                == [.failed(.chunkedBodyUnsupported)])
    }

    @Test func transferEncodingWithContentLengthIsAnswered400() {
        #expect(
            Self.events("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n")
                == [.failed(.badTransferEncoding)])
    }

    @Test(arguments: ["HTTP/2.0", "HTTP/1.2", "HTTP/0.9", "HTTP/3.0"])
    func unsupportedVersionIsAnswered505(_ version: String) {
        #expect(Self.events("GET / \(version)\r\nHost: a\r\n\r\n") == [.failed(.unsupportedVersion)])
    }

    @Test func http11WithoutHostIsAnswered400() {
        #expect(Self.events("GET / HTTP/1.1\r\nAccept: */*\r\n\r\n") == [.failed(.missingHost)])
    }

    @Test func http11WithTwoHostsIsAnswered400() {
        #expect(Self.events("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") == [.failed(.missingHost)])
    }

    @Test func http10WithoutHostIsAccepted() {
        #expect(
            Self.events("GET / HTTP/1.0\r\n\r\n") == [
                .request(HTTPRequest(method: "GET", target: "/", version: .http10))
            ])
    }

    @Test func expectContinueIsAnnouncedOnceBeforeTheBody() {
        var parser = HTTPParser()
        parser.append(Array("POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n".utf8))
        #expect(parser.next() == .continueRequested)
        #expect(parser.next() == nil)
        parser.append(Array("o".utf8))
        #expect(parser.next() == nil)
        parser.append(Array("k".utf8))
        #expect(parser.next()?.request?.body == Array("ok".utf8))
    }

    @Test func expectContinueWithBodyAlreadyReceivedIsNotAnnounced() {
        let events = Self.events("POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok")
        #expect(events.map(\.status) == [200])
    }

    @Test func unknownExpectationIsAnswered417() {
        #expect(
            Self.events("POST / HTTP/1.1\r\nHost: a\r\nExpect: later\r\n\r\n") == [.failed(.unsupportedExpectation)])
    }

    @Test func parserYieldsNothingAfterAnError() {
        var parser = HTTPParser()
        parser.append(Array("BROKEN\r\n\r\n".utf8) + Self.get)
        #expect(parser.next() == .failed(.badRequestLine))
        #expect(parser.next() == nil)
        parser.append(Self.get)
        #expect(parser.next() == nil)
    }

    @Test func idleAndReadingHeadReflectBufferedBytes() {
        var parser = HTTPParser()
        #expect(parser.isIdle)
        parser.append(Array("GET / HT".utf8))
        #expect(parser.next() == nil)
        #expect(!parser.isIdle)
        #expect(parser.isReadingHead)
        parser.append(Array("TP/1.1\r\nHost: a\r\n\r\n".utf8))
        #expect(parser.next() != nil)
        #expect(parser.isIdle)
    }

    @Test func http11KeepsAliveUnlessConnectionClose() {
        #expect(HTTPRequest(method: "GET", target: "/").wantsKeepAlive)
        #expect(
            !HTTPRequest(method: "GET", target: "/", headers: HTTPHeaders([("Connection", "Close")])).wantsKeepAlive)
        #expect(
            !HTTPRequest(method: "GET", target: "/", headers: HTTPHeaders([("connection", "te, close")])).wantsKeepAlive
        )
    }

    @Test func http10ClosesUnlessConnectionKeepAlive() {
        #expect(!HTTPRequest(method: "GET", target: "/", version: .http10).wantsKeepAlive)
        #expect(
            HTTPRequest(
                method: "GET", target: "/", version: .http10, headers: HTTPHeaders([("Connection", "Keep-Alive")])
            )
            .wantsKeepAlive)
    }

    @Test func headerLookupIgnoresCase() {
        let headers = HTTPHeaders([("X-Hub-Signature-256", "sha256=1"), ("x-hub-signature-256", "sha256=2")])
        #expect(headers["x-hub-SIGNATURE-256"] == "sha256=1")
        #expect(headers.values(for: "X-HUB-SIGNATURE-256") == ["sha256=1", "sha256=2"])
        #expect(headers["X-Hub-Signature-25"] == nil)
    }
}

extension HTTPParser.Event {
    fileprivate var request: HTTPRequest? {
        if case .request(let request) = self { return request }
        return nil
    }

    /// 200 for a request, 100 for an interim continue, else the error's status.
    fileprivate var status: Int {
        switch self {
        case .request: 200
        case .continueRequested: 100
        case .failed(let error): error.status
        }
    }
}
