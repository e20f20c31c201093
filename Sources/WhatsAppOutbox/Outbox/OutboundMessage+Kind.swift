extension OutboundMessage.Payload {
    /// The Graph API `type` this payload is sent as (`read` for mark-as-read).
    public var kindName: String {
        switch self {
        case .text: return "text"
        case .buttons: return "buttons"
        case .list: return "list"
        case .document: return "document"
        case .image: return "image"
        case .video: return "video"
        case .template: return "template"
        case .markRead: return "read"
        }
    }

    /// The message as a person reads it: its text, a button's or a list's labels in brackets, a file's name
    /// with its caption, a template's name with its parameters (empty for mark-as-read).
    public var displayText: String {
        switch self {
        case .text(let body): body
        case .buttons(let body, let buttons, _, _): body + " " + buttons.map { "[\($0.title)]" }.joined(separator: " ")
        case .list(let body, let label, _, _, _): body + " [\(label)]"
        case .document(_, let filename, let caption): "📎 \(filename ?? "dokumen")" + (caption.map { "\n" + $0 } ?? "")
        case .image(_, let caption): "📷" + (caption.map { "\n" + $0 } ?? "")
        case .video(_, let caption): "🎬" + (caption.map { "\n" + $0 } ?? "")
        case .template(let template): "template \(template.name): " + template.bodyParameters.joined(separator: " | ")
        case .markRead: ""
        }
    }

    /// Whether Meta delivers this payload outside the 24-hour window.
    var isAllowedOutsideWindow: Bool {
        switch self {
        case .template, .markRead: return true
        case .text, .buttons, .list, .document, .image, .video: return false
        }
    }

    /// The stored file a document or photo names (`MediaSource.stored`), to be uploaded before it is sent.
    var storedFile: (sha256: String, mimeType: String, filename: String?)? {
        switch self {
        case .document(.stored(let sha256, let mimeType), let filename, _): (sha256, mimeType, filename)
        case .image(.stored(let sha256, let mimeType), _), .video(.stored(let sha256, let mimeType), _):
            (sha256, mimeType, nil)
        default: nil
        }
    }

    /// The payload with its document's or photo's file named by `id`, the media id of its upload.
    func naming(mediaID id: String) -> Self {
        switch self {
        case .document(_, let filename, let caption): .document(source: .id(id), filename: filename, caption: caption)
        case .image(_, let caption): .image(source: .id(id), caption: caption)
        case .video(_, let caption): .video(source: .id(id), caption: caption)
        default: self
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
