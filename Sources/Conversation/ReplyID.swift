import Intents

/// What a reply button or list row the conversation offers stands for; its `rawValue` is the id WhatsApp
/// sends back when the contact taps it. An id from anywhere else (an old or forged message) reads as nil.
enum ReplyID: Hashable, Sendable {
    /// A main-menu row, by its id in `menu.json`.
    case menu(String)
    /// A frequent question, by its id in `answers.json`.
    case faq(String)
    /// A legal form in the business-form question.
    case form(BusinessForm)
    /// An option of a choice field, by position.
    case option(Int)
    /// "Use this number" in the phone question.
    case ownNumber
    /// "Use this name" in the company question: the company of the provider's last request.
    case knownCompany
    case consentYes
    case consentNo
    case summaryConfirm
    case summaryChange
    case summaryCancel
    /// A field to change, by its id in `services.json`.
    case change(field: String)
    case changeDescription
    case changeDocuments
    /// An open ticket a message or file is about.
    case ticket(Int)
    case noTicket
    /// Done answering staff's request for more on a ticket.
    case feedbackDone(ticket: Int)
    case resolved(ticket: Int)
    case notResolved(ticket: Int)
    /// An answer on the survey's scale.
    case surveyAnswer(Int)
    case surveySkip
    case surveyResume
    case resumeContinue
    case resumeRestart
    /// The menu, staff or cancelling, offered as buttons after repeated invalid answers.
    case showMenu
    case askStaff
    case cancel
    /// A verification slot, by its start in seconds since 1970.
    case slot(Int)
    /// "Tanggal lain": slots of later days.
    case slotLater
    /// Confirms the held slot.
    case slotConfirm
    /// Another time instead of the held slot.
    case slotOther
    /// A reminder's "Hadir", "Ganti jadwal" and "Batalkan".
    case callAttend(ticket: Int)
    case callMove(ticket: Int)
    case callCancel(ticket: Int)
    /// Whether to cancel the booked call.
    case cancelCallYes
    case cancelCallNo
    /// Whether to ask for the erasure of the contact's personal data.
    case erasureYes
    case erasureNo

    var rawValue: String {
        switch self {
        case .menu(let id): "menu.\(id)"
        case .faq(let id): "faq.\(id)"
        case .form(let form): "form.\(form.rawValue)"
        case .option(let index): "opt.\(index)"
        case .ownNumber: "phone.self"
        case .knownCompany: "company.known"
        case .consentYes: "consent.yes"
        case .consentNo: "consent.no"
        case .summaryConfirm: "summary.confirm"
        case .summaryChange: "summary.change"
        case .summaryCancel: "summary.cancel"
        case .change(let field): "change.\(field)"
        case .changeDescription: "change._description"
        case .changeDocuments: "change._documents"
        case .ticket(let number): "ticket.\(number)"
        case .noTicket: "ticket.none"
        case .feedbackDone(let ticket): "feedback.done.\(ticket)"
        case .resolved(let ticket): "resolve.ok.\(ticket)"
        case .notResolved(let ticket): "resolve.no.\(ticket)"
        case .surveyAnswer(let value): "survey.\(value)"
        case .surveySkip: "survey.skip"
        case .surveyResume: "survey.resume"
        case .resumeContinue: "resume.continue"
        case .resumeRestart: "resume.restart"
        case .showMenu: "global.menu"
        case .askStaff: "global.human"
        case .cancel: "global.cancel"
        case .slot(let start): "slot.\(start)"
        case .slotLater: "slot.later"
        case .slotConfirm: "slot.confirm"
        case .slotOther: "slot.other"
        case .callAttend(let ticket): "call.attend.\(ticket)"
        case .callMove(let ticket): "call.move.\(ticket)"
        case .callCancel(let ticket): "call.cancel.\(ticket)"
        case .cancelCallYes: "callcancel.yes"
        case .cancelCallNo: "callcancel.no"
        case .erasureYes: "erasure.yes"
        case .erasureNo: "erasure.no"
        }
    }

    init?(rawValue: String) {
        func number(after prefix: String) -> Int? {
            rawValue.hasPrefix(prefix) ? Int(rawValue.dropFirst(prefix.count)) : nil
        }
        func text(after prefix: String) -> String? {
            rawValue.hasPrefix(prefix) && rawValue.count > prefix.count ? String(rawValue.dropFirst(prefix.count)) : nil
        }
        switch rawValue {
        case "phone.self": self = .ownNumber
        case "company.known": self = .knownCompany
        case "consent.yes": self = .consentYes
        case "consent.no": self = .consentNo
        case "summary.confirm": self = .summaryConfirm
        case "summary.change": self = .summaryChange
        case "summary.cancel": self = .summaryCancel
        case "change._description": self = .changeDescription
        case "change._documents": self = .changeDocuments
        case "ticket.none": self = .noTicket
        case "survey.skip": self = .surveySkip
        case "survey.resume": self = .surveyResume
        case "resume.continue": self = .resumeContinue
        case "resume.restart": self = .resumeRestart
        case "global.menu": self = .showMenu
        case "global.human": self = .askStaff
        case "global.cancel": self = .cancel
        case "slot.later": self = .slotLater
        case "slot.confirm": self = .slotConfirm
        case "slot.other": self = .slotOther
        case "callcancel.yes": self = .cancelCallYes
        case "callcancel.no": self = .cancelCallNo
        case "erasure.yes": self = .erasureYes
        case "erasure.no": self = .erasureNo
        default:
            if let start = number(after: "slot.") {
                self = .slot(start)
            } else if let ticket = number(after: "call.attend.") {
                self = .callAttend(ticket: ticket)
            } else if let ticket = number(after: "call.move.") {
                self = .callMove(ticket: ticket)
            } else if let ticket = number(after: "call.cancel.") {
                self = .callCancel(ticket: ticket)
            } else if let ticket = number(after: "feedback.done.") {
                self = .feedbackDone(ticket: ticket)
            } else if let ticket = number(after: "resolve.ok.") {
                self = .resolved(ticket: ticket)
            } else if let ticket = number(after: "resolve.no.") {
                self = .notResolved(ticket: ticket)
            } else if let ticket = number(after: "ticket.") {
                self = .ticket(ticket)
            } else if let value = number(after: "survey.") {
                self = .surveyAnswer(value)
            } else if let index = number(after: "opt.") {
                self = .option(index)
            } else if let form = text(after: "form.").flatMap(BusinessForm.init(rawValue:)) {
                self = .form(form)
            } else if let field = text(after: "change.") {
                self = .change(field: field)
            } else if let id = text(after: "menu.") {
                self = .menu(id)
            } else if let id = text(after: "faq.") {
                self = .faq(id)
            } else {
                return nil
            }
        }
    }
}
