/// Why a media download did not produce a stored file.
///
/// Permanent refusals (`isPermanent`) will not change on retry: tell the user. Anything else is transient:
/// leave the message pending and try again later.
public struct MediaError: Error, Equatable, CustomStringConvertible, Sendable {
    private enum Kind: Equatable, Sendable {
        case tooLarge(size: Int, limit: Int)
        case wrongType(mimeType: String)
        case notPDF
        case hashMismatch
        case notFound
        case network(detail: String)
        case serverError(status: Int)
        case urlExpired
        case unauthorized(status: Int)
        case storage(detail: String)
    }

    private let kind: Kind

    private init(_ kind: Kind) {
        self.kind = kind
    }

    /// The file has `size` bytes (declared or actual), more than the caller's `limit`.
    public static func tooLarge(size: Int, limit: Int) -> MediaError { MediaError(.tooLarge(size: size, limit: limit)) }
    /// The MIME type is not one the caller accepts.
    public static func wrongType(_ mimeType: String) -> MediaError { MediaError(.wrongType(mimeType: mimeType)) }
    /// The bytes do not start with the required prefix (`%PDF-` for verification documents).
    public static let notPDF = MediaError(.notPDF)
    /// The bytes do not have the hash WhatsApp announced.
    public static let hashMismatch = MediaError(.hashMismatch)
    /// The media id is unknown or expired (media ids live 7 days).
    public static let notFound = MediaError(.notFound)
    /// No answer: connection failure or timeout.
    public static func network(_ detail: String) -> MediaError { MediaError(.network(detail: detail)) }
    /// The Graph API or the media host answered with a server error.
    public static func serverError(status: Int) -> MediaError { MediaError(.serverError(status: status)) }
    /// The download URL kept expiring even after asking for fresh ones.
    public static let urlExpired = MediaError(.urlExpired)
    /// The access token was refused.
    public static func unauthorized(status: Int) -> MediaError { MediaError(.unauthorized(status: status)) }
    /// The file could not be written under the data directory.
    public static func storage(_ detail: String) -> MediaError { MediaError(.storage(detail: detail)) }

    /// Whether retrying cannot help: the file itself is refused or gone.
    public var isPermanent: Bool {
        switch self.kind {
        case .tooLarge, .wrongType, .notPDF, .hashMismatch, .notFound: return true
        case .network, .serverError, .urlExpired, .unauthorized, .storage: return false
        }
    }

    /// The label of the `media downloads by result` counter.
    public var metricLabel: String {
        switch self.kind {
        case .tooLarge: return "too_large"
        case .wrongType: return "wrong_type"
        case .notPDF: return "not_pdf"
        case .hashMismatch: return "hash_mismatch"
        case .notFound: return "not_found"
        case .network, .serverError, .urlExpired, .unauthorized, .storage: return "transient"
        }
    }

    public var description: String {
        switch self.kind {
        case .tooLarge(let size, let limit):
            return "the file has \(size) bytes, more than the \(limit) allowed"
        case .wrongType(let mimeType):
            return "the file type \(mimeType) is not accepted"
        case .notPDF:
            return "the file is not a PDF document"
        case .hashMismatch:
            return "the file does not match the hash WhatsApp announced; it may be corrupt"
        case .notFound:
            return "the media no longer exists on WhatsApp (ids live 7 days); ask the sender to send it again"
        case .network(let detail):
            return "could not download the media (\(detail)); will retry"
        case .serverError(let status):
            return "the media server answered HTTP \(status); will retry"
        case .urlExpired:
            return "the media download URL kept expiring; will retry"
        case .unauthorized(let status):
            return "the access token was refused (HTTP \(status)); check WHATSAPP_ACCESS_TOKEN"
        case .storage(let detail):
            return "could not store the media file (\(detail)); will retry"
        }
    }
}
