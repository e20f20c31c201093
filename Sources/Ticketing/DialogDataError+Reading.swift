import Foundation

extension DialogDataError {
    /// The contents of a dialogs file; an unreadable file is an error naming it.
    static func contents(of url: URL) throws -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw DialogDataError(file: url.lastPathComponent, path: "$", problem: "cannot read the file (\(error))")
        }
    }
}
