import Foundation
import Intents
import Support

extension ConversationTurn {
    /// A tapped button or list row, or a typed number naming one.
    mutating func choose(_ id: String, messageID: String) {
        if let ticket = number(after: "resolve.ok.", in: id) {
            emit(.confirmResolution(ticket: ticket))
            say(t(.resolutionConfirmed, ["ticket": String(ticket)]))
            if case .confirmingResolution = state.step { finishStep() }
            return
        }
        if let ticket = number(after: "resolve.no.", in: id) {
            if case .confirmingResolution = state.step {
                state.step = .reopenReason(ticket: ticket)
            } else {
                interrupt(with: .reopenReason(ticket: ticket))
            }
            return promptCurrentStep(prefix: nil)
        }
        if let ticket = number(after: "feedback.done.", in: id) {
            emit(.provideFeedback(ticket: ticket))
            say(t(.feedbackDone, ["ticket": String(ticket)]))
            if case .feedback = state.step { finishStep() }
            return
        }
        if id == "survey.resume", let parked = state.parkedSurvey {
            state.parkedSurvey = nil
            interrupt(with: .survey(parked))
            return promptCurrentStep(prefix: nil)
        }
        state.step.behaviour.choose(id, messageID: messageID, in: &self)
    }

    func number(after prefix: String, in id: String) -> Int? {
        guard id.hasPrefix(prefix) else { return nil }
        return Int(id.dropFirst(prefix.count))
    }

    /// Free text that is neither a command nor an option.
    mutating func answer(_ text: String, classification: Classification, messageID: String) {
        state.step.behaviour.answer(text, classification: classification, messageID: messageID, in: &self)
    }

    func isKeyword(_ text: String, _ name: String) -> Bool {
        catalogue.settings.keywords[name]?.contains(text.lowercased()) ?? false
    }
}
