/// A reply button: the id comes back in the provider's `button_reply`.
public struct ReplyButton: Equatable, Codable, Sendable {
    public var id: String
    public var title: String

    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }
}
