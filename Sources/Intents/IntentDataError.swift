/// Why the intent data under `Dialogs/intents/` could not be loaded, naming the file and line at fault.
public struct IntentDataError: Error, Equatable, CustomStringConvertible {
    private enum Kind: Equatable {
        case unreadable(file: String, reason: String)
        case malformedLine(file: String, line: Int, reason: String)
        case unknownIntent(file: String, line: Int, label: String)
        case conflictingExample(file: String, line: Int, other: String)
        case tooFewExamples(intent: String, count: Int, minimum: Int)
    }

    private let kind: Kind

    private init(_ kind: Kind) {
        self.kind = kind
    }

    /// A file that is missing or not UTF-8.
    public static func unreadable(file: String, reason: String) -> Self {
        Self(.unreadable(file: file, reason: reason))
    }

    /// A line that does not follow its file's format.
    public static func malformedLine(file: String, line: Int, reason: String) -> Self {
        Self(.malformedLine(file: file, line: line, reason: reason))
    }

    /// A label that is not one of `Intent`'s raw values.
    public static func unknownIntent(file: String, line: Int, label: String) -> Self {
        Self(.unknownIntent(file: file, line: line, label: label))
    }

    /// A training example that normalises to the same text as one labelled differently at `other`.
    public static func conflictingExample(file: String, line: Int, other: String) -> Self {
        Self(.conflictingExample(file: file, line: line, other: other))
    }

    /// An intent with too few training examples to learn from.
    public static func tooFewExamples(intent: String, count: Int, minimum: Int) -> Self {
        Self(.tooFewExamples(intent: intent, count: count, minimum: minimum))
    }

    public var description: String {
        switch self.kind {
        case .unreadable(let file, let reason):
            return "\(file): cannot read (\(reason)); restore the file or point LOKET_DIALOGS at the Dialogs folder"
        case .malformedLine(let file, let line, let reason):
            return "\(file):\(line): \(reason)"
        case .unknownIntent(let file, let line, let label):
            let known = Intent.allCases.map(\.rawValue).joined(separator: ", ")
            return "\(file):\(line): unknown intent '\(label)'; use one of \(known)"
        case .conflictingExample(let file, let line, let other):
            return "\(file):\(line): the same text (after normalising) is labelled differently at \(other); keep one"
        case .tooFewExamples(let intent, let count, let minimum):
            return "examples/\(intent).txt: \(count) examples, at least \(minimum) are needed"
        }
    }
}
