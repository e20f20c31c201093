import Conversation
import Foundation
import Intents
import Storage
import Support
import Ticketing
import WebhookServer
import WhatsAppOutbox

extension ConversationRuntime {
    /// Whether the reducer may ask for a download in answer to `content`: a file it carries, or an answer
    /// (a tap, a typed choice) that releases a file held back until the provider said which ticket it is about.
    static func mayAskForMedia(_ content: InboundMessage.Content) -> Bool {
        switch content {
        case .document, .image, .audio, .video, .text, .buttonReply, .listReply, .templateButton: true
        case .edit(_, let text): text != nil
        case .sticker, .location, .contacts, .flowReply, .reaction, .order, .system, .revoke,
            .unsupported:
            false
        }
    }

    /// Whether `content` is a file of its own (the other answers in `mayAskForMedia` only release held files).
    static func carriesFile(_ content: InboundMessage.Content) -> Bool {
        switch content {
        case .document, .image, .audio, .video: true
        default: false
        }
    }

    /// The reducer's view of a WhatsApp message, with the ticket the message it quotes is about (see
    /// `quotedTicket(of:in:)`).
    func chatMessage(for message: InboundMessage, now: Date, in database: Database) throws -> InboundChatMessage {
        var chat = self.chatMessage(for: message, now: now)
        chat.quotedTicket = try self.quotedTicket(of: message, in: database)
        return chat
    }

    /// The ticket Loket's message that `message` quotes (WhatsApp's swipe-to-reply) names: "💬 Petugas (tiket
    /// #77): …", a reminder, the question whether a ticket is solved. Nil when it quotes none of Loket's
    /// messages to the contact, or one that names no ticket or several.
    func quotedTicket(of message: InboundMessage, in database: Database) throws -> Int? {
        guard let quoted = message.replyTo,
            let sent = try Outbox().sentMessage(wamid: quoted, to: message.conversationKey, in: database)
        else { return nil }
        return Self.ticketNumber(namedIn: sent.payload.displayText)
    }

    /// The one ticket number `text` names as "#77"; nil for none or several.
    static func ticketNumber(namedIn text: String) -> Int? {
        var named: Set<Int> = []
        var rest = Substring(text)
        while let hash = rest.firstIndex(of: "#") {
            rest = rest[rest.index(after: hash)...]
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            if (1...9).contains(digits.count), let number = Int(digits) { named.insert(number) }
        }
        return named.count == 1 ? named.first : nil
    }

    /// The text the recognizer reads in `content`, if any: a text message's, or an edit's new text.
    static func classifiedText(of content: InboundMessage.Content) -> String? {
        switch content {
        case .text(let body): body
        case .edit(_, let text?): text
        default: nil
        }
    }

    /// The reducer's view of a WhatsApp message; text is classified here, unless `prepare` read it already.
    func chatMessage(for message: InboundMessage, now: Date) -> InboundChatMessage {
        let classify = { (text: String) in
            self.classifications.classification(of: message.id, text: text, at: now)
                ?? self.recognizer.classify(text, now: now)
        }
        let kind: InboundChatMessage.Kind
        switch message.content {
        case .text(let body):
            kind = .text(body, classify(body))
        case .edit(_, let text?):
            kind = .text(text, classify(text))
        case .buttonReply(let id, let title):
            kind = .buttonReply(id: id, title: title)
        case .listReply(let id, let title, _):
            kind = .listReply(id: id, title: title)
        case .templateButton(let text, let payload):
            kind = .buttonReply(id: payload ?? text, title: text)
        case .document(let media):
            kind = .document(
                mediaID: media.id, filename: media.filename ?? "dokumen.pdf",
                mimeType: media.mimeType ?? "application/octet-stream", size: nil, sha256: media.sha256,
                caption: media.caption)
        case .image(let media):
            kind = .image(mediaID: media.id, caption: media.caption)
        case .audio(let media, _):
            kind = .audio(mediaID: media.id, mimeType: media.mimeType ?? "", sha256: media.sha256)
        case .video(let media):
            kind = .video(
                mediaID: media.id, mimeType: media.mimeType ?? "", sha256: media.sha256, caption: media.caption)
        case .sticker:
            kind = .sticker
        case .location(let place):
            kind = .location(place)
        case .contacts(let cards):
            kind = .contacts(cards)
        case .reaction(_, let emoji):
            kind = .reaction(emoji: emoji)
        case .flowReply, .order, .system, .edit, .revoke, .unsupported:
            kind = .unsupported
        }
        var isEdit = false
        if case .edit = message.content { isEdit = true }
        return InboundChatMessage(id: message.id, kind: kind, isEdit: isEdit)
    }

    /// How a ticket state is said to the provider.
    static func prompt(for kind: TicketStatusKind) -> Prompt {
        switch kind {
        case .new: .ticketStateNew
        case .inProgress: .ticketStateInProgress
        case .waitingOnReporter: .ticketStateWaitingOnReporter
        case .escalated: .ticketStateEscalated
        case .waitingOnLevel1: .ticketStateWaitingOnLevel1
        case .resolved: .ticketStateResolved
        case .reopened: .ticketStateReopened
        case .closed: .ticketStateClosed
        case .cancelled: .ticketStateCancelled
        }
    }

    /// How the party a ticket waits on is said to the provider.
    static func prompt(for party: WaitingParty) -> Prompt {
        switch party {
        case .helpdesk(.level1): .waitingLevel1
        case .helpdesk(.level2): .waitingLevel2
        case .reporter: .waitingReporter
        case .nobody: .waitingNobody
        }
    }

    /// The note written on a ticket when the conversation is handed to staff.
    static func prompt(for reason: HandOffReason) -> Prompt {
        switch reason {
        case .asked: .noteAskedForStaff
        case .invalidAnswers: .noteInvalidAnswers
        case .noConsent: .noteNoConsent
        case .notSolved: .noteNotSolved
        }
    }
}
