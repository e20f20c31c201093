extension OutboundMessage.Payload {
    /// The Graph API `type` this payload is sent as (`read` for mark-as-read).
    public var kindName: String {
        switch self {
        case .text: return "text"
        case .buttons: return "buttons"
        case .list: return "list"
        case .document: return "document"
        case .image: return "image"
        case .template: return "template"
        case .markRead: return "read"
        }
    }

    /// Whether Meta delivers this payload outside the 24-hour window.
    var isAllowedOutsideWindow: Bool {
        switch self {
        case .template, .markRead: return true
        case .text, .buttons, .list, .document, .image: return false
        }
    }

    var isMarkRead: Bool {
        if case .markRead = self { return true }
        return false
    }

    var isTemplate: Bool {
        if case .template = self { return true }
        return false
    }
}
