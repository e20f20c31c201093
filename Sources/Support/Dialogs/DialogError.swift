/// Why files under `Dialogs/` cannot be used: every problem found, each naming the file, where in it (a JSON
/// path such as `$.menu[2].title.en`, or a line), and what is wrong.
public struct DialogError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Problem: Hashable, Sendable, CustomStringConvertible {
        /// The file, relative to the dialogs directory.
        public var file: String
        /// Where in the file: a JSON path, `line N`, or empty for the whole file.
        public var path: String
        public var problem: String

        public init(file: String, path: String, problem: String) {
            self.file = file
            self.path = path
            self.problem = problem
        }

        public var description: String {
            self.path.isEmpty ? "\(self.file): \(self.problem)" : "\(self.file): \(self.path): \(self.problem)"
        }
    }

    public var problems: [Problem]

    public init(_ problems: [Problem]) {
        self.problems = problems
    }

    public init(file: String, path: String, problem: String) {
        self.problems = [Problem(file: file, path: path, problem: problem)]
    }

    /// One problem per line.
    public var description: String { self.problems.map(\.description).joined(separator: "\n") }
}
