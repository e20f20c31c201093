import Foundation
import Support

extension ConversationTurn {
    /// The choices the current step offers, in the order typed numbers pick them.
    func currentOptions() -> [ChoiceOption] {
        switch state.step {
        case .idle, .handingOff, .reopenReason: return []
        case .menu: return menuOptions()
        case .faq:
            return catalogue.faq.map { ChoiceOption(id: "faq.\($0.id)", title: $0.question.text(in: language)) }
        case .intake(let draft): return intakeOptions(draft)
        case .choosingTicket:
            return context.openTickets.prefix(9).map {
                ChoiceOption(
                    id: "ticket.\($0.number)", title: "#\($0.number)", description: String($0.title.prefix(72)))
            } + [ChoiceOption(id: "ticket.none", title: t(.ticketNone))]
        case .feedback(let ticket, _):
            return [ChoiceOption(id: "feedback.done.\(ticket)", title: t(.buttonDone))]
        case .confirmingResolution(let ticket):
            return [
                ChoiceOption(id: "resolve.ok.\(ticket)", title: t(.buttonResolved)),
                ChoiceOption(id: "resolve.no.\(ticket)", title: t(.buttonNotResolved)),
            ]
        case .survey(let progress):
            if progress.askingComment {
                return commentRequired(progress) ? [] : [ChoiceOption(id: "survey.skip", title: t(.buttonSkip))]
            }
            return (context.survey?.scale ?? []).map {
                ChoiceOption(id: "survey.\($0.value)", title: $0.text.text(in: language))
            }
        case .resumeOffer:
            return [
                ChoiceOption(id: "resume.continue", title: t(.buttonContinue)),
                ChoiceOption(id: "resume.restart", title: t(.buttonRestart)),
            ]
        }
    }

    func menuOptions() -> [ChoiceOption] {
        catalogue.menu.map { entry in
            var title = entry.title?.text(in: language) ?? ""
            var description = entry.description?.text(in: language)
            if case .service(let id) = entry.action, let service = catalogue.service(id: id) {
                if entry.title == nil { title = service.menuTitle.text(in: language) }
                if entry.description == nil { description = service.menuDescription.text(in: language) }
            }
            return ChoiceOption(id: "menu.\(entry.id)", title: title, description: description)
        }
    }

    /// Asks the current step's question again (after a command, a pause or an invalid answer).
    mutating func promptCurrentStep(prefix: String?) {
        let lead = prefix.map { $0 + "\n\n" } ?? ""
        switch state.step {
        case .idle, .handingOff:
            if let prefix { say(prefix) }
        case .menu:
            ask(lead + t(.menuBody), options: menuOptions(), list: t(.menuButton))
        case .faq:
            ask(lead + t(.faqBody), options: currentOptions(), list: t(.faqButton))
        case .intake(let draft):
            promptIntake(draft, lead: lead)
        case .choosingTicket(.message):
            ask(lead + t(.ticketWhich), options: currentOptions(), list: t(.ticketButton))
        case .choosingTicket(.file(let file)):
            ask(
                lead + t(.ticketWhichFile, ["file": file.filename]), options: currentOptions(),
                list: t(.ticketButton))
        case .feedback(let ticket, let request):
            ask(
                lead + t(.feedbackRequest, ["ticket": String(ticket), "request": request]), options: currentOptions())
        case .confirmingResolution(let ticket):
            ask(lead + t(.resolutionQuestion, ["ticket": String(ticket)]), options: currentOptions())
        case .reopenReason(let ticket):
            say(lead + t(.resolutionWhy, ["ticket": String(ticket)]))
        case .survey(let progress):
            promptSurvey(progress, lead: lead)
        case .resumeOffer(let previous):
            let name = context.profileName.map { ", \($0)" } ?? ""
            ask(lead + t(.resumeBody, ["name": name, "where": whereText(previous)]), options: currentOptions())
        }
    }

    /// Where the contact was, in a few words, for the "welcome back" message.
    func whereText(_ step: ConversationStep) -> String {
        switch step {
        case .intake(let draft):
            let title = service(of: draft)?.title.text(in: language) ?? ""
            return t(.whereIntake, ["service": title])
        case .survey(let progress): return t(.whereSurvey, ["ticket": String(progress.ticket)])
        case .feedback(let ticket, _): return t(.whereFeedback, ["ticket": String(ticket)])
        case .confirmingResolution(let ticket), .reopenReason(let ticket):
            return t(.whereResolution, ["ticket": String(ticket)])
        case .choosingTicket, .idle, .menu, .faq, .handingOff, .resumeOffer: return t(.whereMenu)
        }
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
                    ChoiceOption(id: "global.human", title: t(.buttonStaff)),
                    ChoiceOption(id: "global.menu", title: t(.buttonMenu)),
                ])
            return
        }
        promptCurrentStep(prefix: reason)
    }
}
