import Support

/// Turns an `OutboundMessage` into the JSON body of `POST /{phone-number-id}/messages`, exactly as the
/// WhatsApp Cloud API expects it, after checking it against Meta's limits.
public struct GraphMessageEncoder: Sendable {
    public init() {}

    /// Validates `message` and encodes it.
    /// - Throws: `OutboundMessageError` when the message would be refused by Meta, or names a stored file
    ///   (which `OutboxSender` uploads first); nothing is encoded then.
    public func encode(_ message: OutboundMessage) throws(OutboundMessageError) -> JSONValue {
        try self.validate(message)
        if message.payload.storedFile != nil {
            throw .invalidValue(message.payload.kindName, reason: "a stored file is sent by the media id of its upload")
        }
        if case .markRead(let messageID, let typingIndicator) = message.payload {
            var members: [(String, JSONValue)] = [
                ("messaging_product", .string("whatsapp")),
                ("status", .string("read")),
                ("message_id", .string(messageID)),
            ]
            if typingIndicator {
                members.append(("typing_indicator", .object([("type", .string("text"))])))
            }
            return .object(members)
        }
        var members: [(String, JSONValue)] = [
            ("messaging_product", .string("whatsapp")),
            ("recipient_type", .string("individual")),
            ("to", .string(message.to)),
        ]
        if let replyTo = message.replyTo {
            members.append(("context", .object([("message_id", .string(replyTo))])))
        }
        members += Self.content(of: message.payload)
        return .object(members)
    }

    private static func content(of payload: OutboundMessage.Payload) -> [(String, JSONValue)] {
        switch payload {
        case .text(let body):
            return [
                ("type", .string("text")),
                ("text", .object([("body", .string(body)), ("preview_url", .bool(false))])),
            ]
        case .buttons(let body, let buttons, let header, let footer):
            let replies = buttons.map { button in
                JSONValue.object([
                    ("type", .string("reply")),
                    ("reply", .object([("id", .string(button.id)), ("title", .string(button.title))])),
                ])
            }
            return [
                ("type", .string("interactive")),
                (
                    "interactive",
                    Self.interactive(
                        type: "button", body: body, header: header, footer: footer,
                        action: .object([("buttons", .array(replies))]))
                ),
            ]
        case .list(let body, let buttonLabel, let sections, let header, let footer):
            let encodedSections = sections.map { section in
                var members: [(String, JSONValue)] = []
                if let title = section.title {
                    members.append(("title", .string(title)))
                }
                let rows = section.rows.map { row in
                    var rowMembers: [(String, JSONValue)] = [("id", .string(row.id)), ("title", .string(row.title))]
                    if let description = row.description {
                        rowMembers.append(("description", .string(description)))
                    }
                    return JSONValue.object(rowMembers)
                }
                members.append(("rows", .array(rows)))
                return JSONValue.object(members)
            }
            return [
                ("type", .string("interactive")),
                (
                    "interactive",
                    Self.interactive(
                        type: "list", body: body, header: header, footer: footer,
                        action: .object([("button", .string(buttonLabel)), ("sections", .array(encodedSections))]))
                ),
            ]
        case .document(let source, let filename, let caption):
            var members = Self.members(of: source)
            if let caption {
                members.append(("caption", .string(caption)))
            }
            if let filename {
                members.append(("filename", .string(filename)))
            }
            return [("type", .string("document")), ("document", .object(members))]
        case .image(let source, let caption):
            var members = Self.members(of: source)
            if let caption {
                members.append(("caption", .string(caption)))
            }
            return [("type", .string("image")), ("image", .object(members))]
        case .video(let source, let caption):
            var members = Self.members(of: source)
            if let caption {
                members.append(("caption", .string(caption)))
            }
            return [("type", .string("video")), ("video", .object(members))]
        case .template(let template):
            return [("type", .string("template")), ("template", Self.template(template))]
        case .markRead:
            preconditionFailure("Invalid state: mark-as-read is encoded without a recipient envelope")
        }
    }

    /// `{"id": …}` or `{"link": …}`: where Meta finds a document's or a photo's file.
    private static func members(of source: OutboundMessage.MediaSource) -> [(String, JSONValue)] {
        switch source {
        case .id(let id): [("id", .string(id))]
        case .link(let link): [("link", .string(link))]
        case .stored: preconditionFailure("Invalid state: `encode` refuses a stored file")
        }
    }

    private static func interactive(
        type: String, body: String, header: String?, footer: String?, action: JSONValue
    ) -> JSONValue {
        var members: [(String, JSONValue)] = [("type", .string(type))]
        if let header {
            members.append(("header", .object([("type", .string("text")), ("text", .string(header))])))
        }
        members.append(("body", .object([("text", .string(body))])))
        if let footer {
            members.append(("footer", .object([("text", .string(footer))])))
        }
        members.append(("action", action))
        return .object(members)
    }

    private static func template(_ template: OutboundMessage.Template) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("name", .string(template.name)),
            ("language", .object([("code", .string(template.language))])),
        ]
        if !template.bodyParameters.isEmpty {
            let parameters = template.bodyParameters.map { text in
                JSONValue.object([("type", .string("text")), ("text", .string(text))])
            }
            members.append(
                (
                    "components",
                    .array([.object([("type", .string("body")), ("parameters", .array(parameters))])])
                ))
        }
        return .object(members)
    }
}
