import Foundation
import Support
import Testing

@testable import Ticketing

struct SatisfactionSurveyTests {
    static func shippedSurvey() throws -> SurveyDefinition {
        try SurveyDefinition.load(contentsOf: WorkingCalendarTests.dialogs.appendingPathComponent("survey.json"))
    }

    @Test func shippedSurveyHasSixServiceAndTwoProblemQuestions() throws {
        let survey = try Self.shippedSurvey()
        #expect(survey.sections.map(\.id) == ["pelayanan", "permasalahan"])
        #expect(survey.sections.map(\.questions.count) == [6, 2])
        #expect(
            survey.scale.map(\.text.indonesian) == [
                "Tidak memuaskan", "Kurang memuaskan", "Memuaskan", "Sangat memuaskan",
            ])
        #expect(survey.commentRequiredAtOrBelow == 2)
        #expect(Set(survey.questions.map(\.element)).count == 8)
    }

    @Test func lowAnswerRequiresAComment() throws {
        let survey = try Self.shippedSurvey()
        let response = SurveyResponse(
            ticket: TicketNumber(1), answers: ["p1": 2, "p2": 4], comment: " ", submittedAt: Date())
        #expect(throws: TicketError.invalidSurvey("")) { try survey.validate(response) }
        let withComment = SurveyResponse(
            ticket: TicketNumber(1), answers: ["p1": 2, "p2": 4], comment: "Lama menunggu", submittedAt: Date())
        try survey.validate(withComment)
    }

    @Test func answersOffTheScaleAreRefused() throws {
        let survey = try Self.shippedSurvey()
        let response = SurveyResponse(ticket: TicketNumber(1), answers: ["p1": 5], comment: nil, submittedAt: Date())
        #expect(throws: TicketError.invalidSurvey("")) { try survey.validate(response) }
    }

    @Test func surveyWithoutEnglishTextNamesThePath() {
        let json = #"""
            {"version":1,"scale":[{"value":1,"text":{"id":"a","en":"a"}},{"value":2,"text":{"id":"b","en":"b"}},
            {"value":3,"text":{"id":"c","en":"c"}},{"value":4,"text":{"id":"d","en":"d"}}],
            "sections":[{"id":"s","title":{"id":"S","en":"S"},"questions":[{"id":"q","element":"e","text":{"id":"Q"}}]}],
            "commentRequiredAtOrBelow":2}
            """#
        #expect(
            throws: DialogError(
                file: "survey.json", path: "$.sections[0].questions[0].text.en", problem: "the English text is missing")
        ) {
            try SurveyDefinition.parse(Data(json.utf8))
        }
    }

    @Test func indexOfAKnownDataSetMatchesTheHandComputation() throws {
        let survey = try Self.shippedSurvey()
        let answers: [[String: Int]] = [
            ["p1": 4, "p2": 4, "p3": 4, "p4": 4, "p5": 4, "p6": 4, "m1": 4, "m2": 4],
            ["p1": 3, "p2": 3, "p3": 2, "p4": 3, "p5": 4, "p6": 4, "m1": 3, "m2": 2],
            ["p1": 4, "p2": 3, "p3": 3, "p4": 4, "p5": 4, "p6": 3, "m2": 3],
        ]
        let responses = answers.enumerated().map {
            SurveyResponse(ticket: TicketNumber($0.offset + 1), answers: $0.element, comment: "x", submittedAt: Date())
        }
        let index = SatisfactionIndex(responses: responses, definition: survey)
        // NRR: p1 11/3, p2 10/3, p3 3, p4 11/3, p5 4, p6 11/3, m1 7/2 (two answered), m2 3.
        // Sum = 43/3 + 27/2 = 167/6; weight 1/8 → IKM = 167/48 ≈ 3.4792; ×25 = 4175/48 ≈ 86.98 → B.
        #expect(index.elements.first { $0.questionID == "m1" }?.respondents == 2)
        #expect(abs(index.index - 167.0 / 48.0) < 1e-12)
        #expect(abs(index.converted - 4175.0 / 48.0) < 1e-9)
        #expect(index.grade == .b)
        #expect(index.respondents == 3)
    }

    @Test func gradesUseTheRegulationsLowerBounds() {
        #expect(SatisfactionIndex.Grade(converted: 88.31) == .a)
        #expect(SatisfactionIndex.Grade(converted: 88.30) == .b)
        #expect(SatisfactionIndex.Grade(converted: 76.61) == .b)
        #expect(SatisfactionIndex.Grade(converted: 76.60) == .c)
        #expect(SatisfactionIndex.Grade(converted: 65.00) == .c)
        #expect(SatisfactionIndex.Grade(converted: 64.99) == .d)
    }
}
