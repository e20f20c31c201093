/// A helpdesk staff member with their level.
public struct StaffMember: Hashable, Sendable {
    public let id: String
    public var name: String
    public var level: StaffLevel
    public var isActive: Bool

    public init(id: String, name: String, level: StaffLevel, isActive: Bool = true) {
        self.id = id
        self.name = name
        self.level = level
        self.isActive = isActive
    }
}
