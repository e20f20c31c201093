import Foundation

/// The published Graph API samples in `shared/whatsapp/samples`, found beside the repository or up to three
/// folders further up.
enum MetaSamples {
    static let folder: URL = {
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var folder = repository.deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("shared/whatsapp/samples")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return repository.appendingPathComponent("../shared/whatsapp/samples").standardized
    }()

    static func text(_ name: String) throws -> String {
        try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
    }
}
