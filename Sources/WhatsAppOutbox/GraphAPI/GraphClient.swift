import CCurl
import Foundation

/// Talks to the Graph API over HTTPS through one reused libcurl easy handle (keep-alive connections).
///
/// The executable must call `curl_global_init(Int(CURL_GLOBAL_DEFAULT))` once in `main`, before any
/// thread creates a client (`GraphClient.initializeLibraryOnce()` does it for tests).
///
/// `@unchecked Sendable`: the only mutable state is the `CURL*` handle, and every use of it happens
/// while holding `lock`; the handle is created in `init` and cleaned up in `deinit`, when no other
/// reference exists. Give each sender worker its own client so workers never wait on each other.
public final class GraphClient: GraphTransport, @unchecked Sendable {
    /// Where and how to reach the Graph API.
    public struct Configuration: Sendable {
        /// Base URL with version, e.g. `https://graph.facebook.com/v21.0` (no trailing slash).
        public var baseURL: String
        public var accessToken: String
        public var connectTimeout: TimeInterval
        /// The whole exchange, including the body.
        public var totalTimeout: TimeInterval
        /// Answers larger than this are refused (media downloads pass their own limit plus headroom).
        public var maxResponseBytes: Int

        public init(
            baseURL: String, accessToken: String, connectTimeout: TimeInterval = 5, totalTimeout: TimeInterval = 20,
            maxResponseBytes: Int = 8 * 1024 * 1024
        ) {
            self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
            self.accessToken = accessToken
            self.connectTimeout = connectTimeout
            self.totalTimeout = totalTimeout
            self.maxResponseBytes = maxResponseBytes
        }
    }

    public let configuration: Configuration
    private let handle: UnsafeMutableRawPointer
    private let lock = NSLock()

    public init(configuration: Configuration) {
        guard let handle = curl_easy_init() else {
            preconditionFailure("Invalid state: curl_easy_init failed (out of memory or curl_global_init missing)")
        }
        self.handle = handle
        self.configuration = configuration
    }

    deinit {
        curl_easy_cleanup(self.handle)
    }

    /// Calls `curl_global_init` once per process; for tests and tools without their own `main` set-up.
    public static func initializeLibraryOnce() {
        _ = Self.globalInit
    }

    private static let globalInit: Void = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
    }()

    /// The absolute URL for `url`: itself when it has a scheme, else appended to the base URL.
    public func resolve(_ url: String) -> String {
        if url.hasPrefix("http://") || url.hasPrefix("https://") { return url }
        return self.configuration.baseURL + (url.hasPrefix("/") ? url : "/" + url)
    }

    public func perform(_ request: GraphHTTPRequest) throws(GraphTransportError) -> GraphHTTPResponse {
        self.lock.lock()
        defer { self.lock.unlock() }
        return try self.performLocked(request)
    }

    private func performLocked(_ request: GraphHTTPRequest) throws(GraphTransportError) -> GraphHTTPResponse {
        let handle = self.handle
        curl_easy_reset(handle)  // keeps live connections and caches; clears options of the previous call
        let sink = ResponseSink(limit: self.configuration.maxResponseBytes)
        let context = Unmanaged.passRetained(sink)
        defer { context.release() }

        var headers: UnsafeMutablePointer<curl_slist>?
        headers = curl_slist_append(headers, "Authorization: Bearer \(self.configuration.accessToken)")
        headers = curl_slist_append(headers, "Accept: application/json")
        if request.body != nil {
            headers = curl_slist_append(headers, "Content-Type: application/json")
        }
        headers = curl_slist_append(headers, "Expect:")
        defer { curl_slist_free_all(headers) }

        ccurl_setopt_string(handle, CURLOPT_URL, self.resolve(request.url))
        ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, headers)
        ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(self.configuration.connectTimeout * 1000))
        ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(self.configuration.totalTimeout * 1000))
        ccurl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)
        ccurl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        ccurl_setopt_long(handle, CURLOPT_TCP_KEEPALIVE, 1)
        ccurl_setopt_string(handle, CURLOPT_USERAGENT, "Loket/1")
        ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, context.toOpaque())
        ccurl_setopt_write_callback(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            guard let data, let context else { return 0 }
            let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
            let length = size * count
            return sink.append(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
        }
        if request.method != "GET" && request.method != "POST" {
            ccurl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method)
        }
        if let body = request.body {
            ccurl_setopt_long(handle, CURLOPT_POST, 1)
            ccurl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, body.count)
            if body.isEmpty {
                ccurl_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "")
            } else {
                body.withUnsafeBytes { buffer in
                    _ = ccurl_setopt_pointer(
                        handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: buffer.baseAddress))
                }
            }
        } else if request.method == "GET" {
            ccurl_setopt_long(handle, CURLOPT_HTTPGET, 1)
        }

        let result = curl_easy_perform(handle)
        guard result == CURLE_OK else {
            let detail = String(cString: curl_easy_strerror(result))
            switch result {
            case CURLE_OPERATION_TIMEDOUT: throw .timedOut(detail)
            case CURLE_WRITE_ERROR where sink.overflowed: throw .responseTooLarge(detail)
            default: throw .connectionFailed(detail)
            }
        }
        var status = 0
        ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return GraphHTTPResponse(status: status, body: sink.bytes)
    }
}

/// Collects the answer body for one `curl_easy_perform`; only the performing thread touches it.
private final class ResponseSink {
    private(set) var bytes: [UInt8] = []
    private(set) var overflowed = false
    private let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    func append(_ chunk: UnsafeRawBufferPointer) -> Bool {
        guard self.bytes.count + chunk.count <= self.limit else {
            self.overflowed = true
            return false
        }
        self.bytes.append(contentsOf: chunk)
        return true
    }
}
