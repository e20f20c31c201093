import Foundation
import HTTPServer
import StaffAccess
import Storage
import Support
import WhatsAppOutbox

/// The staff console's files under `/console`: plain HTML, CSS and JavaScript modules from the console
/// directory, read once at start. `/console` itself opens the console for a signed-in member and redirects
/// to the login page otherwise. Every file carries an ETag (a revalidation answers 304), and a strict
/// Content-Security-Policy: only the console's own scripts and styles, no inline code, no framing.
public struct StaffConsole: HTTPResponder {
    struct File {
        var bytes: [UInt8]
        /// The same bytes gzip-compressed, for a browser that accepts it (text files only).
        var gzipped: [UInt8]?
        var type: String
        var etag: String
    }

    static let types = [
        "html": "text/html; charset=utf-8", "js": "text/javascript; charset=utf-8", "css": "text/css; charset=utf-8",
        "json": "application/json; charset=utf-8", "svg": "image/svg+xml", "png": "image/png",
        "ico": "image/x-icon",
    ]
    static let policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "frame-src 'self'; object-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    private let files: [String: File]
    private let writer: DatabaseWriter
    private let access: StaffAccounts.Policy
    private let now: @Sendable () -> Date

    /// Reads every servable file of `directory` (one level, known extensions).
    public init(
        directory: String, writer: DatabaseWriter, access: StaffAccounts.Policy = StaffAccounts.Policy(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        var files: [String: File] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names {
            let ext = (name as NSString).pathExtension.lowercased()
            guard let type = Self.types[ext], !name.hasPrefix("."),
                let data = FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(name))
            else { continue }
            let bytes = Array(data)
            let gzipped =
                type.hasPrefix("image/png") ? nil : Gzip.compress(bytes).flatMap { $0.count < bytes.count ? $0 : nil }
            files[name] = File(
                bytes: bytes, gzipped: gzipped, type: type,
                etag: "\"" + String(SHA256Digest.hex(bytes).prefix(32)) + "\"")
        }
        self.files = files
        self.writer = writer
        self.access = access
        self.now = now
    }

    /// The number of files served (0 when the directory is missing: the console is then absent).
    public var fileCount: Int { self.files.count }

    public func respond(to request: HTTPRequest, completion: @escaping @Sendable (HTTPResponse) -> Void) {
        guard request.method == "GET" || request.method == "HEAD" else {
            var response = HTTPResponse.text(405, "method not allowed\n")
            response.headers.add(name: "Allow", value: "GET, HEAD")
            return completion(response)
        }
        let path = String(request.path)
        let name: String
        switch path {
        case "/console", "/console/":
            guard self.isSignedIn(request) else { return completion(Self.redirect(to: "/console/login")) }
            name = "index.html"
        case "/console/login":
            name = "login.html"
        default:
            name = String(path.dropFirst("/console/".count))
        }
        guard !name.contains("/"), let file = self.files[name] else {
            return completion(.text(404, "no such console page\n"))
        }
        var response: HTTPResponse
        if let given = request.headers["If-None-Match"], given == file.etag {
            response = HTTPResponse(status: 304)
        } else if let gzipped = file.gzipped, Self.acceptsGzip(request) {
            response = HTTPResponse(status: 200, body: gzipped)
            response.headers.add(name: "Content-Type", value: file.type)
            response.headers.add(name: "Content-Encoding", value: "gzip")
        } else {
            response = HTTPResponse(status: 200, body: file.bytes)
            response.headers.add(name: "Content-Type", value: file.type)
        }
        if file.gzipped != nil { response.headers.add(name: "Vary", value: "Accept-Encoding") }
        response.headers.add(name: "ETag", value: file.etag)
        response.headers.add(name: "Cache-Control", value: "no-cache")
        response.headers.add(name: "Content-Security-Policy", value: Self.policy)
        response.headers.add(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.add(name: "Referrer-Policy", value: "no-referrer")
        completion(response)
    }

    /// Whether `Accept-Encoding` lists gzip without `q=0`.
    static func acceptsGzip(_ request: HTTPRequest) -> Bool {
        for value in request.headers.values(for: "Accept-Encoding") {
            for item in value.split(separator: ",") {
                let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                guard parts.first == "gzip" || parts.first == "*" else { continue }
                return !parts.dropFirst().contains { $0 == "q=0" || $0 == "q=0.0" || $0 == "q=0.00" || $0 == "q=0.000" }
            }
        }
        return false
    }

    private func isSignedIn(_ request: HTTPRequest) -> Bool {
        guard let token = StaffAPI.cookie(StaffAPI.sessionCookie, in: request) else { return false }
        let now = self.now()
        let session = try? self.writer.write {
            try StaffAccounts(database: $0, policy: self.access).session(token: token, at: now)
        }
        return session != nil
    }

    static func redirect(to location: String) -> HTTPResponse {
        var response = HTTPResponse.text(303, "see \(location)\n")
        response.headers.add(name: "Location", value: location)
        response.headers.add(name: "Cache-Control", value: "no-store")
        return response
    }
}
