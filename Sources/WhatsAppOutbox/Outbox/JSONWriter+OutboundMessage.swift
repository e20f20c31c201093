import Support

/// Writes `OutboundMessage` in the shape `JSONEncoder` gives its synthesized `Codable` (keys sorted,
/// optionals left out when `nil`).
extension JSONWriter {
    mutating func payload(_ payload: OutboundMessage.Payload) {
        self.object { object in
            switch payload {
            case .text(let body):
                object.member("text") { $0.unlabelled { $0.string(body) } }
            case .buttons(let body, let buttons, let header, let footer):
                object.member("buttons") { writer in
                    writer.object { fields in
                        fields.member("body") { $0.string(body) }
                        fields.member("buttons") { $0.array(buttons) { $0.button($1) } }
                        if let footer { fields.member("footer") { $0.string(footer) } }
                        if let header { fields.member("header") { $0.string(header) } }
                    }
                }
            case .list(let body, let buttonLabel, let sections, let header, let footer):
                object.member("list") { writer in
                    writer.object { fields in
                        fields.member("body") { $0.string(body) }
                        fields.member("buttonLabel") { $0.string(buttonLabel) }
                        if let footer { fields.member("footer") { $0.string(footer) } }
                        if let header { fields.member("header") { $0.string(header) } }
                        fields.member("sections") { $0.array(sections) { $0.section($1) } }
                    }
                }
            case .document(let source, let filename, let caption):
                object.member("document") { writer in
                    writer.object { fields in
                        if let caption { fields.member("caption") { $0.string(caption) } }
                        if let filename { fields.member("filename") { $0.string(filename) } }
                        fields.member("source") { $0.source(source) }
                    }
                }
            case .image(let source, let caption):
                object.member("image") { writer in
                    writer.object { fields in
                        if let caption { fields.member("caption") { $0.string(caption) } }
                        fields.member("source") { $0.source(source) }
                    }
                }
            case .video(let source, let caption):
                object.member("video") { writer in
                    writer.object { fields in
                        if let caption { fields.member("caption") { $0.string(caption) } }
                        fields.member("source") { $0.source(source) }
                    }
                }
            case .template(let template):
                object.member("template") { $0.unlabelled { $0.template(template) } }
            case .markRead(let messageID, let typingIndicator):
                object.member("markRead") { writer in
                    writer.object { fields in
                        fields.member("messageID") { $0.string(messageID) }
                        fields.member("typingIndicator") { $0.bool(typingIndicator) }
                    }
                }
            }
        }
    }

    mutating func template(_ template: OutboundMessage.Template) {
        self.object { fields in
            fields.member("bodyParameters") { $0.array(template.bodyParameters) { $0.string($1) } }
            fields.member("language") { $0.string(template.language) }
            fields.member("name") { $0.string(template.name) }
        }
    }

    mutating func button(_ button: OutboundMessage.Button) {
        self.object { fields in
            fields.member("id") { $0.string(button.id) }
            fields.member("title") { $0.string(button.title) }
        }
    }

    mutating func section(_ section: OutboundMessage.ListSection) {
        self.object { fields in
            fields.member("rows") { $0.array(section.rows) { $0.row($1) } }
            if let title = section.title { fields.member("title") { $0.string(title) } }
        }
    }

    mutating func row(_ row: OutboundMessage.ListRow) {
        self.object { fields in
            if let description = row.description { fields.member("description") { $0.string(description) } }
            fields.member("id") { $0.string(row.id) }
            fields.member("title") { $0.string(row.title) }
        }
    }

    mutating func source(_ source: OutboundMessage.MediaSource) {
        self.object { fields in
            switch source {
            case .id(let id): fields.member("id") { $0.unlabelled { $0.string(id) } }
            case .link(let link): fields.member("link") { $0.unlabelled { $0.string(link) } }
            case .stored(let sha256, let mimeType):
                fields.member("stored") { writer in
                    writer.object { stored in
                        stored.member("mimeType") { $0.string(mimeType) }
                        stored.member("sha256") { $0.string(sha256) }
                    }
                }
            }
        }
    }
}
