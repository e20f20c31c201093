import Intents
import Support

/// What a provider can say at any step.
enum GlobalCommand: Equatable {
    case menu
    case cancel
    case back
    case human
    case language(Language?)
    case greeting
    case thanks
    case status(ticket: Int?)
    case hours
    case requirements

    var isStatus: Bool {
        if case .status = self { return true }
        return false
    }

    /// The command a reply button stands for.
    init?(reply: ReplyID) {
        switch reply {
        case .showMenu: self = .menu
        case .askStaff: self = .human
        case .cancel: self = .cancel
        default: return nil
        }
    }

    /// The command a message types by its keyword, alone or with the catalogue's `filler` words around it:
    /// "bahasa indonesia aja", "batal aja min" and "english please" are their commands also where a name is asked.
    init?(typed text: String, keywords: [String: [String]]) {
        if let command = Self(keyword: text, keywords: keywords) {
            self = command
            return
        }
        let fillers = Set(keywords["filler"] ?? [])
        let words = DialogSettings.spacedWords(text).wordsBetweenSpaces
        let bare = words.filter { !fillers.contains(String($0)) }
        guard !bare.isEmpty, bare.count < words.count,
            let command = Self(keyword: bare.joined(separator: " "), keywords: keywords)
        else { return nil }
        self = command
    }

    /// The command named by an exact keyword of the catalogue.
    init?(keyword text: String, keywords: [String: [String]]) {
        let word = text.lowercased()
        func matches(_ name: String) -> Bool { keywords[name]?.contains(word) ?? false }
        if matches("menu") {
            self = .menu
        } else if matches("cancel") {
            self = .cancel
        } else if matches("back") {
            self = .back
        } else if matches("human") {
            self = .human
        } else if matches("english") {
            self = .language(.english)
        } else if matches("indonesian") {
            self = .language(.indonesian)
        } else if matches("status") {
            self = .status(ticket: nil)
        } else {
            return nil
        }
    }

    /// How sure the classifier must be for its intent to act as a command.
    static let minimumConfidence = 0.75

    /// The command a confident classification names, if any.
    init?(classification: Classification) {
        guard classification.confidence >= Self.minimumConfidence else { return nil }
        switch classification.intent {
        case .greeting: self = .greeting
        case .menu, .createTicket: self = .menu
        case .human: self = .human
        case .cancel: self = .cancel
        case .back: self = .back
        case .language: self = .language(nil)
        case .thanks: self = .thanks
        case .checkStatus: self = .status(ticket: classification.entities.ticketNumber)
        case .hours, .schedule: self = .hours
        case .requirements: self = .requirements
        case .cancelBooking, .affirm, .deny, .unknown: return nil
        }
    }
}
