/// One message to the provider, already localized; maps one-to-one onto the outbox's `OutboundMessage` payloads.
public enum Reply: Equatable, Codable, Sendable {
    /// Free text, at most 4096 characters.
    case text(String)
    /// Up to 3 reply buttons (titles ≤ 20 characters), body ≤ 1024.
    case buttons(body: String, buttons: [ReplyButton])
    /// An interactive list (button label ≤ 20, at most 10 rows), body ≤ 1024.
    case list(body: String, buttonLabel: String, sections: [ReplySection])
}

/// A reply button: the id comes back in the provider's `button_reply`.
public struct ReplyButton: Equatable, Codable, Sendable {
    public var id: String
    public var title: String

    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }
}

/// A section of an interactive list.
public struct ReplySection: Equatable, Codable, Sendable {
    public var title: String?
    public var rows: [ReplyRow]

    public init(title: String? = nil, rows: [ReplyRow]) {
        self.title = title
        self.rows = rows
    }
}

/// A row of an interactive list: the id comes back in the provider's `list_reply`.
public struct ReplyRow: Equatable, Codable, Sendable {
    public var id: String
    public var title: String
    public var description: String?

    public init(id: String, title: String, description: String? = nil) {
        self.id = id
        self.title = title
        self.description = description
    }
}
