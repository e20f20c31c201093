import Foundation
import Testing

@testable import Conversation

struct DialogCatalogueTests {
    func files() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in DialogCatalogue.fileNames {
            files[name] = try Data(contentsOf: Fixtures.dialogsDirectory.appendingPathComponent("conversation/\(name)"))
        }
        return files
    }

    func problems(replacing name: String, _ edit: (String) -> String) throws -> [String] {
        var files = try files()
        let text = try #require(String(data: files[name] ?? Data(), encoding: .utf8))
        files[name] = Data(edit(text).utf8)
        do {
            _ = try DialogCatalogue.parse(files: files)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func shippedDialogsAreValid() throws {
        let catalogue = try Fixtures.catalogue()
        #expect(catalogue.services.count == 6)
    }

    @Test func unknownValidatorIsNamedWithItsPath() throws {
        let found = try problems(replacing: "services.json") {
            $0.replacingOccurrences(of: "\"kodeTender\"", with: "\"kodeTendr\"")
        }
        #expect(
            found.contains {
                $0.hasPrefix(
                    "conversation/services.json: $.services[3].fields[2].validator: unknown validator \"kodeTendr\"")
            })
    }

    @Test func missingTranslationIsReported() throws {
        let found = try problems(replacing: "prompts.json") {
            $0.replacingOccurrences(of: "\"en\": \"Thank you for your feedback!\"", with: "\"en\": \"\"")
        }
        #expect(found == ["conversation/prompts.json: $.prompts.survey.thanks.en: missing translation (en)"])
    }

    @Test func tooLongButtonTitleIsReported() throws {
        let found = try problems(replacing: "prompts.json") {
            $0.replacingOccurrences(of: "\"Lanjutkan survei\"", with: "\"Lanjutkan survei kepuasan\"")
        }
        #expect(
            found.contains {
                $0.contains(
                    "$.prompts.button.resumeSurvey.id: \"Lanjutkan survei kepuasan\" is 25 characters, longer than 20")
            })
    }

    @Test func fieldReferencingAMissingPromptIsReported() throws {
        let found = try problems(replacing: "services.json") {
            $0.replacingOccurrences(of: "\"ask.complaint\"", with: "\"ask.nothing\"")
        }
        #expect(
            found == [
                "conversation/services.json: $.services[5].fields[0].prompt: refers to a missing prompt \"ask.nothing\" in prompts.json"
            ])
    }

    @Test func duplicateServiceIdsAreReported() throws {
        let found = try problems(replacing: "services.json") {
            $0.replacingOccurrences(of: "\"id\": \"pengaduan\"", with: "\"id\": \"konsultasi\"")
        }
        #expect(found.contains { $0.contains("duplicate id \"konsultasi\"") })
    }
}
