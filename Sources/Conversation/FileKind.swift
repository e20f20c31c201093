import Foundation
import Support

/// A kind of file a provider or staff may send, told by its content (the first bytes), never by its name.
public enum FileKind: String, CaseIterable, Codable, Sendable {
    case pdf
    case jpeg
    case png
    /// Word and Excel files of Office 2007 and later (`.docx`, `.xlsx`: ZIP containers).
    case office
    /// A WhatsApp voice note: Opus in an Ogg container.
    case voice
    /// Plain text (`.txt`): no signature to tell it by.
    case text
    /// Word, Excel and PowerPoint files of Office 97–2003 (`.doc`, `.xls`, `.ppt`: OLE2 containers).
    case legacyOffice
    /// PowerPoint files of Office 2007 and later (`.pptx`: a ZIP container).
    case presentation
    /// A video as WhatsApp carries it (a screen recording of an error): MP4 or 3GP, ISO media files.
    case video

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
        case .text: ["text/plain"]
        case .legacyOffice: ["application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint"]
        case .presentation: ["application/vnd.openxmlformats-officedocument.presentationml.presentation"]
        case .video: ["video/mp4", "video/3gpp"]
        }
    }

    /// What a person calls the kind's files: "PDF", "DOC, XLS, PPT".
    public var label: String {
        switch self {
        case .pdf: "PDF"
        case .jpeg: "JPEG"
        case .png: "PNG"
        case .office: "DOCX, XLSX"
        case .voice: "OGG"
        case .text: "TXT"
        case .legacyOffice: "DOC, XLS, PPT"
        case .presentation: "PPTX"
        case .video: "MP4, 3GP"
        }
    }

    /// The bytes every file of the kind has (none for plain text): at the start, or for a video the `ftyp`
    /// box's type after its four bytes of size.
    public var signature: ByteSignature {
        switch self {
        case .pdf: ByteSignature(Array("%PDF-".utf8))
        case .jpeg: ByteSignature([0xFF, 0xD8, 0xFF])
        case .png: ByteSignature([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        case .voice: ByteSignature(Array("OggS".utf8))
        case .text: ByteSignature([])
        case .legacyOffice: ByteSignature([0xD0, 0xCF, 0x11, 0xE0])
        case .office, .presentation: ByteSignature([0x50, 0x4B, 0x03, 0x04])
        case .video: ByteSignature(Array("ftyp".utf8), at: 4)
        }
    }

    /// The kinds WhatsApp shows as a photo in the chat.
    public static let photos: [FileKind] = [.jpeg, .png]

    /// What a ticket takes about a problem: documents, screenshots and photos, office files, voice notes,
    /// videos (a screen recording of the error).
    public static let ticketAttachments: [FileKind] = [.pdf, .jpeg, .png, .office, .voice, .video]

    /// Whether `mimeType` is one of `kinds`.
    public static func accepts(_ mimeType: String, in kinds: [FileKind]) -> Bool {
        self.kind(of: mimeType, in: kinds) != nil
    }

    /// The one of `kinds` whose files `mimeType` declares, if any.
    public static func kind(of mimeType: String, in kinds: [FileKind]) -> FileKind? {
        let base = mimeType.mediaTypeBase
        return kinds.first { $0.mimeTypes.contains(base) }
    }
}
