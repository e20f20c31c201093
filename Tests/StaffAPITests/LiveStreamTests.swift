import Foundation
import Glibc
import HTTPServer
import StaffAPI
import Synchronization
import Testing

/// The console's live stream over TCP: a new ticket arrives as an event, a dropped connection resumed with
/// `Last-Event-ID` gets exactly what it missed, and the streams' cap answers 503.
struct LiveStreamTests {
    /// A raw socket reading the stream, with a deadline per read.
    final class StreamClient {
        let fd: Int32
        var text = ""

        init(port: Int, token: String, lastEventID: String? = nil) throws {
            guard let fd = LoopbackSocket.connect(port: port, receiveTimeout: 5) else {
                throw POSIXError(.ECONNREFUSED)
            }
            self.fd = fd
            var request =
                "GET /api/events HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer \(token)\r\nAccept: text/event-stream\r\n"
            if let lastEventID { request += "Last-Event-ID: \(lastEventID)\r\n" }
            request += "\r\n"
            _ = Array(request.utf8).withUnsafeBytes {
                Glibc.send(self.fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
        }

        deinit { Glibc.close(self.fd) }

        /// Reads until the text holds `marker`.
        @discardableResult
        func read(until marker: String) throws -> String {
            var chunk = [UInt8](repeating: 0, count: 65536)
            while !self.text.contains(marker) {
                let count = chunk.withUnsafeMutableBytes { recv(self.fd, $0.baseAddress, $0.count, 0) }
                guard count > 0 else { throw POSIXError(.ETIMEDOUT) }
                self.text += String(decoding: chunk[..<count], as: UTF8.self)
            }
            return self.text
        }

        /// The id of the last event received.
        var lastID: String? {
            self.text.split(separator: "\n").last { $0.hasPrefix("id: ") }.map { String($0.dropFirst(4)) }
        }
    }

    /// Runs `body` with a staff API serving live streams (at most `streams`) on a loopback port, and a member's
    /// token.
    static func withLiveServer(streams: Int, _ body: (StaffAPITests, HTTPServer, String) throws -> Void) throws {
        let harness = try StaffAPITests(liveStreams: streams)
        try harness.withStaff()
        let events = try #require(harness.events)
        events.start()
        defer { events.stop() }
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0), responder: harness.api)
        try server.start()
        defer { server.stop(timeout: .seconds(5)) }
        try body(harness, server, try #require(harness.tokens.byStaff.withLock { $0["sari"] }))
    }

    @Test func aDroppedStreamResumesFromItsLastEventAndTheCapAnswers503() throws {
        try Self.withLiveServer(streams: 1) { harness, server, token in

            var client: StreamClient? = try StreamClient(port: server.port, token: token)
            let head = try #require(client).read(until: ": open")
            #expect(head.contains("200 OK") && head.contains("text/event-stream"))
            let first = try harness.openTicket()
            try #require(client).read(until: "\"ticket\":\(first)")
            let resumeFrom = try #require(client?.lastID)

            // The cap is one stream: a second one is refused while the first is open.
            let refused = try StreamClient(port: server.port, token: token)
            #expect(try refused.read(until: "\r\n\r\n").contains("503"))

            client = nil  // the connection drops
            let missed = try harness.openTicket(reporter: "6281299990000")
            Thread.sleep(forTimeInterval: 0.3)
            let resumed = try StreamClient(port: server.port, token: token, lastEventID: resumeFrom)
            let text = try resumed.read(until: "\"ticket\":\(missed)")
            #expect(!text.contains("\"ticket\":\(first),"), "what was already seen is not sent again")
            #expect(text.contains("event: ticket"))
        }
    }

    /// A stream resumed from further behind than the catch-up limit, or from past the newest event (a cursor of
    /// another database), gets one reset event carrying the current cursor instead of the history it missed,
    /// and then each new event as usual.
    @Test(arguments: [false, true])
    func aStreamTooFarBehindOrAheadGetsOneResetAndGoesOnFromNow(ahead: Bool) throws {
        try Self.withLiveServer(streams: 2) { harness, server, token in

            var client: StreamClient? = try StreamClient(port: server.port, token: token)
            try #require(client).read(until: ": open")
            let first = try harness.openTicket()
            try #require(client).read(until: "\"ticket\":\(first)")
            let seen = try #require(client?.lastID)
            client = nil
            for index in 0...StaffEvents.catchUpLimit { _ = try harness.openTicket(reporter: "62812999\(index)") }
            let resumeFrom = ahead ? "99999999-0" : seen
            let resumed = try StreamClient(port: server.port, token: token, lastEventID: resumeFrom)
            let reset = try resumed.read(until: "\"reset\":true")
            #expect(!reset.contains("\"ticket\":"), "no missed event is sent one by one")
            let next = try harness.openTicket(reporter: "6281299990000")
            let text = try resumed.read(until: "\"ticket\":\(next)")
            #expect(text.components(separatedBy: "event: ticket").count == 3, "the reset, then the new ticket: \(text)")
        }
    }

    @Test func withoutASessionOrTokenTheStreamIs401() throws {
        let harness = try StaffAPITests(liveStreams: 5)
        #expect(try harness.call("GET", "/api/events").status == 401)
    }
}
