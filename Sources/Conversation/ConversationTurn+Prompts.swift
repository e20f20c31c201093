import Foundation
import Support

extension ConversationTurn {
    /// The choices the current step offers, in the order typed numbers pick them.
    func currentOptions() -> [ChoiceOption] { state.step.behaviour.options(in: self) }

    /// Asks the current step's question again (after a command, a pause or an invalid answer).
    mutating func promptCurrentStep(prefix: String?) {
        state.step.behaviour.prompt(prefix: prefix, in: &self)
    }

    /// Counts an invalid answer: the reason and the question again, or after too many, an example and staff.
    mutating func invalid(_ reason: String, example: String? = nil) {
        state.invalidAnswers += 1
        if state.invalidAnswers >= catalogue.settings.maxInvalidAnswers {
            let help = [reason, example.map { t(.invalidExample, ["example": $0]) }, t(.invalidOfferStaff)]
                .compactMap { $0 }.joined(separator: "\n\n")
            say(help)
            ask(
                t(.invalidOrStaff),
                options: [
                    ChoiceOption(.askStaff, title: t(.buttonStaff)),
                    ChoiceOption(.showMenu, title: t(.buttonMenu)),
                ])
            return
        }
        promptCurrentStep(prefix: reason)
    }
}
