import Conversation
import Foundation

/// `loket dialogs check [dir]`: validates the dialog files offline and prints OK or every problem.
enum DialogsCommand {
    static func run(_ arguments: [String]) -> Int32 {
        guard arguments.first == "check" else {
            print("usage: loket dialogs check [directory]   (default: $LOKET_DIALOGS or ./Dialogs)")
            return 64
        }
        let path = arguments.dropFirst().first ?? ProcessInfo.processInfo.environment["LOKET_DIALOGS"] ?? "./Dialogs"
        let directory = URL(fileURLWithPath: path)
        var problems: [String] = []
        do {
            let catalogue = try DialogCatalogue.load(dialogsDirectory: directory)
            print("conversation: \(catalogue.services.count) services, \(catalogue.prompts.count) prompts")
        } catch {
            problems += error.problems
        }
        let surveyURL = directory.appendingPathComponent("survey.json")
        if let data = try? Data(contentsOf: surveyURL) {
            do {
                let survey = try SurveyDefinition.parse(data)
                print("survey.json: \(survey.questions.count) questions")
            } catch {
                problems += error.problems
            }
        }
        if problems.isEmpty {
            print("OK")
            return 0
        }
        for problem in problems { print(problem) }
        return 1
    }
}
