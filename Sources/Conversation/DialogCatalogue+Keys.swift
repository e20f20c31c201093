import Intents

extension DialogCatalogue {
    /// Prompt keys whose texts become reply-button titles (≤ 20 characters).
    static let buttonPrompts = [
        "button.agree", "button.cancel", "button.change", "button.continue", "button.disagree", "button.done",
        "button.menu", "button.myNumber", "button.notResolved", "button.resolved", "button.restart",
        "button.resumeSurvey", "button.skip", "button.staff", "button.submit", "list.button", "list.choose",
        "menu.button", "faq.button", "survey.button", "ticket.button",
    ]

    /// Prompt keys whose texts become list-row titles (≤ 24 characters).
    static let rowPrompts =
        BusinessForm.allCases.map { "form.\($0.rawValue)" } + [
            "label.description", "label.documents", "ticket.none",
        ]

    /// Every prompt key the reducer speaks; the loader refuses a catalogue missing any.
    static let requiredPrompts =
        buttonPrompts + rowPrompts + [
            "cancelled", "change.which", "choice.expired", "consent.declined", "description.ask", "documents.allIn",
            "documents.ask", "documents.attached", "documents.correct", "documents.damaged", "documents.expectFile",
            "documents.missing", "documents.moved", "documents.noTicket", "documents.notNow", "documents.notPDF",
            "documents.photo", "documents.photoName", "documents.received", "documents.sendNow",
            "documents.stillChecking", "documents.tooLarge", "documents.unavailable", "fallback.numbers",
            "fallback.one", "faq.body", "faq.more", "feedback.done", "feedback.received", "feedback.request",
            "greeting", "greeting.named", "greeting.short", "handoff.opened", "handoff.started", "handoff.startedEmpty",
            "handoff.waiting", "intake.start",
            "invalid.choice", "invalid.commentRequired", "invalid.example", "invalid.freeText", "invalid.offerStaff",
            "invalid.orStaff",
            "invalid.survey", "language.changed", "menu.body", "resolution.confirmed", "resolution.note",
            "resolution.question", "resolution.reopened", "resolution.why", "resume.body", "staff.reply",
            "status.due", "status.header", "status.none", "status.notFound", "status.ticket", "submitting.wait",
            "summary.header", "summary.question", "summary.service", "survey.closedNoSurvey",
            "survey.commentOptional", "survey.commentRequired", "survey.intro", "survey.question", "survey.reminder",
            "survey.thanks", "thanks", "ticket.appended", "ticket.opened", "ticket.openedLater", "ticket.which",
            "ticket.whichFile",
            "unsupported.audio",
            "unsupported.contacts", "unsupported.image", "unsupported.location", "unsupported.other",
            "unsupported.reaction", "unsupported.sticker", "unsupported.video", "unsupported.what", "where.feedback",
            "where.intake", "where.menu", "where.resolution", "where.survey",
        ]
}
