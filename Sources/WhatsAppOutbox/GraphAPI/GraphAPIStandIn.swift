import Dispatch
import Foundation
import HTTPServer
import Support
import Synchronization

/// A local stand-in of the WhatsApp Cloud API for sandbox mode and tests.
///
/// Serves `POST /{version?}/{phone-number-id}/messages` (checks the bearer token and the body's shape,
/// answers like Meta, records the call), `POST /{version?}/{phone-number-id}/media` (a `multipart/form-data`
/// upload, kept as media and recorded as a short JSON summary instead of its bytes), `GET /{version?}/{media-id}`
/// (a media descriptor pointing at its own URL) and `GET /media-bytes/{media-id}?token=…` (the stored bytes). Tests script failures,
/// delays and expired media URLs, then query what was recorded.
public final class GraphAPIStandIn: HTTPResponder {
    /// How the stand-in presents itself.
    public struct Configuration: Sendable {
        /// The token every request must carry as `Authorization: Bearer …`.
        public var accessToken: String
        /// The base URL under which the stand-in is reachable, used in media descriptors (change it with
        /// `setPublicBaseURL(_:)` once a server bound to port 0 knows its port).
        public var publicBaseURL: String
        /// One line per recorded call, for sandbox mode; `nil` stays silent.
        public var log: (@Sendable (String) -> Void)?
        /// Only the latest calls are kept, so a long-running sandbox does not grow without bound.
        public var maxRecordedCalls: Int

        public init(
            accessToken: String, publicBaseURL: String, log: (@Sendable (String) -> Void)? = nil,
            maxRecordedCalls: Int = 10_000
        ) {
            self.maxRecordedCalls = max(1, maxRecordedCalls)
            self.accessToken = accessToken
            self.publicBaseURL = publicBaseURL.hasSuffix("/") ? String(publicBaseURL.dropLast()) : publicBaseURL
            self.log = log
        }
    }

    /// One request the stand-in answered.
    public struct RecordedCall: Equatable, Sendable {
        public var method: String
        public var path: String
        public var body: [UInt8]
        /// The status it answered.
        public var status: Int
        /// The wamid it issued, for an accepted send.
        public var wamid: String?

        /// The body as text.
        public var bodyText: String { String(decoding: self.body, as: UTF8.self) }

        /// Whether this is a message send (or read receipt) the stand-in accepted, not an upload or a read.
        public var isAcceptedMessage: Bool {
            self.method == "POST" && self.status == 200 && self.path.hasSuffix("/messages")
        }
    }

    /// A scripted answer for upcoming calls.
    public enum Failure: Equatable, Sendable {
        /// Answer with this HTTP status and a generic body.
        case httpStatus(Int)
        /// Answer with a Meta-style error of `code` and HTTP `status`.
        case metaError(code: Int, status: Int)
    }

    private struct MediaObject {
        var bytes: [UInt8]
        var mimeType: String
        var declaredSize: Int?
        var declaredSHA256: String?
    }

    private struct State {
        var calls: [RecordedCall] = []
        var failures: [Failure] = []
        var delay: TimeInterval = 0
        var nextMessageNumber = 1
        var nextUploadNumber = 1
        var media: [String: MediaObject] = [:]
        var urlGeneration = 1
        var oldestValidGeneration = 1
        var publicBaseURL: String
    }

    public let configuration: Configuration
    private let state: Mutex<State>
    /// Distinguishes wamids across runs so a restarted sandbox never reissues one already stored.
    private let runPrefix: String

    public init(configuration: Configuration) {
        self.configuration = configuration
        self.state = Mutex(State(publicBaseURL: configuration.publicBaseURL))
        self.runPrefix = String(UInt64.random(in: 0...UInt64.max), radix: 36).uppercased()
    }

    /// Answers the next `count` calls with `failure` instead of handling them.
    public func failNext(_ count: Int, with failure: Failure) {
        self.state.withLock { $0.failures += Array(repeating: failure, count: count) }
    }

    /// Delays every answer by `seconds` (0 to stop).
    public func setDelay(_ seconds: TimeInterval) {
        self.state.withLock { $0.delay = seconds }
    }

    /// Stores media `id`; the descriptor may declare a different size or hash than the bytes have.
    public func addMedia(
        id: String, bytes: [UInt8], mimeType: String, declaredSize: Int? = nil, declaredSHA256: String? = nil
    ) {
        self.state.withLock {
            $0.media[id] = MediaObject(
                bytes: bytes, mimeType: mimeType, declaredSize: declaredSize, declaredSHA256: declaredSHA256)
        }
    }

    /// Sets the base URL written into media descriptors, e.g. `http://127.0.0.1:<port>`.
    public func setPublicBaseURL(_ url: String) {
        self.state.withLock { $0.publicBaseURL = url.hasSuffix("/") ? String(url.dropLast()) : url }
    }

    /// Makes every media URL handed out so far answer 404, as Meta's do after five minutes.
    public func expireMediaURLs() {
        self.state.withLock { $0.oldestValidGeneration = $0.urlGeneration }
    }

    /// Every call answered so far, in order.
    public var calls: [RecordedCall] {
        self.state.withLock { $0.calls }
    }

    /// The bodies of the message sends that were accepted, in order.
    public var acceptedMessages: [RecordedCall] {
        self.calls.filter(\.isAcceptedMessage)
    }

    /// The bytes and type of media `id`: what a provider's phone would show of a file Loket sent.
    public func media(id: String) -> (bytes: [UInt8], mimeType: String)? {
        self.state.withLock { state in state.media[id].map { ($0.bytes, $0.mimeType) } }
    }

    /// Forgets the recorded calls.
    public func clearCalls() {
        self.state.withLock { $0.calls.removeAll() }
    }

    public func respond(to request: HTTPRequest, completion: @escaping @Sendable (HTTPResponse) -> Void) {
        let (response, delay) = self.handle(request)
        if delay > 0 {
            DispatchQueue.global().asyncAfter(deadline: .now() + delay) { completion(response) }
        } else {
            completion(response)
        }
    }

    private func handle(_ request: HTTPRequest) -> (HTTPResponse, TimeInterval) {
        let path = String(request.path)
        if path.hasPrefix("/sandbox/") { return (self.sandboxRoute(request), 0) }
        let segments = path.split(separator: "/").map(String.init)
        let (failure, delay) = self.state.withLock { state -> (Failure?, TimeInterval) in
            (state.failures.isEmpty ? nil : state.failures.removeFirst(), state.delay)
        }
        var wamid: String?
        var recordedBody = request.body
        let response: HTTPResponse
        if let failure {
            response = Self.answer(failure)
        } else if request.headers["Authorization"] != "Bearer \(self.configuration.accessToken)" {
            response = Self.metaError(
                status: 401, code: 190, type: "OAuthException",
                message: "Invalid OAuth access token - Cannot parse access token")
        } else if request.method == "POST", segments.last == "messages", segments.count >= 2 {
            (response, wamid) = self.acceptMessage(request.body)
        } else if request.method == "POST", segments.last == "media", segments.count >= 2 {
            (response, recordedBody) = self.acceptUpload(request)
        } else if request.method == "GET", segments.count >= 2, segments[segments.count - 2] == "media-bytes" {
            response = self.mediaBytes(id: segments[segments.count - 1], query: request.query.map(String.init) ?? "")
        } else if request.method == "GET", let id = segments.last, segments.count <= 2 {
            response = self.mediaDescriptor(id: id)
        } else {
            response = Self.metaError(
                status: 400, code: 100, type: "GraphMethodException",
                message: "Unsupported \(request.method) request to \(path)")
        }
        let call = RecordedCall(
            method: request.method, path: path, body: recordedBody, status: response.status, wamid: wamid)
        let limit = self.configuration.maxRecordedCalls
        self.state.withLock { state in
            state.calls.append(call)
            if state.calls.count > limit {
                state.calls.removeFirst(state.calls.count - limit)
            }
        }
        if let log = self.configuration.log {
            var line = "event=graph_standin_call method=\(request.method) path=\(path) status=\(response.status)"
            if let wamid { line += " wamid=\(wamid)" }
            log(line)
        }
        return (response, delay)
    }

    private func acceptMessage(_ body: [UInt8]) -> (HTTPResponse, String?) {
        let invalid = { (reason: String) -> (HTTPResponse, String?) in
            (Self.metaError(status: 400, code: 100, type: "OAuthException", message: "(#100) \(reason)"), nil)
        }
        guard let object = GraphJSONReading.object(body) else {
            return invalid("The request body is not valid JSON")
        }
        guard object["messaging_product"]?.stringValue == "whatsapp" else {
            return invalid("The parameter messaging_product is required and must be whatsapp")
        }
        if let status = object["status"]?.stringValue {
            guard status == "read", object["message_id"]?.stringValue != nil else {
                return invalid("Invalid parameter status or message_id")
            }
            return (.json(200, Array(#"{"success":true}"#.utf8)), nil)
        }
        guard let to = object["to"]?.stringValue, !to.isEmpty else {
            return invalid("The parameter to is required")
        }
        guard let type = object["type"]?.stringValue else {
            return invalid("The parameter type is required")
        }
        switch type {
        case "text":
            guard let bodyText = object["text"]?["body"]?.stringValue,
                !bodyText.isEmpty, bodyText.unicodeScalars.count <= 4096
            else {
                return invalid("Invalid parameter text.body")
            }
        case "interactive":
            guard let interactive = object["interactive"],
                let kind = interactive["type"]?.stringValue, kind == "button" || kind == "list",
                interactive["action"]?.object != nil, interactive["body"]?["text"]?.stringValue != nil
            else {
                return invalid("Invalid parameter interactive")
            }
        case "template":
            guard let template = object["template"], template["name"]?.stringValue != nil,
                template["language"]?["code"]?.stringValue != nil
            else {
                return invalid("Invalid parameter template")
            }
        case "document", "image", "audio", "video", "sticker":
            guard let media = object[type], media["id"]?.stringValue != nil || media["link"]?.stringValue != nil
            else {
                return invalid("Invalid parameter \(type): id or link is required")
            }
        default:
            return invalid("Unsupported message type \(type)")
        }
        let number = self.state.withLock { state -> Int in
            defer { state.nextMessageNumber += 1 }
            return state.nextMessageNumber
        }
        let wamid = "wamid.SANDBOX\(self.runPrefix)\(number)"
        let answer = JSONValue.object([
            ("messaging_product", .string("whatsapp")),
            ("contacts", .array([.object([("input", .string(to)), ("wa_id", .string(Self.waID(to)))])])),
            ("messages", .array([.object([("id", .string(wamid))])])),
        ])
        return (.json(200, answer.bytes), wamid)
    }

    /// Keeps the file of a media upload and answers its id as Meta does; what is recorded of the call is a
    /// summary (`type`, `filename`, `size`, `id`), so recorded uploads do not hold their bytes.
    private func acceptUpload(_ request: HTTPRequest) -> (HTTPResponse, [UInt8]) {
        let invalid = { (reason: String) -> (HTTPResponse, [UInt8]) in
            (Self.metaError(status: 400, code: 100, type: "OAuthException", message: "(#100) \(reason)"), [])
        }
        guard let contentType = request.headers["Content-Type"], contentType.hasPrefix("multipart/form-data"),
            let boundary = contentType.split(separator: "boundary=").last.map(String.init), !boundary.isEmpty,
            let parts = MultipartForm.parts(of: request.body, boundary: boundary)
        else {
            return invalid("The upload must be multipart/form-data")
        }
        guard parts.first(where: { $0.name == "messaging_product" })?.text == "whatsapp" else {
            return invalid("The parameter messaging_product is required and must be whatsapp")
        }
        guard let file = parts.first(where: { $0.name == "file" }), !file.bytes.isEmpty,
            let type = parts.first(where: { $0.name == "type" })?.text, !type.isEmpty
        else {
            return invalid("The parameters file and type are required")
        }
        let id = self.state.withLock { state -> String in
            defer { state.nextUploadNumber += 1 }
            let id = "\(900_000_000_000 + state.nextUploadNumber)"
            state.media[id] = MediaObject(bytes: file.bytes, mimeType: type)
            return id
        }
        let summary = JSONValue.object([
            ("type", .string(type)), ("filename", .string(file.filename)), ("size", .int(file.bytes.count)),
            ("id", .string(id)),
        ])
        return (.json(200, JSONValue.object([("id", .string(id))]).bytes), summary.bytes)
    }

    private func mediaDescriptor(id: String) -> HTTPResponse {
        let found = self.state.withLock { state -> (MediaObject, Int, String)? in
            guard let media = state.media[id] else { return nil }
            defer { state.urlGeneration += 1 }
            return (media, state.urlGeneration, state.publicBaseURL)
        }
        guard let (media, generation, baseURL) = found else {
            return Self.metaError(
                status: 404, code: 100, type: "GraphMethodException",
                message: "Unsupported get request. Object with ID '\(id)' does not exist")
        }
        let answer = JSONValue.object([
            ("messaging_product", .string("whatsapp")),
            ("url", .string("\(baseURL)/media-bytes/\(id)?token=\(generation)")),
            ("mime_type", .string(media.mimeType)),
            ("sha256", .string(media.declaredSHA256 ?? SHA256Digest.hex(media.bytes))),
            ("file_size", .string(String(media.declaredSize ?? media.bytes.count))),
            ("id", .string(id)),
        ])
        return .json(200, answer.bytes)
    }

    private func mediaBytes(id: String, query: String) -> HTTPResponse {
        let generation = query.split(separator: "&").lazy
            .compactMap { $0.hasPrefix("token=") ? Int($0.dropFirst("token=".count)) : nil }.first
        let media = self.state.withLock { state -> MediaObject? in
            guard let generation, generation >= state.oldestValidGeneration, generation < state.urlGeneration else {
                return nil
            }
            return state.media[id]
        }
        guard let media else { return .text(404, "Not Found") }
        return HTTPResponse(status: 200, headers: HTTPHeaders([("Content-Type", media.mimeType)]), body: media.bytes)
    }

    private static func answer(_ failure: Failure) -> HTTPResponse {
        switch failure {
        case .httpStatus(let status):
            return metaError(
                status: status, code: 1, type: "OAuthException", message: "An unknown error occurred (scripted)")
        case .metaError(let code, let status):
            return metaError(status: status, code: code, type: "OAuthException", message: "Scripted error \(code)")
        }
    }

    private static func metaError(status: Int, code: Int, type: String, message: String) -> HTTPResponse {
        let body = JSONValue.object([
            (
                "error",
                .object([
                    ("message", .string(message)),
                    ("type", .string(type)),
                    ("code", .int(code)),
                    (
                        "error_data",
                        .object([("messaging_product", .string("whatsapp")), ("details", .string(message))])
                    ),
                    ("fbtrace_id", .string("StandIn")),
                ])
            )
        ])
        return .json(status, body.bytes)
    }

    private static func waID(_ input: String) -> String {
        input.hasPrefix("+") ? String(input.dropFirst()) : input
    }

    /// The sandbox's own routes, beside the Graph API (loopback, sandbox mode only; no token): what a phone
    /// simulator or a browser test needs to play the provider.
    ///
    /// - `POST /sandbox/media` with a file's bytes (its `Content-Type`) → `{"id", "sha256"}` (base64, as Meta
    ///   sends it in a document webhook): the media a webhook may then announce.
    /// - `GET /sandbox/messages?after=N` → `{"messages": [{"index", "body"}], "next": N}`: the messages Loket sent,
    ///   each body as the JSON Loket posted.
    func sandboxRoute(_ request: HTTPRequest) -> HTTPResponse {
        switch (request.method, String(request.path)) {
        case ("POST", "/sandbox/media"):
            guard !request.body.isEmpty, request.body.count <= 64 * 1024 * 1024 else {
                return .text(400, "send the file's bytes (at most 64 MB)\n")
            }
            let digest = SHA256Digest.hash(request.body)
            let id = "sandbox-media-" + SHA256Digest.hexString(digest).prefix(24)
            let type = request.headers["Content-Type"] ?? "application/octet-stream"
            self.addMedia(id: id, bytes: request.body, mimeType: type, declaredSHA256: SHA256Digest.hexString(digest))
            let body = #"{"id":"\#(id)","sha256":"\#(Data(digest).base64EncodedString())"}"#
            return .json(200, Array(body.utf8))
        case ("GET", "/sandbox/messages"):
            let after =
                request.query.flatMap { query in
                    query.split(separator: "&").first { $0.hasPrefix("after=") }.flatMap { Int($0.dropFirst(6)) }
                } ?? 0
            let calls = self.calls
            var items: [String] = []
            for (index, call) in calls.enumerated()
            where index >= after && call.isAcceptedMessage {
                items.append(#"{"index":\#(index),"body":"# + String(decoding: call.body, as: UTF8.self) + "}")
            }
            return .json(
                200, Array((#"{"messages":["# + items.joined(separator: ",") + #"],"next":\#(calls.count)}"#).utf8))
        default:
            return .text(404, "no such sandbox route\n")
        }
    }
}
