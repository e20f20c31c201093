/// A section of an interactive list.
public struct ReplySection: Equatable, Codable, Sendable {
    public var title: String?
    public var rows: [ReplyRow]

    public init(title: String? = nil, rows: [ReplyRow]) {
        self.title = title
        self.rows = rows
    }
}
