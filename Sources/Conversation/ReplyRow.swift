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
