import Foundation

extension SurveyDefinition {
    /// Loads and validates `Dialogs/survey.json` (owned by Ticketing; read here as plain values).
    public static func parse(_ data: Data, file: String = "survey.json") throws(DialogCatalogueError)
        -> SurveyDefinition
    {
        let log = JSONCursorLog()
        let root: JSONCursor
        do {
            root = JSONCursor(file: file, path: "$", value: try JSONSerialization.jsonObject(with: data), log: log)
        } catch {
            throw .problems(["\(file): not valid JSON (\(error.localizedDescription))"])
        }
        let version = root.int("version") ?? 0
        let scale: [ScaleOption] = root.array("scale").compactMap { node in
            guard let value = node.int("value"), let text = node.localized("text", maxLength: 24) else { return nil }
            return ScaleOption(value: value, text: text)
        }
        if scale.count != 4 { root.child("scale").problem("expected 4 answers, found \(scale.count)") }
        var questions: [Question] = []
        for section in root.array("sections") {
            guard let title = section.localized("title", maxLength: 200) else { continue }
            for node in section.array("questions") {
                guard let id = node.string("id"), let text = node.localized("text", maxLength: 900) else { continue }
                questions.append(Question(id: id, sectionTitle: title, text: text))
            }
        }
        JSONCursor.checkUnique(questions.map { ($0.id, root.child("sections")) })
        if questions.isEmpty { root.child("sections").problem("the survey needs at least one question") }
        let threshold = root.int("commentRequiredAtOrBelow") ?? 0
        guard log.problems.isEmpty else { throw .problems(log.problems) }
        return SurveyDefinition(
            version: version, scale: scale, questions: questions, commentRequiredAtOrBelow: threshold)
    }
}
