/// Problems found in the dialog files, each naming the file, the JSON path and what is wrong.
public struct DialogCatalogueError: Error, Equatable, CustomStringConvertible {
    public let problems: [String]

    private init(problems: [String]) {
        self.problems = problems
    }

    static func problems(_ problems: [String]) -> DialogCatalogueError {
        DialogCatalogueError(problems: problems)
    }

    public var description: String { problems.joined(separator: "\n") }
}
