import Conversation
import Foundation
import LoketService
import Support

/// `loket dialogs check [dir]`: validates the dialog files offline, exactly as start-up does, and prints
/// OK or every problem.
enum DialogsCommand {
    static func run(_ arguments: [String]) -> Int32 {
        guard arguments.first == "check" else {
            print("usage: loket dialogs check [directory]   (default: $LOKET_DIALOGS or ./Dialogs)")
            return 64
        }
        let path = arguments.dropFirst().first ?? ProcessInfo.processInfo.environment["LOKET_DIALOGS"] ?? "./Dialogs"
        do {
            let dialogs = try LoketDialogs.load(from: URL(fileURLWithPath: path, isDirectory: true), now: Date())
            print(
                "conversation: \(dialogs.catalogue.services.count) services, \(dialogs.catalogue.prompts.count) prompts"
            )
            print("survey.json: \(dialogs.survey.questions.count) questions")
            for warning in dialogs.warnings { print("warning: \(warning)") }
            print("OK")
            return 0
        } catch {
            for problem in error.problems { print(problem) }
            return 1
        }
    }
}
