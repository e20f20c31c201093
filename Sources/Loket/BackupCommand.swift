import Foundation
import LoketService

/// `loket backup ARCHIVE` and `loket restore ARCHIVE`: the data directory (`$LOKET_DATA_DIR`) as one
/// archive, written while the service runs, and back.
///
/// The archive holds a consistent database snapshot (SQLite's backup API, one read snapshot while the
/// service keeps writing), every document the snapshot's tickets hold, and a manifest of SHA-256 hashes;
/// see `BackupArchive`. It is written beside `ARCHIVE` and renamed into place, so `ARCHIVE` is either absent
/// or complete. `restore` only fills an empty data directory, and only when every hash matches.
enum BackupCommand {
    static let usage = "backup ARCHIVE           the database and its documents in one archive (safe while running)"
    static let restoreUsage =
        "restore ARCHIVE          unpack a backup into an empty LOKET_DATA_DIR, checking every hash"

    static func run(_ arguments: [String], environment: [String: String]) -> Int32 {
        guard arguments.count == 1, let target = arguments.first, !target.hasPrefix("-") else {
            FileHandle.standardError.write(Data("usage: loket \(Self.usage)\n".utf8))
            return 64
        }
        do {
            let summary = try BackupArchive.write(
                dataDirectory: Self.dataDirectory(environment), to: URL(fileURLWithPath: target))
            print(
                "event=backup_done archive=\(target) database_bytes=\(summary.databaseBytes) "
                    + "documents=\(summary.documents) document_bytes=\(summary.documentBytes)")
            return 0
        } catch {
            FileHandle.standardError.write(Data("loket backup: \(error)\n".utf8))
            return 74
        }
    }

    static func restore(_ arguments: [String], environment: [String: String]) -> Int32 {
        guard arguments.count == 1, let source = arguments.first, !source.hasPrefix("-") else {
            FileHandle.standardError.write(Data("usage: loket \(Self.restoreUsage)\n".utf8))
            return 64
        }
        do {
            let target = Self.dataDirectory(environment)
            let summary = try BackupArchive.restore(URL(fileURLWithPath: source), into: target)
            print(
                "event=restore_done data_dir=\(target.path) database_bytes=\(summary.databaseBytes) "
                    + "documents=\(summary.documents) document_bytes=\(summary.documentBytes)")
            return 0
        } catch {
            FileHandle.standardError.write(Data("loket restore: \(error)\n".utf8))
            return 65
        }
    }

    private static func dataDirectory(_ environment: [String: String]) -> URL {
        URL(fileURLWithPath: environment["LOKET_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "./data")
    }
}
