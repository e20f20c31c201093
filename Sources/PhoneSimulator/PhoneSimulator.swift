import Foundation
import HTTPServer
import Storage
import Support
import Synchronization
import WebhookServer
import WhatsAppOutbox

/// The phone simulator at `/simulator`, in sandbox mode only: a WhatsApp-like page where a person plays a
/// provider. What they send becomes a Meta webhook envelope, signed with the app secret and POSTed to
/// `/webhook` over TCP like a real delivery; files go into the Graph API stand-in's media store and are
/// fetched by Loket's real downloader; what Loket sends reaches the page live from the stand-in's records.
/// Shown messages are acknowledged with `delivered` and `read` status webhooks, so the console's ticks are
/// real. Two controls: pretend the provider last wrote more than 24 hours ago, and fail the next Graph API
/// calls with a chosen Meta error code.
public final class PhoneSimulator: HTTPResponder, Sendable {
    private let files: StaticFiles
    private let standIn: GraphAPIStandIn
    private let signer: SignatureVerifier
    private let writer: DatabaseWriter
    private let loketPort: @Sendable () -> Int
    private let logger: Logger
    private let queue = DispatchQueue(label: "loket.simulator", attributes: .concurrent)
    private let sequence = Atomic<Int>(0)

    /// The largest file a simulated provider sends, as WhatsApp would carry it: above Loket's own limits (a
    /// checklist PDF's 4 MB, an attachment's 16 MB), so that their refusals can be tried.
    public static let maxFileBytes = 20 * 1024 * 1024

    /// The largest `POST /simulator/api/send` body: a file of `maxFileBytes` in base64, with room for the rest.
    public static let maxSendBodyBytes = maxFileBytes / 3 * 4 + 64 * 1024

    static let policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    public init(
        directory: String, standIn: GraphAPIStandIn, appSecret: String, writer: DatabaseWriter,
        loketPort: @escaping @Sendable () -> Int, logger: Logger
    ) {
        self.files = StaticFiles(directory: directory, policy: Self.policy)
        self.standIn = standIn
        self.signer = SignatureVerifier(appSecret: appSecret)
        self.writer = writer
        self.loketPort = loketPort
        self.logger = logger
    }

    public func respond(to request: HTTPRequest, completion: @escaping @Sendable (HTTPResponse) -> Void) {
        self.queue.async {
            let path = String(request.path)
            let response: HTTPResponse
            do {
                switch (request.method, path) {
                case ("GET", "/simulator"), ("GET", "/simulator/"):
                    response = self.files.response(for: "index.html", to: request) ?? .text(404, "no simulator page\n")
                case ("POST", "/simulator/api/send"): response = try self.send(request)
                case ("POST", "/simulator/api/status"): response = try self.status(request)
                case ("POST", "/simulator/api/window"): response = try self.closeWindow(request)
                case ("POST", "/simulator/api/fail"): response = try self.fail(request)
                case ("GET", "/simulator/api/events"): response = self.events(request)
                case ("GET", _) where path.hasPrefix("/simulator/api/media/"):
                    response = self.media(id: String(path.dropFirst("/simulator/api/media/".count)))
                case ("GET", _):
                    response =
                        self.files.response(for: String(path.dropFirst("/simulator/".count)), to: request)
                        ?? .text(404, "no such simulator file\n")
                default:
                    response = .text(405, "method not allowed\n")
                }
            } catch let error as SimulatorError {
                response = .json(400, Array(#"{"error":"\#(error.message)"}"#.utf8))
            } catch {
                response = .json(
                    502,
                    Array(#"{"error":"\#(String(describing: error).replacingOccurrences(of: "\"", with: "'"))"}"#.utf8))
            }
            completion(response)
        }
    }

    struct SimulatorError: Error {
        var message: String
    }

    private func body(_ request: HTTPRequest) throws -> JSONValue {
        guard let value = try? JSONReader.parse(request.body), value.object != nil else {
            throw SimulatorError(message: "send a JSON object")
        }
        return value
    }

    /// An Indonesian mobile number without `+`: 62 and 8 to 13 digits.
    private func phone(_ body: JSONValue) throws -> String {
        let digits = (body["phone"]?.stringValue ?? "").filter(\.isNumber)
        guard digits.hasPrefix("62"), (10...15).contains(digits.count) else {
            throw SimulatorError(message: "a phone number is 62 followed by 8 to 13 digits")
        }
        return digits
    }

    /// `POST /simulator/api/send` with `{"phone", "name", "type": "text" | "button" | "list" | "document" |
    /// "image" | "audio" (a voice note) | "video" | "contact" (a shared contact card) | "location", "text"?,
    /// "id"?, "title"?, "file"? (base64), "filename"?, "mime"?, "caption"? (not on a voice note),
    /// "contact_name"?, "contact_phone"?, "latitude"?, "longitude"?, "location_name"?, "address"?,
    /// "reply_to"? (the wamid of Loket's message it quotes, as WhatsApp's swipe-to-reply sends `context.id`)}`.
    private func send(_ request: HTTPRequest) throws -> HTTPResponse {
        let body = try self.body(request)
        let phone = try self.phone(body)
        let name = String((body["name"]?.stringValue ?? "Penyedia").prefix(60))
        let number = self.sequence.add(1, ordering: .relaxed).newValue
        let wamid = "wamid.simulator.\(phone).\(Int(Date().timeIntervalSince1970 * 1000)).\(number)"
        var message: [(String, JSONValue)] = [
            ("from", .string(phone)), ("id", .string(wamid)),
            ("timestamp", .string(String(Int(Date().timeIntervalSince1970)))),
        ]
        switch body["type"]?.stringValue {
        case "text":
            let text = body["text"]?.stringValue ?? ""
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, text.count <= 4096 else {
                throw SimulatorError(message: "write 1 to 4096 characters")
            }
            message += [("type", .string("text")), ("text", .object([("body", .string(text))]))]
        case "button":
            let reply = JSONValue.object([
                ("id", .string(body["id"]?.stringValue ?? "")), ("title", .string(body["title"]?.stringValue ?? "")),
            ])
            message += [
                ("type", .string("interactive")),
                ("interactive", .object([("type", .string("button_reply")), ("button_reply", reply)])),
            ]
        case "list":
            let reply = JSONValue.object([
                ("id", .string(body["id"]?.stringValue ?? "")), ("title", .string(body["title"]?.stringValue ?? "")),
            ])
            message += [
                ("type", .string("interactive")),
                ("interactive", .object([("type", .string("list_reply")), ("list_reply", reply)])),
            ]
        case "document", "image", "audio", "video":
            guard let encoded = body["file"]?.stringValue, let data = Data(base64Encoded: encoded), !data.isEmpty,
                data.count <= Self.maxFileBytes
            else { throw SimulatorError(message: "attach a file of at most \(Self.maxFileBytes / (1024 * 1024)) MB") }
            let bytes = Array(data)
            let mime = body["mime"]?.stringValue ?? "application/octet-stream"
            let mediaID = "sim-media-" + SHA256Digest.hex(bytes).prefix(24)
            self.standIn.addMedia(id: mediaID, bytes: bytes, mimeType: mime, declaredSHA256: SHA256Digest.hex(bytes))
            let kind = body["type"]?.stringValue ?? "document"
            var media: [(String, JSONValue)] = [
                ("id", .string(mediaID)), ("mime_type", .string(mime)),
                ("sha256", .string(Data(SHA256Digest.hash(bytes)).base64EncodedString())),
            ]
            if kind == "document" {
                media.append(("filename", .string(body["filename"]?.stringValue ?? "dokumen.pdf")))
            }
            if kind == "audio" { media.append(("voice", .bool(true))) }
            if kind != "audio", let caption = body["caption"]?.stringValue, !caption.isEmpty {
                // WhatsApp takes captions of up to 1,024 characters.
                guard caption.count <= 1024 else {
                    throw SimulatorError(message: "write a caption of at most 1024 characters")
                }
                media.append(("caption", .string(caption)))
            }
            message += [("type", .string(kind)), (kind, .object(media))]
        case "contact":
            message += [("type", .string("contacts")), ("contacts", .array([try Self.contactCard(body)]))]
        case "location":
            message += [("type", .string("location")), ("location", try Self.location(body))]
        default:
            throw SimulatorError(
                message: "type must be text, button, list, document, image, audio, video, contact or location")
        }
        if let quoted = body["reply_to"]?.stringValue, !quoted.isEmpty {
            guard quoted.count <= 200 else { throw SimulatorError(message: "reply_to must be a wamid") }
            message.append(("context", .object([("id", .string(quoted))])))
        }
        let status = try self.deliver(
            WebhookEnvelope.messageValue(message, from: phone, name: name, phoneNumberID: "sandbox"))
        return .json(status == 200 ? 200 : 502, Array(#"{"wamid":"\#(wamid)","webhook_status":\#(status)}"#.utf8))
    }

    /// A contact card as WhatsApp shares one: the name, and the number as saved with its wa_id when it is an
    /// Indonesian mobile number (as if it used WhatsApp).
    static func contactCard(_ body: JSONValue) throws -> JSONValue {
        let name = (body["contact_name"]?.stringValue ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let number = (body["contact_phone"]?.stringValue ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...100).contains(name.count), (1...40).contains(number.count) else {
            throw SimulatorError(message: "a contact card needs a name and a number")
        }
        var phone: [(String, JSONValue)] = [("phone", .string(number)), ("type", .string("CELL"))]
        var digits = number.filter(\.isASCII).filter(\.isNumber)
        if digits.hasPrefix("0") { digits = "62" + digits.dropFirst() }
        if digits.hasPrefix("628"), (10...15).contains(digits.count) { phone.append(("wa_id", .string(digits))) }
        return .object([
            ("name", .object([("formatted_name", .string(name))])), ("phones", .array([.object(phone)])),
        ])
    }

    /// A location as WhatsApp shares one: the pin (numbers, as Meta sends them), with the place's name and
    /// address when given.
    static func location(_ body: JSONValue) throws -> JSONValue {
        guard let latitude = body["latitude"]?.text.flatMap(Double.init), (-90...90).contains(latitude),
            let longitude = body["longitude"]?.text.flatMap(Double.init), (-180...180).contains(longitude)
        else { throw SimulatorError(message: "a location needs a latitude (-90 to 90) and a longitude (-180 to 180)") }
        var place: [(String, JSONValue)] = [
            ("latitude", .number(String(latitude))), ("longitude", .number(String(longitude))),
        ]
        for (field, key, limit) in [("location_name", "name", 100), ("address", "address", 200)] {
            let text = (body[field]?.stringValue ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { place.append((key, .string(String(text.prefix(limit))))) }
        }
        return .object(place)
    }

    /// `POST /simulator/api/status` with `{"phone", "wamid", "status": "delivered" | "read"}`: the status
    /// webhook Meta sends when the phone showed, or the person saw, a message.
    private func status(_ request: HTTPRequest) throws -> HTTPResponse {
        let body = try self.body(request)
        let phone = try self.phone(body)
        guard let wamid = body["wamid"]?.stringValue, !wamid.isEmpty, wamid.count <= 200,
            let status = body["status"]?.stringValue, ["delivered", "read"].contains(status)
        else { throw SimulatorError(message: "send wamid and status delivered or read") }
        let value: [(String, JSONValue)] = [
            ("messaging_product", .string("whatsapp")),
            (
                "metadata",
                .object([("display_phone_number", .string("15550000000")), ("phone_number_id", .string("sandbox"))])
            ),
            (
                "statuses",
                .array([
                    .object([
                        ("id", .string(wamid)), ("status", .string(status)),
                        ("timestamp", .string(String(Int(Date().timeIntervalSince1970)))),
                        ("recipient_id", .string(phone)),
                    ])
                ])
            ),
        ]
        let code = try self.deliver(value)
        return .json(code == 200 ? 200 : 502, Array(#"{"webhook_status":\#(code)}"#.utf8))
    }

    /// Signs the envelope around `value` and POSTs it to Loket's `/webhook`; returns the status.
    private func deliver(_ value: [(String, JSONValue)]) throws -> Int {
        let envelope = WebhookEnvelope.wrapping(value, accountID: "sandbox")
        let bytes = envelope.bytes
        return try LoopbackPost.send(
            port: self.loketPort(), path: "/webhook",
            headers: [
                ("Content-Type", "application/json"), ("X-Hub-Signature-256", self.signer.signatureHeader(for: bytes)),
            ],
            body: bytes)
    }

    /// `POST /simulator/api/window` with `{"phone"}`: the provider last wrote 25 hours ago, so what Loket sends
    /// next goes as a template.
    private func closeWindow(_ request: HTTPRequest) throws -> HTTPResponse {
        let phone = try self.phone(try self.body(request))
        let before = Date().addingTimeInterval(-25 * 3600).timeIntervalSince1970
        try self.writer.write { database in
            try database.run(
                "UPDATE contacts SET last_inbound_at = ?, notice_sent_at = NULL WHERE id = ?",
                [.real(before), .text(phone)])
        }
        return .json(200, Array(#"{"window":"closed"}"#.utf8))
    }

    /// `POST /simulator/api/fail` with `{"count", "code"}`: the next Graph API calls fail with Meta's error.
    private func fail(_ request: HTTPRequest) throws -> HTTPResponse {
        let body = try self.body(request)
        guard let count = body["count"]?.integer, (1...20).contains(count), let code = body["code"]?.integer,
            (1...999_999).contains(code)
        else { throw SimulatorError(message: "count is 1 to 20, code a Meta error code such as 131000 or 130429") }
        let status = code == 130429 ? 429 : (code == 131000 ? 500 : 400)
        self.standIn.failNext(count, with: .metaError(code: code, status: status))
        return .json(200, Array(#"{"failing":\#(count)}"#.utf8))
    }

    /// `GET /simulator/api/media/{id}`: a file Loket uploaded and sent, as the provider's phone would open it.
    private func media(id: String) -> HTTPResponse {
        guard let media = self.standIn.media(id: id) else { return .text(404, "no such media\n") }
        var response = HTTPResponse(status: 200, body: media.bytes)
        // Shown inline only as the kinds a browser shows safely; anything else is downloaded.
        let inline = ["application/pdf", "image/jpeg", "image/png"].contains(media.mimeType)
        response.headers.add(name: "Content-Type", value: inline ? media.mimeType : "application/octet-stream")
        response.headers.add(name: "Content-Disposition", value: inline ? "inline" : "attachment")
        response.headers.add(name: "X-Content-Type-Options", value: "nosniff")
        return response
    }

    /// `GET /simulator/api/events?phone=…`: what Loket sends that phone, live (each event's id is the stand-in's
    /// record number, so a reconnecting page resumes with `Last-Event-ID`).
    private func events(_ request: HTTPRequest) -> HTTPResponse {
        let query = request.query.map(String.init) ?? ""
        let phone =
            query.split(separator: "&").first { $0.hasPrefix("phone=") }.map {
                String($0.dropFirst(6)).filter(\.isNumber)
            } ?? ""
        let start = request.headers["Last-Event-ID"].flatMap(Int.init).map { $0 + 1 } ?? 0
        var response = HTTPResponse(status: 200, body: Array("retry: 1000\n: open\n\n".utf8))
        response.headers.add(name: "Content-Type", value: "text/event-stream; charset=utf-8")
        response.headers.add(name: "Cache-Control", value: "no-store")
        let standIn = self.standIn
        response.stream = { stream in
            WorkerThread.start(name: "loket-simulator-stream", background: true) {
                var next = start
                var quiet = 0
                while stream.isOpen {
                    let calls = standIn.calls
                    var text = ""
                    if next > calls.count { next = calls.count }
                    for index in next..<calls.count {
                        let call = calls[index]
                        guard call.method == "POST", call.status == 200,
                            let object = try? JSONReader.parse(call.body), object["to"]?.stringValue == phone,
                            object["status"] == nil
                        else { continue }
                        var sent = object.serialized
                        if let wamid = call.wamid { sent = #"{"wamid":"\#(wamid)","message":"# + sent + "}" }
                        text += "id: \(index)\nevent: message\ndata: \(sent)\n\n"
                    }
                    next = calls.count
                    if !text.isEmpty {
                        stream.send(Array(text.utf8))
                        quiet = 0
                    } else {
                        quiet += 1
                        if quiet % 150 == 0 { stream.send(Array(": ping\n\n".utf8)) }
                    }
                    Thread.sleep(forTimeInterval: 0.1)
                }
            }
        }
        return response
    }
}
