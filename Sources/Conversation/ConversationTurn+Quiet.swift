import Foundation
import Support

extension ConversationTurn {
    /// Whether `text`, outside a form, asks Loket to stop sending what the provider did not ask for: a phrase of
    /// `stopMessages` in `settings.json` ("jangan kirim pesan lagi", "unsubscribe"), or one of its exact words
    /// ("stop", "berhenti"), which outside a form have nothing else to stop.
    func asksToStopMessages(_ text: String) -> Bool {
        guard !inProgress else { return false }
        let settings = catalogue.settings
        return isKeyword(text.trimming(".!"), "stopWords")
            || settings.mentions(text: text, keywordsNamed: "stopMessages")
    }

    /// Whether `text` allows messages again after they were stopped ("aktifkan pesan", "subscribe").
    func allowsMessagesAgain(_ text: String) -> Bool {
        state.messagesStoppedAt != nil && catalogue.settings.mentions(text: text, keywordsNamed: "allowMessages")
    }

    /// Stops what Loket sends unasked: a survey put off is dropped with its reminder, no survey comes when a
    /// ticket closes, and staff read the request on the open ticket. Replies to the provider's own messages,
    /// staff's answers on their tickets and the reminders of a call they booked still come, as they are told.
    mutating func stopMessages(_ message: ReporterMessage) {
        state.messagesStoppedAt = context.now
        if let parked = state.parkedSurvey {
            state.parkedSurvey = nil
            emit(.cancelTimer(.surveyReminder(ticket: parked.ticket)))
        }
        if state.step == .menu { state.step = .idle }
        relayToOpenTicket(message, about: nil, quietly: true)
        say(t(.quietStarted))
    }

    /// Messages allowed again: surveys come again when tickets close.
    mutating func allowMessagesAgain() {
        state.messagesStoppedAt = nil
        say(t(.quietEnded))
    }
}
