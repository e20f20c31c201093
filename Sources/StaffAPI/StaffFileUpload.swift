import Conversation
import Foundation
import HTTPServer
import Support

/// One `POST /api/tickets/{number}/files?name=…&caption=…` request: a file staff send the provider (a form to
/// fill in, a screenshot of the steps), its bytes as the body with their `Content-Type`, and what staff wrote
/// with it. Checked before the store is touched: a type WhatsApp carries, bytes that are what the type says for
/// the formats that say it, a size WhatsApp carries.
struct StaffFileUpload: Equatable {
    /// The largest file staff send: as large as a file providers may attach.
    static let maxBytes = StaffAPI.maxFileBytes

    /// The longest text sent with a file (beyond WhatsApp's 1,024 for a caption it goes as a message first).
    static let maxCaptionCharacters = 4000

    /// The kinds of file staff may send: those WhatsApp delivers as a document or, JPEG and PNG, as a photo,
    /// and MP4 or 3GP as a video (a screen recording of the steps).
    static let kinds: [FileKind] = [.pdf, .jpeg, .png, .text, .legacyOffice, .office, .presentation, .video]

    /// The largest photo: WhatsApp carries JPEG and PNG photos of up to 5 MB.
    static let maxPhotoBytes = 5 * 1024 * 1024

    let name: String
    let mimeType: String
    let caption: String?
    let bytes: [UInt8]

    init(_ request: HTTPRequest) throws(StaffAPIError) {
        let parameters = try StaffAPI.parameters(of: request)
        if let unknown = parameters.keys.sorted().first(where: { $0 != "name" && $0 != "caption" }) {
            throw .badRequest("invalid_query", "unknown parameter \"\(unknown)\"; use name and caption")
        }
        // Only the last path component of what a browser reports, without characters a name should not have.
        let given = (parameters["name"] ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? ""
        let name = String(given.filter { !$0.isNewline && $0 != "\"" && !($0.asciiValue.map { $0 < 0x20 } ?? false) })
            .trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 200 else {
            throw .badRequest("invalid_query", "name must be the file's name, 1 to 200 characters")
        }
        let caption = parameters["caption"]?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (caption?.count ?? 0) <= Self.maxCaptionCharacters else {
            throw .badRequest("invalid_query", "caption must be at most \(Self.maxCaptionCharacters) characters")
        }
        guard !request.body.isEmpty else { throw .badRequest("empty_file", "the file is empty") }
        let declared = request.headers["Content-Type"]?.mediaTypeBase ?? ""
        guard let kind = FileKind.kind(of: declared, in: Self.kinds) else {
            throw .unsupportedFileType(
                "send a file of one of these types (as its Content-Type): "
                    + Self.kinds.map(\.label).joined(separator: ", "))
        }
        guard request.body.count <= Self.maxBytes else {
            throw .payloadTooLarge("a file staff send is at most \(Self.maxBytes / 1024 / 1024) MB")
        }
        guard !FileKind.photos.contains(kind) || request.body.count <= Self.maxPhotoBytes else {
            throw .payloadTooLarge(
                "a photo (JPEG, PNG) is at most \(Self.maxPhotoBytes / 1024 / 1024) MB; send it as a PDF")
        }
        guard kind.signature.matches(request.body) else {
            throw .badRequest("file_content_mismatch", "the file's content is not \(declared)")
        }
        self.name = name
        self.mimeType = declared
        self.caption = caption?.isEmpty == false ? caption : nil
        self.bytes = request.body
    }
}
