import Foundation
import Support

/// The satisfaction survey from `Dialogs/survey.json`: the 4-point scale, sections of questions mapped to the
/// elements of PermenPANRB 14/2017, and the comment rule.
public struct SurveyDefinition: Hashable, Sendable {
    public struct ScalePoint: Hashable, Sendable {
        public let value: Int
        public let text: LocalizedText
    }

    public struct Question: Hashable, Sendable {
        public let id: String
        /// The element (unsur) of the regulation the question measures.
        public let element: String
        public let text: LocalizedText
    }

    public struct Section: Hashable, Sendable {
        public let id: String
        public let title: LocalizedText
        public let questions: [Question]
    }

    public let version: Int
    public let scale: [ScalePoint]
    public let sections: [Section]
    /// A comment is required when any answer is at or below this value.
    public let commentRequiredAtOrBelow: Int

    /// Every question in order.
    public var questions: [Question] { self.sections.flatMap(\.questions) }

    public static func load(contentsOf url: URL) throws -> SurveyDefinition {
        try Self.parse(DialogDataError.contents(of: url), file: url.lastPathComponent)
    }

    /// Parses and validates `survey.json`; errors name `file` and the JSON path.
    public static func parse(_ data: Data, file: String = "survey.json") throws -> SurveyDefinition {
        func fail(_ path: String, _ problem: String) -> DialogDataError {
            DialogDataError(file: file, path: path, problem: problem)
        }
        func text(_ value: Any?, _ path: String) throws -> LocalizedText {
            guard let object = value as? [String: Any] else {
                throw fail(path, "must be an object {\"id\":…,\"en\":…}")
            }
            guard let indonesian = object["id"] as? String, !indonesian.isEmpty else {
                throw fail("\(path).id", "the Indonesian text is missing")
            }
            guard let english = object["en"] as? String, !english.isEmpty else {
                throw fail("\(path).en", "the English text is missing")
            }
            return LocalizedText(id: indonesian, en: english)
        }
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw fail("$", "not a JSON object")
        }
        guard let version = root["version"] as? Int, version == 1 else { throw fail("$.version", "must be 1") }
        guard let scaleItems = root["scale"] as? [[String: Any]] else { throw fail("$.scale", "must be an array") }
        var scale: [ScalePoint] = []
        for (index, item) in scaleItems.enumerated() {
            guard let value = item["value"] as? Int, value == index + 1 else {
                throw fail("$.scale[\(index)].value", "must be \(index + 1)")
            }
            scale.append(ScalePoint(value: value, text: try text(item["text"], "$.scale[\(index)].text")))
        }
        guard scale.count == 4 else { throw fail("$.scale", "must have the 4 points 1–4, found \(scale.count)") }
        guard let sectionItems = root["sections"] as? [[String: Any]], !sectionItems.isEmpty else {
            throw fail("$.sections", "must be a non-empty array")
        }
        var sections: [Section] = []
        var questionIDs: Set<String> = []
        for (sectionIndex, item) in sectionItems.enumerated() {
            let path = "$.sections[\(sectionIndex)]"
            guard let id = item["id"] as? String, !id.isEmpty else { throw fail("\(path).id", "must be a string") }
            let title = try text(item["title"], "\(path).title")
            guard let questionItems = item["questions"] as? [[String: Any]], !questionItems.isEmpty else {
                throw fail("\(path).questions", "must be a non-empty array")
            }
            var questions: [Question] = []
            for (questionIndex, question) in questionItems.enumerated() {
                let questionPath = "\(path).questions[\(questionIndex)]"
                guard let questionID = question["id"] as? String, !questionID.isEmpty else {
                    throw fail("\(questionPath).id", "must be a string")
                }
                guard questionIDs.insert(questionID).inserted else {
                    throw fail("\(questionPath).id", "\"\(questionID)\" appears twice")
                }
                guard let element = question["element"] as? String, !element.isEmpty else {
                    throw fail("\(questionPath).element", "must name the element of PermenPANRB 14/2017")
                }
                questions.append(
                    Question(id: questionID, element: element, text: try text(question["text"], "\(questionPath).text"))
                )
            }
            sections.append(Section(id: id, title: title, questions: questions))
        }
        guard let threshold = root["commentRequiredAtOrBelow"] as? Int, (0...4).contains(threshold) else {
            throw fail("$.commentRequiredAtOrBelow", "must be a number from 0 to 4")
        }
        return SurveyDefinition(version: version, scale: scale, sections: sections, commentRequiredAtOrBelow: threshold)
    }

    /// Checks a response against the definition: known questions, answers 1–4, at least one answer, and a
    /// comment when any answer is at or below the threshold.
    public func validate(_ response: SurveyResponse) throws(TicketError) {
        let known = Set(self.questions.map(\.id))
        guard !response.answers.isEmpty else { throw TicketError.invalidSurvey("no question was answered") }
        for (question, value) in response.answers.sorted(by: { $0.key < $1.key }) {
            guard known.contains(question) else { throw TicketError.invalidSurvey("unknown question \(question)") }
            guard (1...4).contains(value) else {
                throw TicketError.invalidSurvey("answer \(value) to \(question) is not on the scale 1–4")
            }
        }
        if response.answers.values.contains(where: { $0 <= self.commentRequiredAtOrBelow }) {
            let comment = response.comment?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard !comment.isEmpty else {
                throw TicketError.invalidSurvey(
                    "a comment is required when an answer is \(self.commentRequiredAtOrBelow) or lower")
            }
        }
    }
}
