import Dispatch
import Foundation
import HTTPServer
import StaffAPI
import StaffAccess
import Storage
import Synchronization
import Testing

/// The console's files: the login redirect without a session, ETags, gzip, the security headers, no traversal.
struct StaffConsoleTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Console").path

    func get(_ console: StaffConsole, _ target: String, _ headers: [(String, String)] = []) -> HTTPResponse {
        let answered = DispatchSemaphore(value: 0)
        let box = Mutex<HTTPResponse?>(nil)
        console.respond(to: HTTPRequest(method: "GET", target: target, headers: HTTPHeaders(headers))) { response in
            box.withLock { $0 = response }
            answered.signal()
        }
        answered.wait()
        return box.withLock { $0! }
    }

    @Test func withoutASessionTheConsoleLeadsToTheLoginAndWithOneItOpens() throws {
        let api = try StaffAPITests()
        try api.withStaff()
        let console = StaffConsole(directory: Self.directory, writer: api.writer)
        #expect(console.fileCount >= 6)
        let anonymous = self.get(console, "/console")
        #expect(anonymous.status == 303 && anonymous.headers["Location"] == "/console/login")
        let token = try api.writer.write { database in
            var policy = StaffAccounts.Policy()
            policy.iterations = 1_000
            return try StaffAccounts(database: database, policy: policy).login(
                id: "sari", password: "sari-password-1", address: "a", at: Date()
            ).get().0
        }
        let signedIn = self.get(console, "/console", [("Cookie", "\(StaffAPI.sessionCookie)=\(token)")])
        #expect(signedIn.status == 200 && String(decoding: signedIn.body, as: UTF8.self).contains("<main id=\"main\""))
        #expect(self.get(console, "/console", [("Cookie", "\(StaffAPI.sessionCookie)=forged")]).status == 303)
    }

    @Test func filesCarryETagsGzipAndAStrictPolicy() throws {
        let api = try StaffAPITests()
        let console = StaffConsole(directory: Self.directory, writer: api.writer)
        let plain = self.get(console, "/console/app.js")
        #expect(plain.status == 200 && plain.headers["Content-Type"] == "text/javascript; charset=utf-8")
        let policy = try #require(plain.headers["Content-Security-Policy"])
        #expect(
            policy.contains("script-src 'self'") && !policy.contains("unsafe-inline")
                && policy.contains("frame-ancestors 'none'"))
        #expect(plain.headers["X-Content-Type-Options"] == "nosniff")
        let etag = try #require(plain.headers["ETag"])
        #expect(self.get(console, "/console/app.js", [("If-None-Match", etag)]).status == 304)

        let compressed = self.get(console, "/console/app.js", [("Accept-Encoding", "br, gzip;q=0.8")])
        #expect(compressed.headers["Content-Encoding"] == "gzip" && compressed.headers["Vary"] == "Accept-Encoding")
        #expect(compressed.body.count < plain.body.count / 2)
        #expect(try Self.gunzip(compressed.body) == plain.body)
        #expect(
            self.get(console, "/console/app.js", [("Accept-Encoding", "gzip;q=0")]).headers["Content-Encoding"] == nil)

        for target in [
            "/console/../Package.swift", "/console/%2e%2e/Package.swift", "/console/nothing.js", "/console/a/b.js",
        ] {
            #expect(self.get(console, target).status == 404, "\(target)")
        }
    }

    /// Decompresses with the system's gzip, apart from the code under test.
    static func gunzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(bytes))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(data)
    }
}
