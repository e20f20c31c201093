import Support

/// The public-service satisfaction index (IKM, PermenPANRB 14/2017) of a set of survey responses.
///
/// Each question is one element (unsur) of the index: NRR = sum of scores ÷ respondents who answered it,
/// weight = 1 ÷ number of elements with at least one answer (an exact fraction: the index is the mean of the
/// NRRs), converted = index × 25, graded by lower bounds of the converted value rounded to two decimals.
public struct SatisfactionIndex: Hashable, Sendable {
    public enum Grade: String, Hashable, Sendable {
        case a = "A"
        case b = "B"
        case c = "C"
        case d = "D"

        /// The regulation's label of the grade.
        public var label: String {
            switch self {
            case .a: "Sangat Baik"
            case .b: "Baik"
            case .c: "Kurang Baik"
            case .d: "Tidak Baik"
            }
        }

        /// The grade of a converted index (25–100), compared after rounding to two decimals.
        public init(converted: Double) {
            let rounded = (converted * 100).rounded() / 100
            if rounded >= 88.31 {
                self = .a
            } else if rounded >= 76.61 {
                self = .b
            } else if rounded >= 65.00 {
                self = .c
            } else {
                self = .d
            }
        }
    }

    public struct Element: Hashable, Sendable {
        public let questionID: String
        public let element: String
        public let respondents: Int
        public let sum: Int
        /// Sum ÷ respondents; 0 when nobody answered.
        public var average: Double { self.respondents == 0 ? 0 : Double(self.sum) / Double(self.respondents) }
    }

    public let elements: [Element]
    /// Distinct responses counted.
    public let respondents: Int
    /// The weighted index on the 1–4 scale; 0 without responses.
    public let index: Double

    /// Converted to 25–100.
    public var converted: Double { self.index * 25 }
    /// `nil` without responses.
    public var grade: Grade? { self.respondents == 0 ? nil : Grade(converted: self.converted) }

    /// Computes the index of `responses` for the questions of `definition`.
    public init(responses: [SurveyResponse], definition: SurveyDefinition) {
        self.init(
            answers: responses.map(\.answers), questions: definition.questions.map { ($0.id, $0.element) })
    }

    /// Computes the index from raw answer maps, one per respondent.
    public init(answers: [[String: Int]], questions: [(id: String, element: String)]) {
        var totals: [String: (respondents: Int, sum: Int)] = [:]
        for answer in answers {
            for (question, value) in answer {
                totals[question, default: (0, 0)].respondents += 1
                totals[question, default: (0, 0)].sum += value
            }
        }
        self.init(totals: totals, respondents: answers.filter { !$0.isEmpty }.count, questions: questions)
    }

    /// Computes the index from each question's respondents and sum of scores, and the count of responses with
    /// at least one answer.
    public init(
        totals: [String: (respondents: Int, sum: Int)], respondents: Int, questions: [(id: String, element: String)]
    ) {
        let elements = questions.map { question in
            Element(
                questionID: question.id, element: question.element, respondents: totals[question.id]?.respondents ?? 0,
                sum: totals[question.id]?.sum ?? 0)
        }
        let answered = elements.filter { $0.respondents > 0 }
        self.elements = elements
        self.respondents = respondents
        self.index = answered.isEmpty ? 0 : answered.map(\.average).reduce(0, +) / Double(answered.count)
    }
}
