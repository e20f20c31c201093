import Support

/// A row of the main menu.
public struct MenuEntry: Equatable, Sendable {
    public var id: String
    public var action: MenuAction
    /// The row title (≤ 24); for a service, its menu title is used when this is nil.
    public var title: LocalizedText?
    public var description: LocalizedText?

    public init(id: String, action: MenuAction, title: LocalizedText? = nil, description: LocalizedText? = nil) {
        self.id = id
        self.action = action
        self.title = title
        self.description = description
    }
}
