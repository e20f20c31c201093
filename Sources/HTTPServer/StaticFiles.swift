import Foundation

/// A directory's files served as they are: read once, each with an ETag (a revalidation answers 304), gzip
/// for a browser that accepts it, and the security headers a page needs (`nosniff`, no referrer, the given
/// Content-Security-Policy).
public struct StaticFiles: Sendable {
    struct File: Sendable {
        var bytes: [UInt8]
        /// The same bytes gzip-compressed, when that is smaller.
        var gzipped: [UInt8]?
        var type: String
        var etag: String
    }

    static let types = [
        "html": "text/html; charset=utf-8", "js": "text/javascript; charset=utf-8", "css": "text/css; charset=utf-8",
        "json": "application/json; charset=utf-8", "svg": "image/svg+xml", "png": "image/png", "ico": "image/x-icon",
    ]

    private let files: [String: File]
    private let policy: String

    /// Reads every file of `directory` with a known extension (one level, no hidden files).
    public init(directory: String, policy: String) {
        var files: [String: File] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
            let ext = (name as NSString).pathExtension.lowercased()
            guard let type = Self.types[ext], !name.hasPrefix("."),
                let data = FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(name))
            else { continue }
            let bytes = Array(data)
            let gzipped = type == "image/png" ? nil : Gzip.compress(bytes).flatMap { $0.count < bytes.count ? $0 : nil }
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            files[name] = File(
                bytes: bytes, gzipped: gzipped, type: type, etag: "\"\(String(hash, radix: 16))-\(bytes.count)\"")
        }
        self.files = files
        self.policy = policy
    }

    public var count: Int { self.files.count }

    /// The response for file `name` (no subdirectories), or nil when there is none.
    public func response(for name: String, to request: HTTPRequest) -> HTTPResponse? {
        guard !name.contains("/"), let file = self.files[name] else { return nil }
        var response: HTTPResponse
        if request.headers["If-None-Match"] == file.etag {
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
        response.headers.add(name: "Content-Security-Policy", value: self.policy)
        response.headers.add(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.add(name: "Referrer-Policy", value: "no-referrer")
        return response
    }

    /// Whether `Accept-Encoding` lists gzip (or `*`) without `q=0`.
    public static func acceptsGzip(_ request: HTTPRequest) -> Bool {
        for value in request.headers.values(for: "Accept-Encoding") {
            for item in value.split(separator: ",") {
                let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                guard parts.first == "gzip" || parts.first == "*" else { continue }
                return !parts.dropFirst().contains { $0.hasPrefix("q=0") && Double($0.dropFirst(2)) == 0 }
            }
        }
        return false
    }
}
