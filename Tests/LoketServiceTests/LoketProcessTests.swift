import Foundation
import HTTPServer
import Storage
import Testing
import WebhookServer

#if canImport(Glibc)
    import Glibc
#endif

/// The real `loket` executable: start-up messages, and a crash between receiving and processing.
///
/// The crash test's first run holds the dispatcher back with the test-only `LOKET_DISPATCH_PAUSED=1`, so
/// every acknowledged webhook is in the inbox log and nothing is processed when the process is SIGKILLed.
struct LoketProcessTests {
    static let secret = "crash-test-secret"
    static let contacts = 20

    @Test func aKilledServiceLosesNothingAndDoublesNothingAfterRestart() throws {
        let executable = try #require(
            LoketProcess.executable(), "build the loket product first (swift build)")
        let dataDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("loket-crash-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dataDirectory) }

        // First run: acknowledge every webhook, process nothing, then SIGKILL.
        let first = try LoketProcess(
            executable: executable,
            environment: ["LOKET_DATA_DIR": dataDirectory, "LOKET_DISPATCH_PAUSED": "1"])
        let port = try #require(
            first.waitForLine(containing: "event=loket.listening", timeout: 60).flatMap(Self.port))
        let client = LoopbackClient(port: port)
        for index in 0..<Self.contacts {
            #expect(try Self.post(Self.webhook(index), to: client) == 200)
        }
        for index in 0..<5 {
            #expect(try Self.post(Self.webhook(index), to: client) == 200, "a repeated delivery is acknowledged")
        }
        // Each delivery, posted one after the other, was a group of its own, and the disk's sync time shows.
        let intake = String(decoding: try client.send(method: "GET", target: "/metrics").body, as: UTF8.self)
        #expect(intake.contains("loket_inbox_log_groups_total \(Self.contacts + 5)\n"))
        let syncLine = intake.split(separator: "\n").first { $0.hasPrefix("loket_inbox_log_sync_seconds_total ") }
        let syncSeconds = try #require(syncLine.flatMap { $0.split(separator: " ").last }.flatMap { Double($0) })
        #expect(syncSeconds > 0)
        first.kill(SIGKILL)

        // Every acknowledged delivery is in the inbox log, the repeated ones too; nothing was processed.
        let log = try InboxLog(directory: dataDirectory + "/inbox-log")
        let (payloads, _) = try log.records(after: InboxLog.Position(segment: 0, offset: 0), limit: 1_000)
        let delivered = payloads.compactMap { InboxLogRecord(decoding: $0) }.flatMap(\.events).map(\.messageID)
        #expect(delivered.count == Self.contacts + 5)
        #expect(Set(delivered).count == Self.contacts)
        let afterCrash = try Database(path: dataDirectory + "/loket.sqlite")
        #expect(try Self.count("SELECT count(*) FROM outbound_messages", in: afterCrash) == 0)

        // Second run: the backlog is processed once.
        let second = try LoketProcess(
            executable: executable,
            environment: ["LOKET_DATA_DIR": dataDirectory, "LOKET_LOG_LEVEL": "debug"])
        let secondPort = try #require(
            second.waitForLine(containing: "event=loket.listening", timeout: 60).flatMap(Self.port))
        #expect(second.waitForLine(containing: "event=loket.unclean_restart", timeout: 10) != nil)
        // A supervisor restarting a crashing service is visible from outside.
        let metrics = String(
            decoding: try LoopbackClient(port: secondPort).send(method: "GET", target: "/metrics").body, as: UTF8.self)
        #expect(metrics.contains(#"loket_unclean_restarts_total{within="all"} 1"#))
        #expect(
            second.waitForLines(
                containing: "event=dispatcher.message_processed", count: Self.contacts, timeout: 60))
        // Every reply reaches the sandbox's Graph API stand-in: a mark-as-read and a menu per contact.
        #expect(
            second.waitForLines(
                containing: "event=outbox_send result=sent", count: 2 * Self.contacts, timeout: 60))
        second.kill(SIGTERM)
        #expect(second.exitStatus() == 0)

        let database = try Database(path: dataDirectory + "/loket.sqlite")
        #expect(try Self.count("SELECT count(*) FROM inbox", in: database) == Self.contacts)
        #expect(
            try Self.count(
                "SELECT count(*) FROM inbox WHERE state = 'done' AND attempts = 1", in: database)
                == Self.contacts)
        // Each contact gets exactly one welcome menu, which carries the mark-as-read of the contact's message.
        #expect(try Self.count("SELECT count(*) FROM outbound_messages", in: database) == Self.contacts)
        #expect(
            try Self.count(
                "SELECT count(DISTINCT read_receipt) FROM outbound_messages WHERE kind = 'list'", in: database)
                == Self.contacts)
        #expect(
            try Self.count("SELECT count(DISTINCT recipient) FROM outbound_messages", in: database)
                == Self.contacts)
        #expect(
            try Self.count(
                "SELECT count(*) FROM (SELECT recipient, kind FROM outbound_messages GROUP BY recipient, kind HAVING count(*) > 1)",
                in: database) == 0)
        #expect(
            try Self.count("SELECT count(*) FROM outbound_messages WHERE state = 'sent'", in: database)
                == Self.contacts)
        #expect(
            try Self.count(
                "SELECT count(DISTINCT wamid) FROM outbound_messages WHERE kind = 'list' AND state = 'sent'",
                in: database) == Self.contacts)
    }

    @Test func sandboxModeIsSaidInTheFirstLogLine() throws {
        let executable = try #require(LoketProcess.executable(), "build the loket product first (swift build)")
        let dataDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("loket-sandbox-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
        let process = try LoketProcess(executable: executable, environment: ["LOKET_DATA_DIR": dataDirectory])
        let first = process.firstLine(timeout: 60)
        #expect(first?.contains("event=loket.starting_in_sandbox_mode") == true)
        #expect(process.waitForLine(containing: "event=loket.listening", timeout: 60) != nil)
        process.kill(SIGTERM)
        #expect(process.exitStatus() == 0)
    }

    @Test func aBadSettingStopsStartUpWithOneLineNamingIt() throws {
        let executable = try #require(LoketProcess.executable(), "build the loket product first (swift build)")
        let process = try LoketProcess(executable: executable, environment: ["LOKET_ADDR": "nowhere"])
        #expect(process.exitStatus() == 78)
        let lines = process.waitForLine(containing: "LOKET_ADDR", timeout: 10).map { [$0] } ?? []
        #expect(lines.count == 1)
        #expect(process.allLines().count == 1)
    }

    @Test func partialCredentialsStopStartUpNamingTheMissingOnes() throws {
        let executable = try #require(LoketProcess.executable(), "build the loket product first (swift build)")
        let process = try LoketProcess(
            executable: executable, environment: ["WHATSAPP_ACCESS_TOKEN": "EAAG-test", "LOKET_ADDR": "127.0.0.1:0"])
        #expect(process.exitStatus() == 78)
        let line = process.waitForLine(containing: "configuration", timeout: 10) ?? ""
        #expect(line.contains("WHATSAPP_VERIFY_TOKEN, WHATSAPP_PHONE_NUMBER_ID"))
        #expect(!line.contains("EAAG-test"))
    }

    /// More clients than the process may open descriptors for: the server pauses accepting instead of
    /// spinning on a listener it cannot serve, logs it about once a second, and serves again once they leave.
    @Test func runningOutOfDescriptorsPausesAcceptingAndRecovers() throws {
        let executable = try #require(LoketProcess.executable(), "build the loket product first (swift build)")
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("loket-fd-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let process = try LoketProcess(
            executable: executable,
            environment: ["LOKET_DATA_DIR": data.path],
            descriptorLimit: 64)
        let listening = try #require(process.waitForLine(containing: "loket.listening", timeout: 30))
        let port = try #require(Self.port(fromLine: listening))
        var sockets: [Int32] = []
        defer { for socket in sockets { Glibc.close(socket) } }
        for _ in 0..<150 {
            if let socket = LoopbackSocket.connect(port: port) { sockets.append(socket) }
        }
        let before = Self.cpuSeconds(of: process.pid)
        Thread.sleep(forTimeInterval: 2)
        let spent = Self.cpuSeconds(of: process.pid) - before
        #expect(spent < 0.5, "the server spent \(spent) s of CPU in 2 s with no descriptor free")
        #expect(process.waitForLine(containing: "http_accept_paused", timeout: 5) != nil)
        let pauses = process.allLinesSoFar().filter { $0.contains("http_accept_paused") }.count
        #expect(pauses <= 6, "logged \(pauses) times in about 2 s")
        for socket in sockets { Glibc.close(socket) }
        sockets.removeAll()
        let client = LoopbackClient(port: port)
        var healthy = false
        for _ in 0..<50 where !healthy {
            healthy = (try? client.send(method: "GET", target: "/healthz").status) == 200
            if !healthy { Thread.sleep(forTimeInterval: 0.1) }
        }
        #expect(healthy, "/healthz answers again once the clients left")
        process.kill(SIGTERM)
        _ = process.exitStatus()
    }

    /// User plus system CPU time of process `pid`, in seconds.
    static func cpuSeconds(of pid: Int32) -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        let ticks = (Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)
        return ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Posts a signed webhook; returns the response status.
    static func post(_ body: [UInt8], to client: LoopbackClient) throws -> Int {
        let signature = SignatureVerifier(appSecret: Self.secret).signatureHeader(for: body)
        return try client.send(
            method: "POST", target: "/webhook",
            headers: [("Content-Type", "application/json"), ("X-Hub-Signature-256", signature)], body: body
        ).status
    }

    static func count(_ sql: String, in database: Database) throws -> Int {
        try database.queryFirst(sql) { $0.int(0) } ?? -1
    }

    static func port(fromLine line: String) -> Int? {
        guard let range = line.range(of: "addr=") else { return nil }
        let address = line[range.upperBound...].prefix { $0 != " " }
        return address.split(separator: ":").last.flatMap { Int($0) }
    }

    static func webhook(_ index: Int) -> [UInt8] {
        let from = "62812000000\(String(format: "%02d", index))"
        return Array(
            """
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{\
            "messaging_product":"whatsapp","metadata":{"phone_number_id":"100000000000000"},\
            "contacts":[{"profile":{"name":"Penyedia \(index)"},"wa_id":"\(from)"}],\
            "messages":[{"from":"\(from)","id":"wamid.crash.\(index)","timestamp":"\(Int(Date().timeIntervalSince1970))",\
            "type":"text","text":{"body":"Halo"}}]}}]}]}
            """.utf8)
    }
}

/// A `loket serve` child process whose log lines (standard error) are collected as they arrive.
final class LoketProcess: Sendable {
    private let process: Process
    private let lines = LineCollector()

    /// The built `loket` beside the test bundle (the build products folder), else under `.build/debug`
    /// (`swift build --build-tests` and `swift test` build it with the tests).
    static func executable() -> URL? {
        var candidates: [URL] = []
        // The test bundle sits in the build products folder, beside `loket`; the runner is given its path.
        for argument in CommandLine.arguments where argument.hasSuffix(".xctest") {
            candidates.append(
                URL(fileURLWithPath: argument).deletingLastPathComponent().appendingPathComponent("loket"))
        }
        if let testBinary = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(
                URL(fileURLWithPath: testBinary).deletingLastPathComponent().appendingPathComponent("loket")
            )
        }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(repository.appendingPathComponent(".build/debug/loket"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// - Parameter descriptorLimit: the open-file limit (soft and hard) to run under, set by the shell.
    init(executable: URL, environment: [String: String], descriptorLimit: Int? = nil) throws {
        let process = Process()
        if let descriptorLimit {
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", "ulimit -n \(descriptorLimit) && exec \"$0\" serve", executable.path]
        } else {
            process.executableURL = executable
            process.arguments = ["serve"]
        }
        process.environment = [
            "PATH": "/usr/bin:/bin", "WHATSAPP_APP_SECRET": LoketProcessTests.secret,
            "LOKET_ADDR": "127.0.0.1:0",
        ].merging(environment) { $1 }
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        let lines = self.lines
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
                lines.close()
            } else {
                lines.append(data)
            }
        }
        try process.run()
        self.process = process
    }

    deinit {
        if self.process.isRunning { Glibc.kill(self.process.processIdentifier, SIGKILL) }
    }

    var pid: Int32 { self.process.processIdentifier }

    func kill(_ signal: Int32) {
        Glibc.kill(self.process.processIdentifier, signal)
        if signal == SIGKILL { self.process.waitUntilExit() }
    }

    func exitStatus() -> Int32 {
        self.process.waitUntilExit()
        return self.process.terminationStatus
    }

    /// Every line so far (after the process exited: all of them).
    func allLines() -> [String] {
        self.lines.linesAfterClose(timeout: 10)
    }

    /// Every line so far, while the process runs.
    func allLinesSoFar() -> [String] {
        self.lines.wait(timeout: 0) { lines in lines } ?? []
    }

    func firstLine(timeout: TimeInterval) -> String? {
        self.lines.wait(timeout: timeout) { lines in lines.first }
    }

    func waitForLine(containing text: String, timeout: TimeInterval) -> String? {
        self.lines.wait(timeout: timeout) { lines in lines.first { $0.contains(text) } }
    }

    func waitForLines(containing text: String, count: Int, timeout: TimeInterval) -> Bool {
        self.lines.wait(timeout: timeout) { lines in
            lines.filter { $0.contains(text) }.count >= count ? true : nil
        }
            ?? false
    }
}

/// Lines of a child's output, with a wait for a condition on them.
///
/// `@unchecked Sendable`: every field is only touched while holding `condition`.
final class LineCollector: @unchecked Sendable {
    private let condition = NSCondition()
    private var buffer: [UInt8] = []
    private var lines: [String] = []
    private var closed = false

    func append(_ data: Data) {
        self.condition.lock()
        self.buffer.append(contentsOf: data)
        while let newline = self.buffer.firstIndex(of: 0x0A) {
            self.lines.append(String(decoding: self.buffer[..<newline], as: UTF8.self))
            self.buffer.removeSubrange(...newline)
        }
        self.condition.broadcast()
        self.condition.unlock()
    }

    func close() {
        self.condition.lock()
        self.closed = true
        self.condition.broadcast()
        self.condition.unlock()
    }

    /// The lines once the writer closed its end (or `timeout` passed).
    func linesAfterClose(timeout: TimeInterval) -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        self.condition.lock()
        defer { self.condition.unlock() }
        while !self.closed {
            guard self.condition.wait(until: deadline) else { break }
        }
        return self.lines
    }

    func wait<Result>(timeout: TimeInterval, until match: ([String]) -> Result?) -> Result? {
        let deadline = Date().addingTimeInterval(timeout)
        self.condition.lock()
        defer { self.condition.unlock() }
        while true {
            if let result = match(self.lines) { return result }
            if self.closed { return nil }
            guard self.condition.wait(until: deadline) else { return match(self.lines) }
        }
    }
}
