import Foundation
import Support
import Synchronization
import Testing

@testable import WhatsAppOutbox

/// Forwards to the stand-in, expiring its media URLs just before the first byte download.
private final class ExpiringTransport: GraphTransport {
    private let standIn: GraphAPIStandIn
    private let next: any GraphTransport
    private let expirations: Mutex<Int>

    init(standIn: GraphAPIStandIn, expirations: Int) {
        self.standIn = standIn
        self.next = LocalGraphTransport(responder: standIn, accessToken: "token")
        self.expirations = Mutex(expirations)
    }

    func perform(_ request: GraphHTTPRequest) throws(GraphTransportError) -> GraphHTTPResponse {
        if request.url.contains("/media-bytes/") {
            let expire = self.expirations.withLock { count -> Bool in
                defer { count = max(0, count - 1) }
                return count > 0
            }
            if expire { self.standIn.expireMediaURLs() }
        }
        return try self.next.perform(request)
    }
}

struct MediaDownloaderTests {
    private let standIn = GraphAPIStandIn(
        configuration: .init(accessToken: "token", publicBaseURL: "https://lookaside.test"))
    private let directory: String
    private let pdf = Array("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".utf8)

    init() {
        self.directory =
            FileManager.default.temporaryDirectory.appendingPathComponent("media-\(UUID().uuidString)").path
    }

    private func downloader(transport: (any GraphTransport)? = nil) -> MediaDownloader {
        MediaDownloader(
            configuration: .init(dataDirectory: self.directory),
            transport: transport ?? LocalGraphTransport(responder: self.standIn, accessToken: "token"))
    }

    private func refusal(_ mediaID: String, expectedSHA256: String? = nil, limits: MediaLimits = .verificationDocument)
        -> MediaError?
    {
        defer { try? FileManager.default.removeItem(atPath: self.directory) }
        do {
            _ = try self.downloader().fetch(mediaID: mediaID, expectedSHA256: expectedSHA256, limits: limits)
            return nil
        } catch let error as MediaError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test func pdfIsStoredContentAddressed() throws {
        defer { try? FileManager.default.removeItem(atPath: self.directory) }
        self.standIn.addMedia(id: "1001", bytes: self.pdf, mimeType: "application/pdf")
        let stored = try self.downloader().fetch(mediaID: "1001", expectedSHA256: nil, limits: .verificationDocument)
        let hash = SHA256Digest.hex(self.pdf)
        #expect(
            stored
                == StoredMedia(
                    sha256: hash, size: self.pdf.count, mimeType: "application/pdf",
                    path: "\(self.directory)/media/\(hash.prefix(2))/\(hash)"))
        #expect(FileManager.default.contents(atPath: stored.path) == Data(self.pdf))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: "\(self.directory)/media/\(hash.prefix(2))")
        #expect(leftovers == [hash])
    }

    @Test func bothRequestsCarryTheBearerToken() throws {
        defer { try? FileManager.default.removeItem(atPath: self.directory) }
        self.standIn.addMedia(id: "1001", bytes: self.pdf, mimeType: "application/pdf")
        _ = try self.downloader().fetch(mediaID: "1001", expectedSHA256: nil, limits: .verificationDocument)
        #expect(self.standIn.calls.map(\.status) == [200, 200])
        #expect(self.standIn.calls.map(\.path) == ["/1001", "/media-bytes/1001"])
    }

    @Test func matchingWebhookHashInBase64IsAccepted() throws {
        defer { try? FileManager.default.removeItem(atPath: self.directory) }
        self.standIn.addMedia(id: "1001", bytes: self.pdf, mimeType: "application/pdf")
        let base64 = Data(SHA256Digest.hash(self.pdf)).base64EncodedString()
        let stored = try self.downloader().fetch(mediaID: "1001", expectedSHA256: base64, limits: .verificationDocument)
        #expect(stored.size == self.pdf.count)
    }

    @Test func declaredSizeOverTheLimitIsRefusedBeforeDownloading() {
        self.standIn.addMedia(id: "1001", bytes: self.pdf, mimeType: "application/pdf", declaredSize: 5_000_000)
        #expect(self.refusal("1001") == .tooLarge(size: 5_000_000, limit: 4 * 1024 * 1024))
        #expect(self.standIn.calls.count == 1)
    }

    @Test func actualBytesOverTheLimitAreRefused() {
        self.standIn.addMedia(id: "1001", bytes: self.pdf, mimeType: "application/pdf", declaredSize: 10)
        let limits = MediaLimits(
            maxBytes: 20, allowedMIMETypes: ["application/pdf"], requiredPrefix: Array("%PDF-".utf8))
        #expect(self.refusal("1001", limits: limits) == .tooLarge(size: self.pdf.count, limit: 20))
    }

    @Test func wrongTypeIsRefused() {
        self.standIn.addMedia(id: "1001", bytes: [0xFF, 0xD8, 0xFF], mimeType: "image/jpeg")
        #expect(self.refusal("1001") == .wrongType("image/jpeg"))
        #expect(self.refusal("1001")?.isPermanent == true)
    }

    @Test func contentThatIsNotAPDFIsRefused() {
        self.standIn.addMedia(id: "1001", bytes: Array("<html>bukan pdf</html>".utf8), mimeType: "application/pdf")
        #expect(self.refusal("1001") == .notPDF)
    }

    /// Screenshots for a ticket: JPEG or PNG by their first bytes, whatever the declared type says.
    @Test func contentIsCheckedAgainstEveryAcceptedSignature() {
        let limits = MediaLimits(
            maxBytes: 1_000, allowedMIMETypes: ["image/jpeg", "image/png"],
            requiredSignatures: [
                ByteSignature([0xFF, 0xD8, 0xFF]), ByteSignature([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
            ])
        self.standIn.addMedia(
            id: "png", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2], mimeType: "image/png")
        #expect(self.refusal("png", limits: limits) == nil)
        self.standIn.addMedia(id: "fake", bytes: Array("%PDF-1.4".utf8), mimeType: "image/jpeg")
        #expect(self.refusal("fake", limits: limits) == .notPDF, "a PDF named as a photo is refused by its content")
    }

    /// A video (MP4, 3GP) is told by its `ftyp` box after four bytes of size, not by its first bytes.
    @Test func aVideoIsCheckedByTheTypeOfItsFirstBox() {
        let limits = MediaLimits(
            maxBytes: 1_000, allowedMIMETypes: ["video/mp4"],
            requiredSignatures: [ByteSignature(Array("ftyp".utf8), at: 4)])
        self.standIn.addMedia(
            id: "mp4", bytes: [0, 0, 0, 0x18] + Array("ftypmp42".utf8) + [UInt8](repeating: 0, count: 40),
            mimeType: "video/mp4")
        #expect(self.refusal("mp4", limits: limits) == nil)
        self.standIn.addMedia(id: "html", bytes: Array("<html>ftyp</html>".utf8), mimeType: "video/mp4")
        #expect(self.refusal("html", limits: limits) == .notPDF, "a page named as a video is refused by its content")
    }

    @Test func hashDifferentFromTheDescriptorIsRefused() {
        self.standIn.addMedia(
            id: "1001", bytes: self.pdf, mimeType: "application/pdf", declaredSHA256: String(repeating: "ab", count: 32)
        )
        #expect(self.refusal("1001") == .hashMismatch)
    }

    @Test func hashDifferentFromTheWebhookIsRefused() {
        self.standIn.addMedia(id: "1001", bytes: self.pdf, mimeType: "application/pdf")
        let other = Data(SHA256Digest.hash(Array("lain".utf8))).base64EncodedString()
        #expect(self.refusal("1001", expectedSHA256: other) == .hashMismatch)
    }

    @Test func unknownMediaIsNotFound() {
        #expect(self.refusal("9999") == .notFound)
        #expect(MediaError.notFound.isPermanent)
    }

    @Test func mediaIDThatIsNotAnIDIsNeverRequested() {
        #expect(self.refusal("../etc/passwd") == .notFound)
        #expect(self.standIn.calls.isEmpty)
    }

    @Test func expiredURLIsRequestedAgain() throws {
        defer { try? FileManager.default.removeItem(atPath: self.directory) }
        self.standIn.addMedia(id: "1001", bytes: self.pdf, mimeType: "application/pdf")
        let transport = ExpiringTransport(standIn: self.standIn, expirations: 1)
        let stored = try self.downloader(transport: transport).fetch(
            mediaID: "1001", expectedSHA256: nil, limits: .verificationDocument)
        #expect(stored.size == self.pdf.count)
        #expect(self.standIn.calls.map(\.status) == [200, 404, 200, 200])
    }

    @Test func urlThatKeepsExpiringIsATransientFailure() {
        defer { try? FileManager.default.removeItem(atPath: self.directory) }
        self.standIn.addMedia(id: "1001", bytes: self.pdf, mimeType: "application/pdf")
        let transport = ExpiringTransport(standIn: self.standIn, expirations: 10)
        #expect(throws: MediaError.urlExpired) {
            _ = try self.downloader(transport: transport).fetch(
                mediaID: "1001", expectedSHA256: nil, limits: .verificationDocument)
        }
        #expect(!MediaError.urlExpired.isPermanent)
    }

    @Test func serverErrorIsTransientAndALaterRetrySucceeds() throws {
        defer { try? FileManager.default.removeItem(atPath: self.directory) }
        self.standIn.addMedia(id: "1001", bytes: self.pdf, mimeType: "application/pdf")
        self.standIn.failNext(1, with: .httpStatus(503))
        let downloader = self.downloader()
        #expect(throws: MediaError.serverError(status: 503)) {
            _ = try downloader.fetch(mediaID: "1001", expectedSHA256: nil, limits: .verificationDocument)
        }
        #expect(!MediaError.serverError(status: 503).isPermanent)
        let stored = try downloader.fetch(mediaID: "1001", expectedSHA256: nil, limits: .verificationDocument)
        #expect(FileManager.default.fileExists(atPath: stored.path))
    }

    @Test func downloadsAreCountedByResult() throws {
        defer { try? FileManager.default.removeItem(atPath: self.directory) }
        let results = Mutex<[String]>([])
        self.standIn.addMedia(id: "1001", bytes: self.pdf, mimeType: "application/pdf")
        self.standIn.addMedia(id: "1002", bytes: [1, 2, 3], mimeType: "image/png")
        let downloader = MediaDownloader(
            configuration: .init(dataDirectory: self.directory),
            transport: LocalGraphTransport(responder: self.standIn, accessToken: "token"),
            metrics: MediaMetrics { result in results.withLock { $0.append(result) } })
        _ = try downloader.fetch(mediaID: "1001", expectedSHA256: nil, limits: .verificationDocument)
        _ = try? downloader.fetch(mediaID: "1002", expectedSHA256: nil, limits: .verificationDocument)
        #expect(results.withLock { $0 } == ["stored", "wrong_type"])
    }

    /// A provider's wrong file is an ordinary event; a download lost to Meta or the network is one an office
    /// logging warnings only still sees.
    @Test func aFailureOfTheServiceIsAWarningAndAProvidersWrongFileIsNot() throws {
        defer { try? FileManager.default.removeItem(atPath: self.directory) }
        let lines = Mutex<[String]>([])
        self.standIn.addMedia(id: "1001", bytes: self.pdf, mimeType: "application/pdf")
        self.standIn.addMedia(id: "1002", bytes: [1, 2, 3], mimeType: "image/png")
        self.standIn.failNext(1, with: .httpStatus(503))
        let downloader = MediaDownloader(
            configuration: .init(dataDirectory: self.directory),
            transport: LocalGraphTransport(responder: self.standIn, accessToken: "token"),
            logger: Logger(minimumLevel: .warning) { line in lines.withLock { $0.append(line) } })
        _ = try? downloader.fetch(mediaID: "1001", expectedSHA256: nil, limits: .verificationDocument)
        _ = try? downloader.fetch(mediaID: "1002", expectedSHA256: nil, limits: .verificationDocument)
        _ = try downloader.fetch(mediaID: "1001", expectedSHA256: nil, limits: .verificationDocument)
        let written = lines.withLock { $0 }
        #expect(written.count == 1)
        #expect(written.first?.contains(" level=warning event=media_download result=transient media_id=1001 ") == true)
    }

    @Test func mediaURLSampleDescriptorIsRead() throws {
        let sample = try MetaSamples.text("out-resp-media-url.metadocs.json")
        let object = try #require(GraphJSONReading.object(Array(sample.utf8)))
        #expect(object["file_size"]?.integer == 303_833)
        #expect(object["mime_type"]?.stringValue == "image/jpeg")
    }
}
