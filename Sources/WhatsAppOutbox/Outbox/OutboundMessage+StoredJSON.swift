import Support

extension OutboundMessage {
    /// The message as the outbox stores it: exactly the JSON a `JSONEncoder` with `.sortedKeys` and
    /// `.withoutEscapingSlashes` writes for the synthesized `Codable` conformance (so `JSONDecoder` reads
    /// it back, and rows written either way look alike), built by hand because the dispatcher queues two
    /// messages per inbound one and `JSONEncoder` cost more than the rest of the insert.
    var storedJSON: String {
        var writer = JSONWriter()
        writer.object { object in
            if let template = self.fallbackTemplate {
                object.member("fallbackTemplate") { $0.template(template) }
            }
            object.member("payload") { $0.payload(self.payload) }
            if let replyTo = self.replyTo {
                object.member("replyTo") { $0.string(replyTo) }
            }
            object.member("to") { $0.string(self.to) }
        }
        return writer.output
    }
}

/// A stored outbound message that does not read back: the row was damaged or written by something else.
public struct StoredMessageError: Error, Equatable, CustomStringConvertible, Sendable {
    public let description: String

    init(_ description: String) {
        self.description = "stored outbound message: \(description)"
    }
}

extension OutboundMessage {
    /// Reads what `storedJSON` (or `JSONEncoder`, for rows of earlier versions) wrote, in any member order,
    /// without `JSONDecoder`: the sender reads every row it sends.
    init(storedJSON bytes: [UInt8]) throws(StoredMessageError) {
        let root: JSONValue
        do {
            root = try JSONReader.parse(bytes)
        } catch {
            throw StoredMessageError("not JSON (\(error))")
        }
        let message = Fields(root, "message")
        self.init(
            to: try message.string("to"), payload: try Self.payload(try message.field("payload")),
            fallbackTemplate: try message.optional("fallbackTemplate").map(Self.template),
            replyTo: try message.optionalString("replyTo"))
    }

    private static func payload(_ value: JSONValue) throws(StoredMessageError) -> Payload {
        guard case .object(let object) = value, object.members.count == 1, let (kind, body) = object.members.first
        else { throw StoredMessageError("payload is not one case") }
        let fields = Fields(body, kind)
        switch kind {
        case "text":
            return .text(try fields.string("_0"))
        case "buttons":
            return .buttons(
                body: try fields.string("body"),
                buttons: try fields.array("buttons").map { (value) throws(StoredMessageError) in
                    let button = Fields(value, "button")
                    return Button(id: try button.string("id"), title: try button.string("title"))
                },
                header: try fields.optionalString("header"), footer: try fields.optionalString("footer"))
        case "list":
            return .list(
                body: try fields.string("body"), buttonLabel: try fields.string("buttonLabel"),
                sections: try fields.array("sections").map(Self.section), header: try fields.optionalString("header"),
                footer: try fields.optionalString("footer"))
        case "document":
            return .document(
                source: try Self.mediaSource(try fields.field("source")),
                filename: try fields.optionalString("filename"),
                caption: try fields.optionalString("caption"))
        case "image":
            return .image(
                source: try Self.mediaSource(try fields.field("source")), caption: try fields.optionalString("caption"))
        case "video":
            return .video(
                source: try Self.mediaSource(try fields.field("source")), caption: try fields.optionalString("caption"))
        case "template":
            return .template(try Self.template(try fields.field("_0")))
        case "markRead":
            guard let typing = try fields.field("typingIndicator").bool else {
                throw StoredMessageError("markRead.typingIndicator is not a boolean")
            }
            return .markRead(messageID: try fields.string("messageID"), typingIndicator: typing)
        default:
            throw StoredMessageError("unknown payload \(kind)")
        }
    }

    private static func mediaSource(_ value: JSONValue) throws(StoredMessageError) -> MediaSource {
        let source = Fields(value, "source")
        if let id = try source.optional("id") { return .id(try Fields(id, "id").string("_0")) }
        if let stored = try source.optional("stored") {
            let file = Fields(stored, "stored")
            return .stored(sha256: try file.string("sha256"), mimeType: try file.string("mimeType"))
        }
        return .link(try Fields(try source.field("link"), "link").string("_0"))
    }

    private static func template(_ value: JSONValue) throws(StoredMessageError) -> Template {
        let fields = Fields(value, "template")
        return Template(
            name: try fields.string("name"), language: try fields.string("language"),
            bodyParameters: try fields.array("bodyParameters").map { (value) throws(StoredMessageError) in
                guard let text = value.stringValue else { throw StoredMessageError("template parameter not text") }
                return text
            })
    }

    private static func section(_ value: JSONValue) throws(StoredMessageError) -> ListSection {
        let fields = Fields(value, "section")
        return ListSection(
            title: try fields.optionalString("title"),
            rows: try fields.array("rows").map { (value) throws(StoredMessageError) in
                let row = Fields(value, "row")
                return ListRow(
                    id: try row.string("id"), title: try row.string("title"),
                    description: try row.optionalString("description"))
            })
    }

    /// The members of one stored object, named in errors by `path`.
    private struct Fields {
        let value: JSONValue
        let path: String

        init(_ value: JSONValue, _ path: String) {
            self.value = value
            self.path = path
        }

        func optional(_ key: String) throws(StoredMessageError) -> JSONValue? {
            guard case .object(let object) = self.value else {
                throw StoredMessageError("\(self.path) is not an object")
            }
            guard let member = object[key], !member.isNull else { return nil }
            return member
        }

        func field(_ key: String) throws(StoredMessageError) -> JSONValue {
            guard let member = try self.optional(key) else { throw StoredMessageError("\(self.path).\(key) missing") }
            return member
        }

        func optionalString(_ key: String) throws(StoredMessageError) -> String? {
            guard let member = try self.optional(key) else { return nil }
            guard let text = member.stringValue else { throw StoredMessageError("\(self.path).\(key) is not text") }
            return text
        }

        func string(_ key: String) throws(StoredMessageError) -> String {
            guard let text = try self.optionalString(key) else {
                throw StoredMessageError("\(self.path).\(key) missing")
            }
            return text
        }

        func array(_ key: String) throws(StoredMessageError) -> [JSONValue] {
            guard case .array(let elements) = try self.field(key) else {
                throw StoredMessageError("\(self.path).\(key) is not a list")
            }
            return elements
        }
    }
}
