import Foundation

/// Files kept content-addressed under `<dataDirectory>/media/<first two hex digits>/<sha256>`: what providers
/// sent (written by `MediaDownloader`) and what staff send them (written by the staff API, read back by
/// `OutboxSender` to upload it to Meta). A file's name is its hash, never a name someone gave it.
public struct MediaStore: Sendable {
    public let dataDirectory: String

    public init(dataDirectory: String) {
        self.dataDirectory = dataDirectory
    }

    /// The path of `sha256`'s file relative to the data directory, as tickets record it.
    public static func relativePath(of sha256: String) -> String {
        "media/\(sha256.prefix(2))/\(sha256)"
    }

    /// The absolute path of `sha256`'s file.
    public func path(of sha256: String) -> String {
        "\(self.dataDirectory)/\(Self.relativePath(of: sha256))"
    }

    /// The stored bytes of `sha256`, or nil when no such file is kept (never stored, or removed after its
    /// retention or by an erasure).
    public func bytes(of sha256: String) -> [UInt8]? {
        guard sha256.utf8.count == 64, sha256.utf8.allSatisfy(\.isLowerHexDigit) else { return nil }
        return FileManager.default.contents(atPath: self.path(of: sha256)).map(Array.init)
    }

    /// Stores `bytes` under their hash: written to a temporary file beside its final place, flushed and
    /// renamed into place, so a crash never leaves a partial file under a hash. A file already kept is left as
    /// it is; `isNew` says whether this call wrote it.
    public func store(_ bytes: [UInt8], mimeType: String) throws(MediaError) -> (media: StoredMedia, isNew: Bool) {
        let hash = SHA256Digest.hex(bytes)
        let path = self.path(of: hash)
        let directory = (path as NSString).deletingLastPathComponent
        let stored = StoredMedia(sha256: hash, size: bytes.count, mimeType: mimeType, path: path)
        let files = FileManager.default
        if files.fileExists(atPath: path) { return (stored, false) }
        do {
            try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let temporary = "\(directory)/.\(hash).\(UInt32.random(in: 0...UInt32.max)).tmp"
            guard files.createFile(atPath: temporary, contents: Data(bytes)) else {
                throw MediaError.storage("cannot create \(temporary)")
            }
            if let handle = FileHandle(forWritingAtPath: temporary) {
                try handle.synchronize()
                try handle.close()
            }
            guard rename(temporary, path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? files.removeItem(atPath: temporary)
                throw MediaError.storage("cannot rename into \(path): \(reason)")
            }
        } catch let error as MediaError {
            throw error
        } catch {
            throw .storage("\(error)")
        }
        return (stored, true)
    }
}

extension UInt8 {
    fileprivate var isLowerHexDigit: Bool {
        (self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9"))
            || (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "f"))
    }
}
