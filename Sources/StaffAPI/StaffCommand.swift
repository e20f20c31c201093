import Conversation
import Ticketing

/// One `POST /api/tickets/{number}/actions` request: the ticket action, the staff levels that may ask for it,
/// and the conversation event the reporter must hear of it.
struct StaffCommand: Equatable {
    /// The action names the API accepts, in the order docs/api.md lists them.
    static let names = ["take", "reply", "ask_feedback", "escalate", "answer_level2", "resolve", "note"]

    /// A file staff send with a reply, already in the media store, and what they wrote with it.
    struct File: Equatable {
        var document: StoredDocument
        var caption: String?
    }

    let action: TicketAction
    /// The levels whose staff may ask for this action at all (the lifecycle then checks the ticket's state).
    let levels: Set<StaffLevel>
    /// The file a reply carries (`POST /api/tickets/{number}/files`): attached to the ticket and sent as a
    /// document instead of the reply's text.
    let file: File?

    init(action: TicketAction, levels: Set<StaffLevel>, file: File? = nil) {
        self.action = action
        self.levels = levels
        self.file = file
    }

    /// A reply carrying `file`: for the ticket's lifecycle a reply like any other (its text names the file),
    /// for the provider a document.
    static func reply(with file: File) -> StaffCommand {
        let text = "📎 \(file.document.filename)" + (file.caption.map { "\n" + $0 } ?? "")
        return StaffCommand(action: .staffReply(text: text), levels: [.level1, .level2], file: file)
    }

    /// Reads the command from a request body.
    init(_ body: StaffAPIRequestBody) throws(StaffAPIError) {
        let name = try body.string("action")
        let both: Set<StaffLevel> = [.level1, .level2]
        switch name {
        case "take":
            let classification = TicketClassification(
                category: try body.optionalString("category"),
                type: try Self.parse(body, "type", as: TicketType.self),
                priority: try Self.parse(body, "priority", as: TicketPriority.self),
                applicationVersion: try body.optionalString("application_version"))
            self.init(action: .take(classification), levels: [.level1])
        case "reply":
            self.init(action: .staffReply(text: try body.string("text")), levels: both)
        case "ask_feedback":
            let target = try Self.parse(body, "from", as: FeedbackTarget.self) ?? .reporter
            let text = try body.string("text")
            switch target {
            case .reporter: self.init(action: .askFeedback(from: .reporter, text: text), levels: both)
            case .level1: self.init(action: .askFeedback(from: .level1, text: text), levels: [.level2])
            }
        case "escalate":
            self.init(action: .escalate(text: try body.optionalString("text")), levels: [.level1])
        case "answer_level2":
            self.init(action: .answerLevel2(text: try body.string("text")), levels: [.level1])
        case "resolve":
            self.init(action: .resolve(text: try body.string("text")), levels: both)
        case "note":
            self.init(action: .note(text: try body.string("text")), levels: both)
        default:
            throw .badRequest(
                "invalid_field",
                "unknown action \"\(name)\"; use one of \(StaffAPIRoute.actionNames.joined(separator: ", "))")
        }
    }

    /// The event the reporter's conversation must receive after the action, if they are to hear of it.
    func reporterEvent(ticket: TicketNumber) -> ConversationEvent? {
        if let file = self.file {
            return .staffSentFile(ticket: ticket.value, document: file.document, caption: file.caption)
        }
        return switch self.action {
        case .staffReply(let text): .staffReplied(ticket: ticket.value, text: text)
        case .askFeedback(.reporter, let text): .staffRequestedFeedback(ticket: ticket.value, text: text)
        case .resolve(let text): .ticketResolved(ticket: ticket.value, note: text)
        case .take, .askFeedback(.level1, _), .answerLevel2, .escalate, .confirm, .reopen, .cancel, .autoClose,
            .reporterMessage, .note:
            nil
        }
    }

    /// An optional field holding one of `Value`'s raw values.
    private static func parse<Value: RawRepresentable & CaseIterable>(
        _ body: StaffAPIRequestBody, _ key: String, as type: Value.Type
    ) throws(StaffAPIError) -> Value? where Value.RawValue == String {
        guard let text = try body.optionalString(key) else { return nil }
        guard let value = Value(rawValue: text) else {
            let allowed = Value.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw .badRequest("invalid_field", "the field \"\(key)\" must be one of \(allowed), not \"\(text)\"")
        }
        return value
    }
}
