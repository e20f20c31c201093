import Conversation
import Foundation
import Intents
import Support
import Ticketing
import WebhookServer

extension LoketApplication {
    /// Everything the service reads from the dialogs directory, validated.
    struct Dialogs {
        var catalogue: DialogCatalogue
        var survey: Conversation.SurveyDefinition
        var recognizer: IntentRecognizer
        var tickets: TicketStoreConfiguration
    }

    /// Loads and validates the dialogs directory; any problem stops start-up with a line naming the file.
    static func loadDialogs(from path: String, logger: Logger) throws -> Dialogs {
        let directory = URL(fileURLWithPath: path, isDirectory: true)
        do {
            let ticketing = try TicketingDialogs.load(from: directory, now: Date())
            for warning in ticketing.warnings {
                logger.warning("dialogs.warning", ["detail": warning])
            }
            let catalogue = try DialogCatalogue.load(dialogsDirectory: directory)
            let survey = try Conversation.SurveyDefinition(ticketing.survey)
            let recognizer = try IntentRecognizer(dialogsDirectory: directory)
            let lifecycle = TicketLifecycle(calendar: WorkingCalendar(holidays: ticketing.holidays))
            return Dialogs(
                catalogue: catalogue, survey: survey, recognizer: recognizer,
                tickets: TicketStoreConfiguration(lifecycle: lifecycle, survey: ticketing.survey))
        } catch let error as ConfigurationError {
            throw error
        } catch {
            let detail = "\(error)".replacingOccurrences(of: "\n", with: "; ")
            throw ConfigurationError.invalid("LOKET_DIALOGS", "has a problem: \(detail)")
        }
    }
}
