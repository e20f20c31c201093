import Foundation
import Support
import Testing

@testable import Conversation

struct SurveyDefinitionTests {
    /// The agreed shape of `Dialogs/survey.json` (owned by Ticketing), abbreviated to one question per section.
    let agreed = """
        {"version":1,
         "scale":[{"value":1,"text":{"id":"Tidak memuaskan","en":"Not satisfactory"}},
                  {"value":2,"text":{"id":"Kurang memuaskan","en":"Less satisfactory"}},
                  {"value":3,"text":{"id":"Memuaskan","en":"Satisfying"}},
                  {"value":4,"text":{"id":"Sangat memuaskan","en":"Very satisfactory"}}],
         "sections":[{"id":"pelayanan","title":{"id":"Penanganan Pelayanan","en":"Service handling"},
                      "questions":[{"id":"p1","element":"persyaratan",
                                    "text":{"id":"Persyaratan jelas?","en":"Clear requirements?"}}]},
                     {"id":"permasalahan","title":{"id":"Penanganan Permasalahan","en":"Problem handling"},
                      "questions":[{"id":"m1","element":"penanganan pengaduan",
                                    "text":{"id":"Mudah melapor?","en":"Easy to report?"}}]}],
         "commentRequiredAtOrBelow":2}
        """

    @Test func agreedShapeLoadsAsPlainQuestions() throws {
        let survey = try SurveyDefinition.parse(Data(agreed.utf8))
        #expect(survey.questions.map(\.id) == ["p1", "m1"])
        #expect(survey.questions[1].sectionTitle.indonesian == "Penanganan Permasalahan")
        #expect(survey.scale.map(\.value) == [1, 2, 3, 4])
        #expect(survey.commentRequiredAtOrBelow == 2)
    }

    @Test func aMissingScaleAnswerIsReportedWithItsPath() throws {
        let broken = agreed.replacingOccurrences(
            of: "{\"value\":4,\"text\":{\"id\":\"Sangat memuaskan\",\"en\":\"Very satisfactory\"}}",
            with: "{\"value\":4,\"text\":{\"id\":\"Sangat memuaskan\"}}")
        #expect(throws: DialogError.self) { try SurveyDefinition.parse(Data(broken.utf8)) }
        do {
            _ = try SurveyDefinition.parse(Data(broken.utf8))
        } catch {
            #expect(error.problems.first?.description == "survey.json: $.scale[3].text.en: the English text is missing")
        }
    }

    @Test func anAnswerLabelTooLongForAListRowIsRefused() throws {
        let long = agreed.replacingOccurrences(of: "\"Sangat memuaskan\"", with: "\"Sangat sangat memuaskan sekali\"")
        do {
            _ = try SurveyDefinition.parse(Data(long.utf8))
            Issue.record("a 30-character answer label cannot be a list row")
        } catch {
            #expect(
                error.problems.map(\.description) == ["survey.json: $.scale[3].text.id: longer than 24 characters (30)"]
            )
        }
    }
}
