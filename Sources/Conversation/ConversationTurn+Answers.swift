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
        if id.hasPrefix("menu."), case .idle = state.step {
            return chooseMenu(id)
        }
        switch state.step {
        case .menu: chooseMenu(id)
        case .faq: chooseFAQ(id)
        case .intake(let draft): chooseInIntake(id, draft: draft)
        case .choosingTicket(let pending):
            if let ticket = number(after: "ticket.", in: id) {
                switch pending {
                case .message(let message):
                    emit(.appendToTicket(number: ticket, message: message))
                    say(t(.ticketAppended, ["ticket": String(ticket)]))
                case .file(let file):
                    fetch(file, for: ticket)
                }
                finishStep()
            } else {
                showMenu(prefix: nil)
            }
        case .survey(let progress): chooseInSurvey(id, progress: progress)
        case .resumeOffer(let previous):
            state.step = previous
            switch id {
            case "resume.continue":
                promptCurrentStep(prefix: nil)
            case "resume.restart":
                leaveCurrentStep()
                showMenu(prefix: nil)
            default:
                // A tap on an earlier message answers the step it was asked in.
                choose(id, messageID: messageID)
            }
        case .idle, .handingOff, .feedback, .confirmingResolution, .reopenReason:
            say(t(.choiceExpired))
            if inProgress { promptCurrentStep(prefix: nil) } else { showMenu(prefix: nil) }
        }
    }

    func number(after prefix: String, in id: String) -> Int? {
        guard id.hasPrefix(prefix) else { return nil }
        return Int(id.dropFirst(prefix.count))
    }

    /// Free text that is neither a command nor an option.
    mutating func answer(_ text: String, classification: Classification, messageID: String) {
        switch state.step {
        case .idle:
            freeTextWhileIdle(text, classification: classification, messageID: messageID)
        case .menu, .faq, .choosingTicket, .confirmingResolution, .resumeOffer:
            if case .confirmingResolution(let ticket) = state.step {
                if classification.intent == .affirm { return choose("resolve.ok.\(ticket)", messageID: messageID) }
                if classification.intent == .deny { return choose("resolve.no.\(ticket)", messageID: messageID) }
            }
            if case .resumeOffer = state.step, classification.intent == .affirm {
                return choose("resume.continue", messageID: messageID)
            }
            invalid(t(.invalidChoice, ["count": String(currentOptions().count)]))
        case .intake(let draft):
            answerInIntake(text, classification: classification, draft: draft)
        case .handingOff(var pending):
            pending.append(ReporterMessage(messageID: messageID, text: text))
            state.step = .handingOff(pending: pending)
            say(t(.handoffWaiting))
        case .feedback(let ticket, _):
            if isKeyword(text, "done") || classification.intent == .affirm && text.count <= 20 {
                return choose("feedback.done.\(ticket)", messageID: messageID)
            }
            emit(.appendToTicket(number: ticket, message: ReporterMessage(messageID: messageID, text: text)))
            ask(t(.feedbackReceived, ["ticket": String(ticket)]), options: currentOptions())
        case .reopenReason(let ticket):
            guard let reason = FieldNormalizer.freeText(text) else { return invalid(t(.invalidFreeText)) }
            emit(.reopen(ticket: ticket, message: reason))
            say(t(.resolutionReopened, ["ticket": String(ticket)]))
            finishStep()
        case .survey(let progress):
            answerInSurvey(text, classification: classification, progress: progress)
        }
    }

    func isKeyword(_ text: String, _ name: String) -> Bool {
        catalogue.settings.keywords[name]?.contains(text.lowercased()) ?? false
    }

    /// Text outside any journey: a message about an open ticket goes to its log; otherwise, the menu.
    mutating func freeTextWhileIdle(_ text: String, classification: Classification, messageID: String) {
        let message = ReporterMessage(messageID: messageID, text: text)
        let tickets = context.openTickets
        if let number = classification.entities.ticketNumber, tickets.contains(where: { $0.number == number }) {
            emit(.appendToTicket(number: number, message: message))
            say(t(.ticketAppended, ["ticket": String(number)]))
            return finishStep()
        }
        switch tickets.count {
        case 0:
            showMenu(prefix: greeting())
        case 1:
            emit(.appendToTicket(number: tickets[0].number, message: message))
            say(t(.ticketAppended, ["ticket": String(tickets[0].number)]))
            state.step = .idle
        default:
            state.step = .choosingTicket(pending: .message(message))
            promptCurrentStep(prefix: nil)
        }
    }

    mutating func chooseMenu(_ id: String) {
        guard let entry = catalogue.menu.first(where: { "menu.\($0.id)" == id }) else {
            return invalid(t(.invalidChoice, ["count": String(currentOptions().count)]))
        }
        switch entry.action {
        case .service(let serviceID):
            startIntake(serviceID)
        case .status:
            state.step = .idle
            say(statusText(ticket: nil))
        case .faq:
            state.step = .faq
            promptCurrentStep(prefix: nil)
        case .hours:
            state.step = .idle
            say(catalogue.answers["hours"]?.text(in: language) ?? "")
        case .human:
            handOff(reason: .asked)
        }
    }

    mutating func chooseFAQ(_ id: String) {
        guard let entry = catalogue.faq.first(where: { "faq.\($0.id)" == id }) else {
            return invalid(t(.invalidChoice, ["count": String(currentOptions().count)]))
        }
        state.step = .idle
        say(entry.answer.text(in: language) + "\n\n" + t(.faqMore))
    }
}
