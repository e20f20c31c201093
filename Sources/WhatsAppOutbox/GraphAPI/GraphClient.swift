import CCurl
import Foundation

/// Talks to the Graph API over HTTPS through one reused libcurl easy handle (keep-alive connections).
///
/// The executable must call `curl_global_init(Int(CURL_GLOBAL_DEFAULT))` once in `main`, before any
/// thread creates a client (`GraphClient.initializeLibraryOnce()` does it for tests).
///
/// `@unchecked Sendable`: the only mutable state is the `CURL*` handle and the URL it was last given, and
/// every use of them happens while holding `lock`; the handle is created in `init` and cleaned up in
/// `deinit`, when no other reference exists. Give each sender worker its own client so workers never wait on
/// each other.
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
    /// The request headers, built once: with and without a JSON body.
    private let headers: (json: UnsafeMutablePointer<curl_slist>, plain: UnsafeMutablePointer<curl_slist>)
    private let lock = NSLock()
    /// Guarded by `lock`: the URL of the call the handle was last given, as the caller wrote it, so that a call
    /// to the same URL neither resolves nor sets it again.
    private var currentURL = ""

    public init(configuration: Configuration) {
        guard let handle = curl_easy_init() else {
            preconditionFailure("Invalid state: curl_easy_init failed (out of memory or curl_global_init missing)")
        }
        self.handle = handle
        self.configuration = configuration
        self.headers = (
            json: Self.makeHeaders(token: configuration.accessToken, json: true),
            plain: Self.makeHeaders(token: configuration.accessToken, json: false)
        )
        // Options that are the same for every call are set once: a handle keeps its options between calls.
        ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(configuration.connectTimeout * 1000))
        ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(configuration.totalTimeout * 1000))
        ccurl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)
        ccurl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        ccurl_setopt_long(handle, CURLOPT_TCP_KEEPALIVE, 1)
        ccurl_setopt_string(handle, CURLOPT_USERAGENT, "Loket/1")
        ccurl_setopt_write_callback(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            guard let data, let context else { return 0 }
            let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
            let length = size * count
            return sink.append(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
        }
    }

    deinit {
        curl_easy_cleanup(self.handle)
        curl_slist_free_all(self.headers.json)
        curl_slist_free_all(self.headers.plain)
    }

    /// The header list every call sends; `json` adds the body's content type.
    private static func makeHeaders(token: String, json: Bool) -> UnsafeMutablePointer<curl_slist> {
        Self.makeHeaders(token: token, contentType: json ? "application/json" : nil)
    }

    /// The header list of a call whose body is of `contentType` (none without a body).
    private static func makeHeaders(token: String, contentType: String?) -> UnsafeMutablePointer<curl_slist> {
        var list: UnsafeMutablePointer<curl_slist>?
        list = curl_slist_append(list, "Authorization: Bearer \(token)")
        list = curl_slist_append(list, "Accept: application/json")
        if let contentType {
            list = curl_slist_append(list, "Content-Type: \(contentType)")
        }
        list = curl_slist_append(list, "Expect:")
        guard let list else {
            preconditionFailure("Invalid state: curl_slist_append failed (out of memory)")
        }
        return list
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

    /// Sets what differs between calls (URL, method, body, the answer's sink) and performs the call. Every
    /// option a call sets is set by every call, so nothing of one call carries over to the next.
    private func performLocked(_ request: GraphHTTPRequest) throws(GraphTransportError) -> GraphHTTPResponse {
        let handle = self.handle
        let sink = ResponseSink(limit: self.configuration.maxResponseBytes)
        let context = Unmanaged.passRetained(sink)
        defer {
            ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, nil)
            context.release()
        }
        if request.url != self.currentURL {
            ccurl_setopt_string(handle, CURLOPT_URL, self.resolve(request.url))
            self.currentURL = request.url
        }
        ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, context.toOpaque())
        if let timeout = request.totalTimeout {
            ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(timeout * 1000))
        }
        defer {
            if request.totalTimeout != nil {
                ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(self.configuration.totalTimeout * 1000))
            }
        }
        // A body other than JSON (a media upload) has a header list of its own, for this call only.
        let ownHeaders = request.contentType.map {
            Self.makeHeaders(token: self.configuration.accessToken, contentType: $0)
        }
        defer {
            if let ownHeaders {
                ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, self.headers.plain)
                curl_slist_free_all(ownHeaders)
            }
        }
        ccurl_setopt_slist(
            handle, CURLOPT_HTTPHEADER, ownHeaders ?? (request.body == nil ? self.headers.plain : self.headers.json))
        let result = Self.withMethod(of: request, on: handle) { curl_easy_perform(handle) }
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

    /// Sets `request`'s method and body on `handle` and runs `perform` while the body's bytes are alive:
    /// libcurl reads them in place instead of copying them.
    private static func withMethod(
        of request: GraphHTTPRequest, on handle: UnsafeMutableRawPointer, _ perform: () -> CURLcode
    ) -> CURLcode {
        let isPlain = request.method == "GET" || request.method == "POST"
        ccurl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, isPlain ? nil : request.method)
        guard let body = request.body else {
            ccurl_setopt_long(handle, CURLOPT_HTTPGET, 1)
            return perform()
        }
        ccurl_setopt_long(handle, CURLOPT_POST, 1)
        ccurl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, body.count)
        defer { ccurl_setopt_pointer(handle, CURLOPT_POSTFIELDS, nil) }
        guard !body.isEmpty else {
            // Without fields libcurl would read the body from a callback.
            ccurl_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "")
            return perform()
        }
        return body.withUnsafeBytes { buffer in
            ccurl_setopt_pointer(handle, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: buffer.baseAddress))
            return perform()
        }
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
