import Support

/// The canned answers staff pick in the console's reply box, from `Dialogs/console/canned.json`.
public struct CannedAnswers: Sendable, DialogFile {
    public static let defaultFileName = "console/canned.json"

    public struct Answer: Sendable {
        public let id: String
        public let title: LocalizedText
        public let text: LocalizedText
    }

    public let answers: [Answer]

    public init(answers: [Answer]) {
        self.answers = answers
    }

    /// Reads the file; nil when it has problems, which `reader` then holds.
    public static func read(from reader: DialogReader, file: String) -> CannedAnswers? {
        let root = reader.json(file)
        guard root.isPresent else { return nil }
        let before = reader.problems.count
        if root.child("version").value?.integer != 1 { root.child("version").problem("must be 1") }
        var answers: [Answer] = []
        var ids: [(String, DialogCursor)] = []
        for item in root.array("answers") {
            guard let id = item.string("id", maxLength: 64), let title = item.localized("title", maxLength: 60),
                let text = item.localized("text", maxLength: 4000)
            else { continue }
            ids.append((id, item.child("id")))
            answers.append(Answer(id: id, title: title, text: text))
        }
        DialogCursor.checkUnique(ids)
        guard reader.problems.count == before else { return nil }
        return CannedAnswers(answers: answers)
    }
}
