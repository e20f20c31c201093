import Foundation
import Glibc
import HTTPServer
import Support
import Synchronization
import WebhookServer
import WhatsAppOutbox

/// One keep-alive HTTP/1.1 connection to Loket that POSTs signed webhooks and reads each answer's status.
final class Client {
    let port: Int
    let signer: SignatureVerifier
    private var socket: Int32 = -1
    private var buffer = [UInt8](repeating: 0, count: 16_384)

    init(port: Int, signer: SignatureVerifier) {
        self.port = port
        self.signer = signer
    }

    deinit {
        if self.socket >= 0 { close(self.socket) }
    }

    /// POSTs `body` to /webhook, signed; the status, or 0 when the connection failed twice.
    func post(_ body: [UInt8]) -> Int {
        let head =
            "POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "X-Hub-Signature-256: \(self.signer.signatureHeader(for: body))\r\nContent-Length: \(body.count)\r\n\r\n"
        let request = Array(head.utf8) + body
        for _ in 0..<2 {
            if self.socket < 0 { self.socket = LoopbackSocket.connect(port: self.port) ?? -1 }
            guard self.socket >= 0 else { continue }
            if self.write(request), let status = self.readStatus() { return status }
            close(self.socket)
            self.socket = -1
        }
        return 0
    }

    private func write(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes {
                Glibc.send(self.socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    /// Reads one response (headers and a Content-Length body) and returns its status.
    private func readStatus() -> Int? {
        var received: [UInt8] = []
        while true {
            let count = self.buffer.withUnsafeMutableBytes { recv(self.socket, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return nil }
            received += self.buffer[..<count]
            guard let end = Self.headerEnd(received) else { continue }
            let head = String(decoding: received[..<end], as: UTF8.self)
            let lines = head.split(separator: "\r\n")
            guard let statusLine = lines.first, statusLine.split(separator: " ").count >= 2,
                let status = Int(statusLine.split(separator: " ")[1])
            else { return nil }
            let length =
                lines.first { $0.lowercased().hasPrefix("content-length:") }
                .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
            while received.count < end + 4 + length {
                let more = self.buffer.withUnsafeMutableBytes { recv(self.socket, $0.baseAddress, $0.count, 0) }
                guard more > 0 else { return nil }
                received += self.buffer[..<more]
            }
            return status
        }
    }

    private static func headerEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }

    /// Polls `GET /healthz` until it answers 200.
    static func waitForHealth(port: Int, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if Self.get("/healthz", port: port)?.status == 200 { return true }
            usleep(100_000)
        }
        return false
    }

    /// The value of counter `name` in Loket's `GET /metrics`, or nil when it cannot be read.
    static func metric(_ name: String, port: Int) -> Double? {
        guard let answer = Self.get("/metrics", port: port), answer.status == 200 else { return nil }
        for line in answer.body.split(separator: "\n") {
            let fields = line.split(separator: " ")
            if fields.count == 2, fields[0] == name { return Double(fields[1]) }
        }
        return nil
    }

    /// `GET path` on a connection of its own, closed after the answer: its status and body, or nil when
    /// Loket cannot be reached.
    private static func get(_ path: String, port: Int) -> (status: Int, body: Substring)? {
        guard let socket = LoopbackSocket.connect(port: port) else { return nil }
        defer { close(socket) }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received += buffer[..<count]
        }
        let text = String(decoding: received, as: UTF8.self)
        guard let headEnd = text.range(of: "\r\n\r\n"),
            let status = text[..<headEnd.lowerBound].split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return nil }
        return (status, text[headEnd.upperBound...])
    }
}

/// Spaces the webhooks `1/rate` seconds apart across every sending connection (no pacing at rate 0).
final class Pace: Sendable {
    private let interval: UInt64
    private let next = Mutex<UInt64>(0)

    init(rate: Double) {
        self.interval = rate > 0 ? UInt64(1e9 / rate) : 0
    }

    func wait() {
        guard self.interval > 0 else { return }
        let now = Journeys.now()
        let slot = self.next.withLock { next -> UInt64 in
            let slot = max(next, now)
            next = slot + self.interval
            return slot
        }
        if slot > now { usleep(UInt32((slot - now) / 1000)) }
    }
}

/// The Graph API stand-in, noting the moment each message send arrives for the journey it answers.
final class ArrivalRecorder: HTTPResponder, Sendable {
    let standIn: GraphAPIStandIn
    let journeys: Journeys

    init(standIn: GraphAPIStandIn, journeys: Journeys) {
        self.standIn = standIn
        self.journeys = journeys
    }

    func respond(to request: HTTPRequest, completion: @escaping @Sendable (HTTPResponse) -> Void) {
        if request.method == "POST", request.path.hasSuffix("/messages"),
            let to = (try? JSONReader.parse(request.body))?["to"]?.stringValue
        {
            self.journeys.replied(to: to)
        }
        self.standIn.respond(to: request, completion: completion)
    }
}

/// What a process's threads used, grouped by thread name without its number ("loket-lane-0" and
/// "loket-lane-1" are one group): CPU time from `/proc/PID/task/TID/stat`, context switches from its `status`,
/// and the read-like and write-like system calls the kernel counts in its `io` (`syscr`, `syscw`: reads and
/// writes of files and sockets, positioned or not).
struct ThreadUsage {
    struct Usage {
        var user = 0.0
        var system = 0.0
        var contextSwitches = 0.0
        var readCalls = 0.0
        var writeCalls = 0.0

        var cpu: Double { self.user + self.system }

        static func - (after: Usage, before: Usage) -> Usage { after.combined(with: before, -) }

        static func + (left: Usage, right: Usage) -> Usage { left.combined(with: right, +) }

        /// Each figure of `self` with the same figure of `other`, through `operation`.
        private func combined(with other: Usage, _ operation: (Double, Double) -> Double) -> Usage {
            Usage(
                user: operation(self.user, other.user), system: operation(self.system, other.system),
                contextSwitches: operation(self.contextSwitches, other.contextSwitches),
                readCalls: operation(self.readCalls, other.readCalls),
                writeCalls: operation(self.writeCalls, other.writeCalls))
        }
    }

    let pid: Int32

    /// Each group's usage so far; user and system time in microseconds.
    func sample() -> [String: Usage] {
        var groups: [String: Usage] = [:]
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(self.pid)/task")) ?? []
        for task in tasks {
            let directory = "/proc/\(self.pid)/task/\(task)"
            guard let stat = try? String(contentsOfFile: directory + "/stat", encoding: .utf8),
                let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")")
            else { continue }
            let name = String(stat[stat.index(after: open)..<close]).trimmingCharacters(in: .decimalDigits)
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { continue }
            let status = Self.counters(in: directory + "/status")
            let io = Self.counters(in: directory + "/io")
            let usage = Usage(
                user: user / ticks * 1_000_000, system: system / ticks * 1_000_000,
                contextSwitches: (status["voluntary_ctxt_switches"] ?? 0) + (status["nonvoluntary_ctxt_switches"] ?? 0),
                readCalls: io["syscr"] ?? 0, writeCalls: io["syscw"] ?? 0)
            groups[name] = (groups[name] ?? Usage()) + usage
        }
        return groups
    }

    /// The numeric "name: value" lines of a `/proc` file.
    private static func counters(in path: String) -> [String: Double] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
        var counters: [String: Double] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, let value = Double(parts[1].trimmingCharacters(in: .whitespaces)) else { continue }
            counters[String(parts[0])] = value
        }
        return counters
    }

    static func difference(_ after: [String: Usage], _ before: [String: Usage]) -> [String: Usage] {
        after.reduce(into: [:]) { result, entry in result[entry.key] = entry.value - (before[entry.key] ?? Usage()) }
    }
}
