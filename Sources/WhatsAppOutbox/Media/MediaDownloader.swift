import Foundation
import Support

/// Downloads WhatsApp media through the Graph API and stores it in the `MediaStore`.
///
/// `GET {base}/{media-id}` gives a short-lived URL, size, type and hash; `GET url` (with the bearer token)
/// gives the bytes. An expired URL is replaced by asking for the descriptor again. The caller's limits are
/// enforced on the declared size first, then on the bytes. The user's filename is never used as a path.
public struct MediaDownloader: MediaFetcher {
    public struct Configuration: Sendable {
        /// Loket's data directory; files go under `media/` in it.
        public var dataDirectory: String
        /// How many fresh URLs to ask for when the download URL has expired.
        public var urlRefreshes: Int

        public init(dataDirectory: String, urlRefreshes: Int = 2) {
            self.dataDirectory = dataDirectory
            self.urlRefreshes = urlRefreshes
        }
    }

    /// What `GET {base}/{media-id}` answers.
    struct Descriptor: Equatable {
        var url: String
        var mimeType: String
        var sha256: String?
        var fileSize: Int?
    }

    public let configuration: Configuration
    private let transport: any GraphTransport
    private let metrics: MediaMetrics
    private let logger: Logger

    /// - Parameters:
    ///   - transport: a `GraphClient` of its own is best, so downloads never wait behind sends.
    ///   - logger: one line per download, at `info`; a download that failed for a reason other than the
    ///     file itself (the network, Meta, the disk) at `warning`.
    public init(
        configuration: Configuration, transport: any GraphTransport, metrics: MediaMetrics = .none,
        logger: Logger = .discarding
    ) {
        self.configuration = configuration
        self.transport = transport
        self.metrics = metrics
        self.logger = logger
    }

    public func fetch(mediaID: String, expectedSHA256: String?, limits: MediaLimits) throws -> StoredMedia {
        do {
            let stored = try self.download(mediaID: mediaID, expectedSHA256: expectedSHA256, limits: limits)
            self.metrics.downloadRecorded("stored")
            self.logger.passthrough(
                .info,
                "event=media_download result=stored media_id=\(mediaID) size=\(stored.size) sha256=\(stored.sha256)")
            return stored
        } catch {
            self.metrics.downloadRecorded(error.metricLabel)
            self.logger.passthrough(
                error.isPermanent ? .info : .warning,
                "event=media_download result=\(error.metricLabel) media_id=\(mediaID) permanent=\(error.isPermanent) "
                    + "error=\"\(error.description)\"")
            throw error
        }
    }

    private func download(mediaID: String, expectedSHA256: String?, limits: MediaLimits) throws(MediaError)
        -> StoredMedia
    {
        guard !mediaID.isEmpty, mediaID.utf8.allSatisfy(Self.isIDByte) else { throw .notFound }
        var refreshesLeft = self.configuration.urlRefreshes
        while true {
            let descriptor = try self.describe(mediaID: mediaID)
            try Self.checkDeclared(descriptor, limits: limits)
            let response: GraphHTTPResponse
            do {
                response = try self.transport.perform(.get(descriptor.url))
            } catch {
                if error.isResponseTooLarge { throw .tooLarge(size: limits.maxBytes + 1, limit: limits.maxBytes) }
                throw .network(error.description)
            }
            switch response.status {
            case 200..<300:
                let bytes = response.body
                try Self.checkContent(bytes, descriptor: descriptor, expectedSHA256: expectedSHA256, limits: limits)
                return try MediaStore(dataDirectory: self.configuration.dataDirectory).store(
                    bytes, mimeType: descriptor.mimeType.mediaTypeBase
                ).media
            case 401, 403, 404, 410:
                guard refreshesLeft > 0 else { throw .urlExpired }
                refreshesLeft -= 1
                self.logger.passthrough(
                    .info, "event=media_url_expired media_id=\(mediaID) status=\(response.status) action=refresh")
            default:
                throw .serverError(status: response.status)
            }
        }
    }

    private func describe(mediaID: String) throws(MediaError) -> Descriptor {
        let response: GraphHTTPResponse
        do {
            response = try self.transport.perform(.get("/\(mediaID)"))
        } catch {
            throw .network(error.description)
        }
        guard (200..<300).contains(response.status) else {
            let error = GraphAPIError.parse(status: response.status, body: response.body)
            switch RetryPolicy.classify(error) {
            case .invalidToken:
                throw .unauthorized(status: response.status)
            case .transient:
                throw .serverError(status: response.status)
            case .permanent, .outsideWindow, .undeliverable:
                if response.status == 401 || response.status == 403 { throw .unauthorized(status: response.status) }
                throw .notFound
            }
        }
        guard let object = GraphJSONReading.object(response.body), let url = object["url"]?.stringValue,
            url.hasPrefix("https://") || url.hasPrefix("http://")
        else {
            throw .serverError(status: response.status)
        }
        return Descriptor(
            url: url, mimeType: object["mime_type"]?.stringValue ?? "application/octet-stream",
            sha256: object["sha256"]?.stringValue, fileSize: object["file_size"]?.integer)
    }

    static func checkDeclared(_ descriptor: Descriptor, limits: MediaLimits) throws(MediaError) {
        if let size = descriptor.fileSize, size > limits.maxBytes {
            throw .tooLarge(size: size, limit: limits.maxBytes)
        }
        let type = descriptor.mimeType.mediaTypeBase
        if !limits.allowedMIMETypes.isEmpty, !limits.allowedMIMETypes.contains(type) {
            throw .wrongType(type)
        }
    }

    static func checkContent(
        _ bytes: [UInt8], descriptor: Descriptor, expectedSHA256: String?, limits: MediaLimits
    ) throws(MediaError) {
        guard bytes.count <= limits.maxBytes else { throw .tooLarge(size: bytes.count, limit: limits.maxBytes) }
        if !limits.requiredSignatures.isEmpty, !limits.requiredSignatures.contains(where: { $0.matches(bytes) }) {
            throw .notPDF
        }
        let digest = SHA256Digest.hash(bytes)
        if let announced = descriptor.sha256, !announced.isEmpty, !Self.matches(digest, announced) {
            throw .hashMismatch
        }
        if let expectedSHA256, !expectedSHA256.isEmpty, !Self.matches(digest, expectedSHA256) {
            throw .hashMismatch
        }
    }

    /// Whether `digest` equals `announced`, given as hex (the media endpoint) or base64 (webhooks).
    static func matches(_ digest: [UInt8], _ announced: String) -> Bool {
        let trimmed = announced.trimming(where: \.isSpaceOrTab)
        if trimmed.utf8.count == 64, trimmed.utf8.allSatisfy({ $0.isHexDigit }) {
            return SHA256Digest.hexString(digest) == trimmed.lowercased()
        }
        guard let decoded = Data(base64Encoded: trimmed) else { return false }
        return Array(decoded) == digest
    }

    private static func isIDByte(_ byte: UInt8) -> Bool {
        byte.isHexDigit || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "-")
    }
}

extension UInt8 {
    fileprivate var isHexDigit: Bool {
        (self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9"))
            || (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "f"))
            || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "F"))
    }
}
