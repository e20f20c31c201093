import Foundation
import Storage
import Support
import WhatsAppOutbox

/// One file holding a Loket data directory as it was at one instant: a consistent database snapshot and
/// every stored document the snapshot's tickets still hold, with a manifest of their SHA-256 hashes.
///
/// The archive is a POSIX tar (ustar) file, so an office can also list or unpack it with `tar`:
/// `loket.sqlite`, `media/<xx>/<sha256>` per document, and `manifest.json` last. `restore` accepts it only into
/// an empty data directory, and only when every hash matches.
public enum BackupArchive {
    public struct Summary: Equatable, Sendable {
        public var databaseBytes: Int
        public var documents: Int
        public var documentBytes: Int
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String

        init(_ description: String) {
            self.description = description
        }
    }

    /// Writes the archive of `dataDirectory` to `archive` (which must not exist), while the service may run.
    public static func write(dataDirectory: URL, to archive: URL) throws -> Summary {
        let manager = FileManager.default
        let source = dataDirectory.appendingPathComponent("loket.sqlite").path
        guard manager.fileExists(atPath: source) else {
            throw Failure("no database at \(source): check LOKET_DATA_DIR")
        }
        guard !manager.fileExists(atPath: archive.path) else {
            throw Failure("\(archive.path) already exists: choose a new file name")
        }
        let work = manager.temporaryDirectory.appendingPathComponent("loket-backup-\(UUID().uuidString)")
        try manager.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? manager.removeItem(at: work) }

        // One read snapshot copied whole: the service keeps writing meanwhile.
        let snapshot = work.appendingPathComponent("loket.sqlite")
        try Database(path: source).backup(to: snapshot.path, pagesPerStep: -1)
        let documents = try Self.heldDocuments(inSnapshot: snapshot.path)

        // Every file is streamed into the archive with its hash; the manifest, written last, lists them.
        let partial = URL(fileURLWithPath: archive.path + ".partial-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            let writer = try Tar.Writer(creating: partial)
            let database = try writer.addFile(name: "loket.sqlite", from: snapshot)
            var manifestDocuments: [JSONValue] = []
            var documentBytes = 0
            for (sha256, path) in documents {
                let url = dataDirectory.appendingPathComponent(path)
                guard manager.isReadableFile(atPath: url.path) else {
                    throw Failure("a ticket holds \(path), but it cannot be read from \(dataDirectory.path)")
                }
                let copied = try writer.addFile(name: path, from: url)
                guard copied.sha256 == sha256 else {
                    throw Failure("\(path) does not match its recorded SHA-256: the stored document is damaged")
                }
                manifestDocuments.append(
                    .object([("path", .string(path)), ("sha256", .string(sha256)), ("bytes", .int(copied.bytes))]))
                documentBytes += copied.bytes
            }
            let manifest = JSONValue.object([
                ("format", .string("loket-backup")), ("version", .int(1)),
                ("created_at", .string(JakartaTime.iso8601(Date()))),
                (
                    "database",
                    .object([
                        ("path", .string("loket.sqlite")), ("sha256", .string(database.sha256)),
                        ("bytes", .int(database.bytes)),
                    ])
                ),
                ("documents", .array(manifestDocuments)),
            ])
            try writer.add(name: "manifest.json", bytes: Array(manifest.spacedSerialization.utf8))
            try writer.finish()
            try manager.moveItem(at: partial, to: archive)
            return Summary(databaseBytes: database.bytes, documents: documents.count, documentBytes: documentBytes)
        } catch {
            try? manager.removeItem(at: partial)
            throw error
        }
    }

    /// Unpacks `archive` into `dataDirectory`, which must be empty or absent, after checking every hash in
    /// the manifest; nothing is left in `dataDirectory` when one does not match.
    public static func restore(_ archive: URL, into dataDirectory: URL) throws -> Summary {
        let manager = FileManager.default
        if let existing = try? manager.contentsOfDirectory(atPath: dataDirectory.path), !existing.isEmpty {
            throw Failure("\(dataDirectory.path) is not empty: restore into a new, empty data directory")
        }
        guard var reader = try? Tar.Reader(reading: archive) else { throw Failure("cannot read \(archive.path)") }
        defer { reader.close() }
        let staging = dataDirectory.deletingLastPathComponent()
            .appendingPathComponent(".\(dataDirectory.lastPathComponent).restoring-\(UUID().uuidString)")
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            // Each entry is streamed to the staging directory with its hash; the manifest is read last.
            var found: [String: (sha256: String, bytes: Int)] = [:]
            var manifestBytes: [UInt8]?
            while let entry = try reader.next() {
                if entry.name == "manifest.json" {
                    manifestBytes = try reader.copy(size: entry.size, to: nil).bytes
                    continue
                }
                guard Self.isSafe(entry.name) else { throw Failure("the archive names an unsafe path: \(entry.name)") }
                let url = staging.appendingPathComponent(entry.name)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                found[entry.name] = (try reader.copy(size: entry.size, to: url).sha256, entry.size)
            }
            guard let manifestBytes, let manifest = try? JSONReader.parse(manifestBytes),
                manifest["format"]?.stringValue == "loket-backup"
            else { throw Failure("\(archive.path) is not a Loket backup (no manifest.json)") }

            var expected: [(path: String, sha256: String)] = []
            if let database = manifest["database"], let path = database["path"]?.stringValue,
                let hash = database["sha256"]?.stringValue
            {
                expected.append((path, hash))
            }
            for document in manifest["documents"]?.elements ?? [] {
                guard let path = document["path"]?.stringValue, let hash = document["sha256"]?.stringValue else {
                    throw Failure("the manifest lists a document without path or hash")
                }
                expected.append((path, hash))
            }
            guard expected.first?.path == "loket.sqlite" else { throw Failure("the manifest names no database") }
            for (path, hash) in expected {
                guard let file = found[path] else { throw Failure("\(path) is listed in the manifest but missing") }
                guard file.sha256 == hash else {
                    throw Failure("\(path) does not match its SHA-256 in the manifest: the archive is damaged")
                }
            }
            // Only what the manifest vouches for is kept.
            let listed = Set(expected.map(\.path))
            for path in found.keys where !listed.contains(path) {
                try manager.removeItem(at: staging.appendingPathComponent(path))
            }
            if manager.fileExists(atPath: dataDirectory.path) { try manager.removeItem(at: dataDirectory) }
            try manager.moveItem(at: staging, to: dataDirectory)
            let documents = expected.dropFirst()
            return Summary(
                databaseBytes: found["loket.sqlite"]?.bytes ?? 0, documents: documents.count,
                documentBytes: documents.reduce(0) { $0 + (found[$1.path]?.bytes ?? 0) })
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
    }

    /// The documents tickets still hold in the snapshot (not purged by retention), by hash and stored path.
    static func heldDocuments(inSnapshot path: String) throws -> [(sha256: String, path: String)] {
        let database = try Database(path: path, readOnly: true)
        let hasTable =
            try database.queryFirst(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'ticket_attachments'",
                row: { $0.int(0) }) == 1
        guard hasTable else { return [] }
        return try database.query(
            """
            SELECT sha256, min(storage_path) FROM ticket_attachments WHERE purged_at IS NULL
            GROUP BY sha256 ORDER BY sha256
            """
        ) { ($0.string(0), $0.string(1)) }
        .filter { Self.isSafe($0.1) }
    }

    /// A relative path inside the data directory, without `..`.
    static func isSafe(_ path: String) -> Bool {
        !path.hasPrefix("/") && !path.split(separator: "/").contains("..") && !path.isEmpty
    }
}
