import Foundation
import Support

/// A kind of file a provider may send, told by its content (the first bytes), never by its name.
public enum FileKind: String, CaseIterable, Codable, Sendable {
    case pdf
    case jpeg
    case png
    /// Word and Excel files of Office 2007 and later (`.docx`, `.xlsx`: ZIP containers).
    case office
    /// A WhatsApp voice note: Opus in an Ogg container.
    case voice

    /// The MIME types WhatsApp declares for the kind.
    public var mimeTypes: [String] {
        switch self {
        case .pdf: ["application/pdf"]
        case .jpeg: ["image/jpeg"]
        case .png: ["image/png"]
        case .office:
            [
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ]
        case .voice: ["audio/ogg"]
        }
    }

    /// The bytes every file of the kind starts with.
    public var signature: [UInt8] {
        switch self {
        case .pdf: Array("%PDF-".utf8)
        case .jpeg: [0xFF, 0xD8, 0xFF]
        case .png: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        case .office: [0x50, 0x4B, 0x03, 0x04]
        case .voice: Array("OggS".utf8)
        }
    }

    /// What a ticket takes about a problem: documents, screenshots and photos, office files, voice notes.
    public static let ticketAttachments: [FileKind] = [.pdf, .jpeg, .png, .office, .voice]

    /// Whether `mimeType` is one of `kinds`.
    public static func accepts(_ mimeType: String, in kinds: [FileKind]) -> Bool {
        let base = mimeType.mediaTypeBase
        return kinds.contains { $0.mimeTypes.contains(base) }
    }
}
