import Foundation
import Support
import Ticketing

extension SurveyDefinition {
    /// The chat's view of the survey that Ticketing loaded and validated from `Dialogs/survey.json`,
    /// checked against what a WhatsApp list can show (answer labels become list rows of ≤ 24 characters).
    public init(_ definition: Ticketing.SurveyDefinition, file: String = "survey.json") throws(DialogCatalogueError) {
        var problems: [String] = []
        let scale = definition.scale.enumerated().map { index, point in
            for (language, text) in [("id", point.text.indonesian), ("en", point.text.english)] where text.count > 24 {
                problems.append(
                    "\(file): $.scale[\(index)].text.\(language): longer than 24 characters (\(text.count))")
            }
            return ScaleOption(value: point.value, text: point.text)
        }
        guard problems.isEmpty else { throw .problems(problems) }
        self.init(
            version: definition.version, scale: scale,
            questions: definition.sections.flatMap { section in
                section.questions.map {
                    Question(id: $0.id, sectionTitle: section.title, text: $0.text)
                }
            },
            commentRequiredAtOrBelow: definition.commentRequiredAtOrBelow)
    }

    /// Loads `survey.json` with Ticketing's loader and takes the chat's view of it.
    public static func parse(_ data: Data, file: String = "survey.json") throws(DialogCatalogueError)
        -> SurveyDefinition
    {
        let definition: Ticketing.SurveyDefinition
        do {
            definition = try Ticketing.SurveyDefinition.parse(data, file: file)
        } catch {
            throw .problems(["\(error)"])
        }
        return try SurveyDefinition(definition, file: file)
    }
}
