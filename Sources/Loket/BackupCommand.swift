import Foundation
import Storage

/// `loket backup PATH`: an online copy of `$LOKET_DATA_DIR/loket.sqlite`, safe while the service runs.
///
/// Uses SQLite's backup API from a separate connection and copies every page in one step: in WAL mode that
/// holds one read snapshot while the service keeps writing (a step-by-step copy would restart each time another
/// connection writes, and might never finish under load). Writes to a temporary file beside `PATH` and renames
/// it into place, so `PATH` is either absent or a complete copy.
enum BackupCommand {
    static let usage = "backup PATH              online copy of the database to PATH (safe while running)"

    static func run(_ arguments: [String], environment: [String: String]) -> Int32 {
        guard arguments.count == 1, let target = arguments.first, !target.hasPrefix("-") else {
            FileHandle.standardError.write(Data("usage: loket \(Self.usage)\n".utf8))
            return 64
        }
        let dataDirectory = environment["LOKET_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "./data"
        let source = URL(fileURLWithPath: dataDirectory).appendingPathComponent("loket.sqlite").path
        let manager = FileManager.default
        guard manager.fileExists(atPath: source) else {
            Self.fail("no database at \(source): check LOKET_DATA_DIR")
            return 66
        }
        guard !manager.fileExists(atPath: target) else {
            Self.fail("\(target) already exists: choose a new file name")
            return 73
        }
        let temporary = target + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        do {
            let database = try Database(path: source)
            try database.backup(to: temporary, pagesPerStep: -1)
            try manager.moveItem(atPath: temporary, toPath: target)
        } catch {
            try? manager.removeItem(atPath: temporary)
            Self.fail("backup of \(source) to \(target) failed: \(error)")
            return 74
        }
        let size = (try? manager.attributesOfItem(atPath: target)[.size] as? Int) ?? 0
        print("event=backup_done source=\(source) target=\(target) bytes=\(size)")
        return 0
    }

    private static func fail(_ message: String) {
        FileHandle.standardError.write(Data("loket backup: \(message)\n".utf8))
    }
}
