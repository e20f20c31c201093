import Conversation
import Foundation
import Intents
import StaffAPI
import Support
import Ticketing

/// Everything the service reads from the dialogs directory, validated. Start-up and `loket dialogs check`
/// both load it with `load(from:now:)`, so the check passes exactly when start-up would.
public struct LoketDialogs: Sendable {
    public var catalogue: DialogCatalogue
    public var survey: SurveyDefinition
    public var recognizer: IntentRecognizer
    public var tickets: TicketStoreConfiguration
    public var canned: CannedAnswers
    /// Things to fix that do not stop start-up (a year the holiday list does not cover).
    public var warnings: [String]

    /// Reads `conversation/*.json`, `holidays.json`, `survey.json` and `intents/`, naming every problem in
    /// every file (file, JSON path or line, and what is wrong) rather than the first.
    public static func load(from directory: URL, now: Date) throws(DialogError) -> LoketDialogs {
        let reader = DialogReader(directory: directory)
        let catalogue = DialogCatalogue.read(from: reader)
        let ticketing = TicketingDialogs.read(from: reader, now: now)
        let canned = CannedAnswers.read(from: reader)
        var problems = reader.problems
        var recognizer: IntentRecognizer?
        do {
            recognizer = try IntentRecognizer(dialogsDirectory: directory)
        } catch {
            problems += error.problems.map {
                DialogError.Problem(file: "intents/\($0.file)", path: $0.path, problem: $0.problem)
            }
        }
        guard problems.isEmpty, var catalogue, let ticketing, let recognizer, let canned else {
            throw DialogError(problems)
        }
        // Keyword phrases and the survey's answers are found in a message whatever chat spelling it uses, as the
        // recognizer reads it.
        let spellings = recognizer.normaliser.spellings
        catalogue.settings = catalogue.settings.spelled(with: spellings)
        return LoketDialogs(
            catalogue: catalogue, survey: ticketing.survey.spelled(with: spellings),
            recognizer: recognizer,
            tickets: ticketing.storeConfiguration(), canned: canned, warnings: ticketing.warnings)
    }
}

extension LoketApplication {
    /// Loads and validates the dialogs directory; any problem stops start-up with a line naming the file.
    static func loadDialogs(from path: String, logger: Logger) throws -> LoketDialogs {
        do {
            let dialogs = try LoketDialogs.load(from: URL(fileURLWithPath: path, isDirectory: true), now: Date())
            for warning in dialogs.warnings {
                logger.warning("dialogs.warning", ["detail": warning])
            }
            return dialogs
        } catch {
            // One line per problem, so none is cut by the log's value cap.
            for problem in error.problems {
                logger.error("dialogs.problem", ["problem": problem.description])
            }
            let count = error.problems.count
            throw ConfigurationError.invalid(
                "LOKET_DIALOGS", "has \(count) problem\(count == 1 ? "" : "s") (each logged as dialogs.problem)")
        }
    }
}
