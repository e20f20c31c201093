extension GraphMessageEncoder {
    /// Meta's limits, in characters.
    ///
    /// Characters are counted as Unicode scalars: an emoji built from several scalars (a flag, a skin
    /// tone, a ZWJ family) counts once per scalar. That is never fewer than what WhatsApp shows, so a
    /// message that passes here is never refused for its length.
    public enum Limits {
        public static let textBody = 4096
        public static let interactiveBody = 1024
        public static let headerOrFooter = 60
        public static let buttons = 3
        public static let buttonTitle = 20
        public static let buttonID = 256
        public static let listButtonLabel = 20
        public static let listSections = 10
        public static let listSectionTitle = 24
        public static let listRows = 10
        public static let listRowID = 200
        public static let listRowTitle = 24
        public static let listRowDescription = 72
        public static let caption = 1024
        public static let templateParameter = 1024
    }

    /// The length of `text` as counted against Meta's limits.
    public static func characterCount(_ text: String) -> Int {
        text.unicodeScalars.count
    }

    /// Checks `message` against Meta's limits without encoding it.
    public func validate(_ message: OutboundMessage) throws(OutboundMessageError) {
        if case .markRead(let messageID, _) = message.payload {
            try Self.require(messageID, "message_id")
            return
        }
        try Self.require(message.to, "to")
        if let replyTo = message.replyTo {
            try Self.require(replyTo, "context.message_id")
        }
        switch message.payload {
        case .text(let body):
            try Self.require(body, "text.body")
            try Self.check(body, "text.body", limit: Limits.textBody)
        case .buttons(let body, let buttons, let header, let footer):
            try Self.checkInteractive(body: body, header: header, footer: footer)
            guard !buttons.isEmpty else { throw .empty("action.buttons") }
            guard buttons.count <= Limits.buttons else {
                throw .tooMany("action.buttons", limit: Limits.buttons, actual: buttons.count)
            }
            var titles: Set<String> = []
            var ids: Set<String> = []
            for button in buttons {
                try Self.require(button.id, "button id")
                try Self.check(button.id, "button id", limit: Limits.buttonID)
                try Self.require(button.title, "button title")
                try Self.check(button.title, "button title", limit: Limits.buttonTitle)
                guard titles.insert(button.title).inserted else {
                    throw .duplicate("button title", value: button.title)
                }
                guard ids.insert(button.id).inserted else { throw .duplicate("button id", value: button.id) }
            }
        case .list(let body, let buttonLabel, let sections, let header, let footer):
            try Self.checkInteractive(body: body, header: header, footer: footer)
            try Self.require(buttonLabel, "action.button")
            try Self.check(buttonLabel, "action.button", limit: Limits.listButtonLabel)
            try Self.checkSections(sections)
        case .document(let source, let filename, let caption):
            try Self.checkSource(source, "document")
            if let filename {
                try Self.require(filename, "document.filename")
            }
            if let caption {
                try Self.check(caption, "document.caption", limit: Limits.caption)
            }
        case .image(let source, let caption):
            try Self.checkSource(source, "image")
            if let caption {
                try Self.check(caption, "image.caption", limit: Limits.caption)
            }
        case .video(let source, let caption):
            try Self.checkSource(source, "video")
            if let caption {
                try Self.check(caption, "video.caption", limit: Limits.caption)
            }
        case .template(let template):
            try Self.checkTemplate(template)
        case .markRead:
            preconditionFailure("Invalid state: mark-as-read was validated above")
        }
        if let fallback = message.fallbackTemplate {
            try Self.checkTemplate(fallback)
        }
    }

    private static func checkInteractive(body: String, header: String?, footer: String?) throws(OutboundMessageError) {
        try Self.require(body, "interactive.body.text")
        try Self.check(body, "interactive.body.text", limit: Limits.interactiveBody)
        if let header {
            try Self.require(header, "interactive.header.text")
            try Self.check(header, "interactive.header.text", limit: Limits.headerOrFooter)
        }
        if let footer {
            try Self.require(footer, "interactive.footer.text")
            try Self.check(footer, "interactive.footer.text", limit: Limits.headerOrFooter)
        }
    }

    private static func checkSections(_ sections: [OutboundMessage.ListSection]) throws(OutboundMessageError) {
        guard !sections.isEmpty else { throw .empty("action.sections") }
        guard sections.count <= Limits.listSections else {
            throw .tooMany("action.sections", limit: Limits.listSections, actual: sections.count)
        }
        let rowCount = sections.reduce(0) { $0 + $1.rows.count }
        guard rowCount <= Limits.listRows else {
            throw .tooMany("list rows", limit: Limits.listRows, actual: rowCount)
        }
        var ids: Set<String> = []
        for section in sections {
            if let title = section.title {
                try Self.require(title, "section title")
                try Self.check(title, "section title", limit: Limits.listSectionTitle)
            } else if sections.count > 1 {
                throw .empty("section title")
            }
            guard !section.rows.isEmpty else { throw .empty("section rows") }
            for row in section.rows {
                try Self.require(row.id, "row id")
                try Self.check(row.id, "row id", limit: Limits.listRowID)
                try Self.require(row.title, "row title")
                try Self.check(row.title, "row title", limit: Limits.listRowTitle)
                if let description = row.description {
                    try Self.check(description, "row description", limit: Limits.listRowDescription)
                }
                guard ids.insert(row.id).inserted else { throw .duplicate("row id", value: row.id) }
            }
        }
    }

    private static func checkTemplate(_ template: OutboundMessage.Template) throws(OutboundMessageError) {
        try Self.require(template.name, "template.name")
        try Self.require(template.language, "template.language.code")
        for parameter in template.bodyParameters {
            try Self.require(parameter, "template parameter")
            try Self.check(parameter, "template parameter", limit: Limits.templateParameter)
            // Meta refuses parameters holding new lines, tabs or more than four spaces in a row (132018).
            guard !parameter.contains(where: { $0 == "\n" || $0 == "\t" || $0 == "\r\n" || $0 == "\r" }),
                !parameter.contains("     ")
            else {
                throw .invalidValue(
                    "template parameter", reason: "it may not hold new lines, tabs or more than four spaces in a row")
            }
        }
    }

    /// A media id, an http(s) link, or a stored file named by its SHA-256 with its type.
    private static func checkSource(_ source: OutboundMessage.MediaSource, _ kind: String) throws(OutboundMessageError)
    {
        switch source {
        case .id(let id):
            try Self.require(id, "\(kind).id")
        case .link(let link):
            guard link.hasPrefix("https://") || link.hasPrefix("http://") else {
                throw .invalidValue("\(kind).link", reason: "it must be an http(s) URL")
            }
        case .stored(let sha256, let mimeType):
            guard sha256.utf8.count == 64, sha256.allSatisfy(\.isHexDigit) else {
                throw .invalidValue("\(kind).stored", reason: "a stored file is named by its SHA-256 in hex")
            }
            try Self.require(mimeType, "\(kind).stored.mimeType")
        }
    }

    private static func require(_ value: String, _ field: String) throws(OutboundMessageError) {
        guard !value.allSatisfy(\.isWhitespace) else { throw .empty(field) }
    }

    private static func check(_ value: String, _ field: String, limit: Int) throws(OutboundMessageError) {
        // A text has no more scalars than UTF-8 bytes: most are within the limit without counting them.
        guard value.utf8.count > limit else { return }
        let count = Self.characterCount(value)
        guard count <= limit else { throw .tooLong(field, limit: limit, actual: count) }
    }
}
