import Support

/// The problems of the line-based intent files under `Dialogs/intents/`, placed by line.
extension DialogError {
    /// A file that is missing or not UTF-8.
    public static func unreadable(file: String, reason: String) -> Self {
        Self(
            file: file, path: "",
            problem: "cannot read (\(reason)); restore the file or point LOKET_DIALOGS at the Dialogs folder")
    }

    /// A line that does not follow its file's format.
    public static func malformedLine(file: String, line: Int, reason: String) -> Self {
        Self(file: file, path: "line \(line)", problem: reason)
    }

    /// A label that is not one of `Intent`'s raw values.
    public static func unknownIntent(file: String, line: Int, label: String) -> Self {
        let known = Intent.allCases.map(\.rawValue).joined(separator: ", ")
        return Self(
            file: file, path: line > 0 ? "line \(line)" : "", problem: "unknown intent '\(label)'; use one of \(known)")
    }

    /// A training example that normalises to the same text as one labelled differently at `other`.
    public static func conflictingExample(file: String, line: Int, other: String) -> Self {
        Self(
            file: file, path: "line \(line)",
            problem: "the same text (after normalising) is labelled differently at \(other); keep one")
    }

    /// An intent with too few training examples to learn from.
    public static func tooFewExamples(intent: String, count: Int, minimum: Int) -> Self {
        Self(file: "examples/\(intent).txt", path: "", problem: "\(count) examples, at least \(minimum) are needed")
    }
}
