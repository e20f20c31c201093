import Foundation
import HTTPServer
import StaffAccess
import Storage
import Support

/// The staff console's files under `/console`: plain HTML, CSS and JavaScript modules from the console
/// directory, read once at start. `/console` itself opens the console for a signed-in member and redirects
/// to the login page otherwise. Every file carries an ETag and goes gzip-compressed where accepted, under a
/// strict Content-Security-Policy: only the console's own scripts and styles, no inline code, no framing.
public struct StaffConsole: HTTPResponder {
    static let policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "frame-src 'self'; object-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    private let files: StaticFiles
    private let writer: DatabaseWriter
    private let access: StaffAccounts.Policy
    private let now: @Sendable () -> Date

    /// Reads every servable file of `directory`.
    public init(
        directory: String, writer: DatabaseWriter, access: StaffAccounts.Policy = StaffAccounts.Policy(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.files = StaticFiles(directory: directory, policy: Self.policy)
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
        completion(self.files.response(for: name, to: request) ?? .text(404, "no such console page\n"))
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
