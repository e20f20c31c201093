import Foundation
import Intents
import Support

extension ConversationTurn {
    func command(in text: String, classification: Classification) -> GlobalCommand? {
        if let command = GlobalCommand(keyword: text, keywords: catalogue.settings.keywords) { return command }
        let command = GlobalCommand(classification: classification)
        guard expectsFreeText else { return command }
        // Where free text is expected, only a short greeting or thanks is read as such ("halo", "makasih").
        let short = text.split(whereSeparator: \.isWhitespace).count <= 3
        return short && (command == .greeting || command == .thanks) ? command : nil
    }

    mutating func run(_ command: GlobalCommand, classification: Classification) {
        switch command {
        case .menu:
            leaveCurrentStep()
            showMenu(prefix: nil)
        case .cancel:
            let wasBusy = inProgress
            leaveCurrentStep()
            showMenu(prefix: wasBusy ? t(.cancelled) : nil)
        case .back:
            goBack()
        case .human:
            handOff(reason: handOffReason)
        case .language(let chosen):
            let next = chosen ?? (language == .indonesian ? .english : .indonesian)
            state.language = next
            say(t(.languageChanged))
            if inProgress { promptCurrentStep(prefix: nil) } else { showMenu(prefix: nil) }
        case .greeting:
            if inProgress {
                say(t(.greetingShort, ["name": context.profileName ?? ""]).replacingOccurrences(of: " ,", with: ","))
                promptCurrentStep(prefix: nil)
            } else {
                showMenu(prefix: greeting())
            }
        case .thanks:
            say(t(.thanks))
            if inProgress { promptCurrentStep(prefix: nil) }
        case .status(let ticket):
            say(statusText(ticket: ticket ?? classification.entities.ticketNumber))
            if inProgress { promptCurrentStep(prefix: nil) }
        case .hours:
            say(catalogue.answers["hours"]?.text(in: language) ?? "")
            if inProgress { promptCurrentStep(prefix: nil) }
        case .requirements:
            say(catalogue.answers["requirements"]?.text(in: language) ?? "")
            if inProgress { promptCurrentStep(prefix: nil) }
        }
    }

    func greeting() -> String {
        if let name = context.profileName, !name.isEmpty {
            return t(.greetingNamed, ["name": name])
        }
        return t(.greeting)
    }

    /// Abandons the current step (a survey is parked to resume later) and anything interrupted.
    mutating func leaveCurrentStep() {
        if case .survey(let progress) = state.step { state.parkedSurvey = progress }
        for case .survey(let progress) in state.suspended { state.parkedSurvey = progress }
        state.suspended = []
        state.invalidAnswers = 0
        state.step = .idle
    }

    mutating func showMenu(prefix: String?) {
        state.step = .menu
        state.invalidAnswers = 0
        promptCurrentStep(prefix: prefix)
    }

    /// Why the provider is asking for staff now.
    var handOffReason: HandOffReason {
        if state.invalidAnswers >= catalogue.settings.maxInvalidAnswers { return .invalidAnswers }
        if case .intake(let draft) = state.step, draft.stage == .consent { return .noConsent }
        return .asked
    }

    /// Hands the conversation to staff with everything collected so far.
    mutating func handOff(reason: HandOffReason) {
        var collected: TicketRequest?
        if case .intake(let draft) = state.step { collected = ticketRequest(for: draft) }
        if case .resumeOffer(.intake(let draft)) = state.step { collected = ticketRequest(for: draft) }
        let ticket =
            state.step.behaviour.ticket ?? (context.openTickets.count == 1 ? context.openTickets[0].number : nil)
        leaveCurrentStep()
        emit(
            .handOff(
                HandOffRequest(
                    reason: reason, collected: collected, ticket: ticket, reporterWaID: context.waID,
                    reporterName: context.profileName)))
        state.step = .handingOff(pending: [])
        say(t(collected == nil ? .handoffStartedEmpty : .handoffStarted))
    }

    mutating func goBack() {
        state.step.behaviour.back(in: &self)
    }

    func statusText(ticket: Int?) -> String {
        let tickets = context.openTickets
        if let ticket {
            guard let summary = tickets.first(where: { $0.number == ticket }) else {
                return t(.statusNotFound, ["ticket": String(ticket)])
            }
            return describe(summary)
        }
        if tickets.isEmpty { return t(.statusNone) }
        return t(.statusHeader) + "\n\n" + tickets.map(describe).joined(separator: "\n\n")
    }

    func describe(_ summary: TicketSummary) -> String {
        let due = summary.due.map { t(.statusDue, ["due": JakartaTime.format($0)]) } ?? ""
        return t(
            .statusTicket,
            [
                "ticket": String(summary.number), "title": summary.title, "state": summary.stateText,
                "waiting": summary.waitingOn,
            ]) + due
    }
}
