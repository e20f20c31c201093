/// What choosing a menu row does.
public enum MenuAction: Equatable, Sendable {
    case service(String)
    case status
    case faq
    case hours
    case human
}
