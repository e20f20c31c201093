import Foundation
import Support
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
            return error.problems.map(\.description)
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

struct DialogCatalogueMoreErrorTests {
    func problems(replacing name: String, _ edit: (String) -> String) throws -> [String] {
        var files: [String: Data] = [:]
        for file in DialogCatalogue.fileNames {
            files[file] = try Data(
                contentsOf: Fixtures.dialogsDirectory.appendingPathComponent("conversation/\(file)"))
        }
        let text = try #require(String(data: files[name] ?? Data(), encoding: .utf8))
        files[name] = Data(edit(text).utf8)
        do {
            _ = try DialogCatalogue.parse(files: files)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test func unknownPlaceholderInTheDescriptionTemplateIsReported() throws {
        let found = try problems(replacing: "services.json") {
            $0.replacingOccurrences(of: "Pengaduan: {complaint}", with: "Pengaduan: {keluhan}")
        }
        #expect(
            found == [
                "conversation/services.json: $.services[5].descriptionTemplate.id: placeholder {keluhan} names no field of this service"
            ])
    }

    @Test func unbalancedKeywordAlternativesAreReported() throws {
        let found = try problems(replacing: "settings.json") {
            $0.replacingOccurrences(of: "\"how to\",", with: "\"how (to|do\",")
        }
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("conversation/settings.json: $.keywords.asking.konsultasi[") == true)
        #expect(found.first?.contains("unbalanced alternatives") == true, "\(found)")
    }

    @Test func menuRowPointingToAnUnknownServiceIsReported() throws {
        let found = try problems(replacing: "menu.json") {
            $0.replacingOccurrences(of: "\"service\": \"pengaduan\"", with: "\"service\": \"keluhan\"")
        }
        #expect(found == ["conversation/menu.json: $.menu[5].service: unknown service \"keluhan\""])
    }

    @Test func tooLongMenuTitleIsReported() throws {
        let found = try problems(replacing: "services.json") {
            $0.replacingOccurrences(of: "\"Masalah Tender\"", with: "\"Masalah pada Tender dan Non-Tender\"")
        }
        #expect(
            found.contains {
                $0.contains(
                    "$.services[3].menuTitle.id: \"Masalah pada Tender dan Non-Tender\" is 34 characters, "
                        + "longer than 24")
            })
    }

    @Test func invalidJSONNamesTheFile() throws {
        let found = try problems(replacing: "answers.json") { $0 + "}" }
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("conversation/answers.json: not valid JSON") == true)
    }

    @Test func documentsPerBusinessFormNeedABusinessFormField() throws {
        let found = try problems(replacing: "services.json") {
            $0.replacingOccurrences(of: "\"validator\": \"businessForm\"", with: "\"validator\": \"freeText\"")
        }
        #expect(
            found.contains {
                $0.hasSuffix(
                    "$.services[0].fields: documents depend on the business form, but no field asks it (businessForm)")
            })
    }

    @Test func missingDirectoryNamesEveryFile() {
        do {
            _ = try DialogCatalogue.load(dialogsDirectory: URL(fileURLWithPath: "/nonexistent/Dialogs"))
            Issue.record("loaded a missing directory")
        } catch {
            #expect(error.problems.count == DialogCatalogue.fileNames.count)
            #expect(
                error.problems.first?.description.hasPrefix("conversation/settings.json: cannot read the file") == true)
        }
    }
}
