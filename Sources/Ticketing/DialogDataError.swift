/// A data file under `Dialogs/` that cannot be used, naming the file and the path inside it.
public struct DialogDataError: Error, Hashable, Sendable, CustomStringConvertible {
    public let file: String
    public let path: String
    public let problem: String

    public init(file: String, path: String, problem: String) {
        self.file = file
        self.path = path
        self.problem = problem
    }

    public var description: String { "\(self.file): \(self.path): \(self.problem)" }
}
