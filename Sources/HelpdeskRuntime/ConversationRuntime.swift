import Conversation
import Foundation
import Intents
import Storage
import Support
import Ticketing
import WebhookServer
import WhatsAppOutbox

/// Runs the provider's conversation for inbound messages, staff actions and timers, and executes the
/// reducer's effects inside the caller's write transaction: the new state, ticket changes and outbound
/// messages commit together, or not at all.
///
/// Media downloads never run inside a transaction: `prepare` replays the reducer on the stored state to
/// learn which files the message asks for (a file it carries, or one held back until the provider said
/// which ticket it is about) and downloads them first; a transient failure leaves the message pending for
/// the dispatcher to retry. When the state changed between preparing and applying (an earlier message of
/// the same batch), a download the transaction needs but was not prepared fails the message as
/// `DispatchError.unprepared`, and the dispatcher prepares it again against the new state.
public struct ConversationRuntime: MessageHandler {
    public let catalogue: DialogCatalogue
    public let survey: SurveyDefinition?
    public let recognizer: any IntentRecognizing
    public let tickets: TicketStoreConfiguration
    public let media: any MediaFetcher
    /// Used only by `prepare`, to read a contact's state before downloads.
    public let writer: DatabaseWriter
    public let defaultLanguage: Language
    /// The approved utility template a verification reminder goes as outside the 24-hour window, with the
    /// call's date and time as its two body parameters.
    public let reminderTemplate: OutboundMessage.Template
    /// The states last read or saved, so a conversation's next message does not decode its state again.
    public let states: ConversationStateCache
    /// What the recognizer said of the texts of messages prepared and not yet handled.
    public let classifications: ClassificationCache
    let logger: Logger

    public init(
        catalogue: DialogCatalogue, survey: SurveyDefinition?, recognizer: any IntentRecognizing,
        tickets: TicketStoreConfiguration, media: any MediaFetcher, writer: DatabaseWriter,
        defaultLanguage: Language = .indonesian,
        reminderTemplate: OutboundMessage.Template = ConversationRuntime.defaultReminderTemplate,
        states: ConversationStateCache = ConversationStateCache(),
        classifications: ClassificationCache = ClassificationCache(), logger: Logger
    ) {
        self.states = states
        self.classifications = classifications
        self.reminderTemplate = reminderTemplate
        self.defaultLanguage = defaultLanguage
        self.catalogue = catalogue
        self.survey = survey
        self.recognizer = recognizer
        self.tickets = tickets
        self.media = media
        self.writer = writer
        self.logger = logger
    }

    public func prepare(_ message: InboundMessage, context: StepContext) throws -> MessagePreparation {
        guard !context.isStale else { return MessagePreparation() }
        // Text is read here, where lanes work side by side, rather than in the transaction, one at a time.
        if let text = Self.classifiedText(of: message.content) {
            self.classifications.keep(
                self.recognizer.classify(text, now: context.now), of: text, at: context.now, for: message.id)
        }
        guard Self.mayAskForMedia(message.content) else { return MessagePreparation() }
        let contact = message.conversationKey
        // A message without a file asks for one only when the state holds one back: most messages skip the
        // read, the classification and the reducer's second run. The state last saved for the contact answers
        // without a read; should it be out of date, the transaction finds a download missing and fails the
        // message as unprepared, and the next attempt reads the stored state below.
        if !Self.carriesFile(message.content), let json = self.states.lastJSON(of: contact),
            !ConversationRecords.mayReferToMedia(json)
        {
            return MessagePreparation()
        }
        let requests: [MediaFetchRequest] = try self.writer.read { database in
            let json = try ConversationRecords.stateJSON(of: contact, in: database)
            guard Self.carriesFile(message.content) || ConversationRecords.mayReferToMedia(json) else { return [] }
            let state = try self.states.state(of: contact, storedAs: json)
            let event = ConversationEvent.messageReceived(
                try self.chatMessage(for: message, now: context.now, in: database))
            let reducerContext = try self.context(
                for: contact, profileName: message.sender.profileName, state: state, event: event, now: context.now,
                in: database)
            let (_, effects) = ConversationReducer.reduce(state: state, event: event, context: reducerContext)
            return effects.compactMap { effect in
                if case .fetchMedia(let request) = effect { return request }
                return nil
            }
        }
        var preparation = MessagePreparation()
        for request in requests {
            preparation.downloads[request.mediaID] = try self.download(request)
        }
        return preparation
    }

    public func handle(
        _ message: InboundMessage, preparation: MessagePreparation, context: StepContext, in database: Database
    ) throws -> [OutboundMessage] {
        let contact = message.conversationKey
        // A stale replay is kept in the inbox as received; the dispatcher sends one note about the delay.
        guard !context.isStale else { return [] }
        // The read receipt goes after the replies: an answer never waits behind it (see `Outbox.enqueue`).
        let receipt = OutboundMessage(to: contact, payload: .markRead(messageID: message.id, typingIndicator: false))
        if case .system(_, _, let newWaID?) = message.content {
            try self.moveContact(from: contact, to: newWaID, now: context.now, in: database)
            return [receipt]
        }
        let event = ConversationEvent.messageReceived(
            try self.chatMessage(for: message, now: context.now, in: database))
        self.classifications.forget(message.id)
        let replies = try self.run(
            event, for: contact, profileName: message.sender.profileName, preparation: preparation,
            now: context.now, in: database)
        return replies + [receipt]
    }

    /// The provider's WhatsApp number changed (`user_changed_number`): their tickets, conversation, timers and
    /// consents follow the new number, and each open ticket tells staff. Nothing is said in the chat: the old
    /// number is gone, and the new one has not written yet.
    func moveContact(from old: String, to new: String, now: Date, in database: Database) throws {
        // A wa_id is the number's digits with its country code.
        guard old != new, (6...20).contains(new.utf8.count), new.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            return self.logger.warning("conversation.number_change_ignored", ["wa_id": old, "new_wa_id": new])
        }
        let store = SQLiteTicketStore.transaction(on: database, configuration: self.tickets)
        let open = try store.moveReporter(from: old, to: new, at: now)
        try ConversationRecords.move(from: old, to: new, in: database)
        self.states.forget(old)
        self.states.forget(new)
        self.logger.info(
            "conversation.number_changed",
            ["wa_id": old, "new_wa_id": new, "open_tickets": open.map { String($0.value) }.joined(separator: ",")])
    }

    /// Feeds a staff action or a timer to `contact`'s conversation inside the caller's transaction.
    /// - Returns: the messages to queue.
    public func deliver(_ event: ConversationEvent, to contact: String, now: Date, in database: Database) throws
        -> [OutboundMessage]
    {
        try self.run(event, for: contact, profileName: nil, preparation: MessagePreparation(), now: now, in: database)
    }

    /// Runs `event` and every follow-up event its effects produce (a ticket opened, a document stored).
    func run(
        _ event: ConversationEvent, for contact: String, profileName: String?, preparation: MessagePreparation,
        now: Date, in database: Database
    ) throws -> [OutboundMessage] {
        let knownName = try profileName ?? ConversationRecords.profileName(of: contact, in: database)
        var state = try self.state(of: contact, in: database)
        var pending = [event]
        var outbound: [OutboundMessage] = []
        var steps = 0
        while !pending.isEmpty {
            steps += 1
            // Each follow-up answers one effect; a chain longer than this is a reducer bug, not input.
            precondition(steps <= 64, "Invalid state: conversation effects keep producing events")
            let next = pending.removeFirst()
            let reducerContext = try self.context(
                for: contact, profileName: knownName, state: state, event: next, now: now, in: database)
            let (newState, effects) = ConversationReducer.reduce(state: state, event: next, context: reducerContext)
            state = newState
            var execution = EffectExecution(
                contact: contact, profileName: knownName, now: now, preparation: preparation, database: database)
            for effect in effects {
                try self.execute(effect, in: &execution)
            }
            outbound += execution.outbound
            pending += execution.followUps
        }
        let json = try ConversationRecords.save(state, of: contact, profileName: profileName, at: now, in: database)
        self.states.remember(state, storedAs: json, of: contact)
        return outbound
    }

    /// The stored state of `contact`, through the cache of states last saved.
    func state(of contact: String, in database: Database) throws -> ConversationState {
        try self.states.state(of: contact, storedAs: try ConversationRecords.stateJSON(of: contact, in: database))
    }

    /// The category of the tickets that carry an erasure request.
    public static let erasureCategory = "data_pribadi"

    /// What Loket holds about `contact`: the counts only when `event` asks for them ("data saya apa saja?"), so
    /// other messages do not pay three queries for them; a pending erasure request always.
    func personalData(
        of contact: String, profileName: String?, open: [Ticket], event: ConversationEvent, in database: Database
    ) throws -> PersonalDataSummary {
        let pending = open.first { $0.category == Self.erasureCategory }?.number.value
        guard case .messageReceived(let message) = event, case .text(let text, _) = message.kind,
            self.catalogue.settings.mentions(text: text, keywordsNamed: "privacy.show")
        else { return PersonalDataSummary(profileName: profileName, pendingErasure: pending) }
        let count = { (sql: String) in try database.queryFirst(sql, [.text(contact)]) { $0.int(0) } ?? 0 }
        return PersonalDataSummary(
            profileName: profileName,
            tickets: try count("SELECT count(*) FROM tickets WHERE reporter_wa_id = ?"),
            documents: try count(
                """
                SELECT count(*) FROM ticket_attachments a JOIN tickets t ON t.number = a.ticket_number
                WHERE t.reporter_wa_id = ? AND a.purged_at IS NULL
                """),
            surveys: try count(
                "SELECT count(*) FROM survey_responses s JOIN tickets t ON t.number = s.ticket_number WHERE t.reporter_wa_id = ?"
            ),
            pendingErasure: pending)
    }

    public func staleNotice(for message: InboundMessage, in database: Database) throws -> String {
        let state = try self.state(of: message.conversationKey, in: database)
        return self.catalogue.text(.staleNotice, in: state.language ?? self.defaultLanguage)
    }

    /// A ticket's title as the contact reads it: a service's name, which its ticket is titled with in Indonesian
    /// for staff, in the contact's language; any other title (a staff request, an erasure) as it is.
    func title(of ticket: Ticket, in language: Language) -> String {
        guard let service = ticket.category.flatMap(self.catalogue.service(id:)),
            ticket.title == service.title.indonesian
        else { return ticket.title }
        return service.title.text(in: language)
    }

    /// What the reducer may know besides the event: time, dialogs, the contact's own open tickets, the survey.
    func context(
        for contact: String, profileName: String?, state: ConversationState, event: ConversationEvent, now: Date,
        in database: Database
    ) throws -> ConversationContext {
        let language = state.language ?? self.defaultLanguage
        let store = SQLiteTicketStore.transaction(on: database, configuration: self.tickets)
        let open = try store.tickets(ofContact: contact, includeClosed: false, limit: 20)
        let statuses = try self.verificationStatuses(of: open, now: now, in: store)
        let summaries = open.map { ticket in
            let overview = ticket.overview(at: now, calendar: self.tickets.lifecycle.calendar)
            return TicketSummary(
                number: ticket.number.value, title: self.title(of: ticket, in: language),
                stateText: self.catalogue.text(Self.prompt(for: ticket.status.kind), in: language),
                waitingOn: self.catalogue.text(Self.prompt(for: overview.waitingOn), in: language), due: overview.dueAt,
                call: self.callStage(of: ticket, status: statuses[ticket.number]), isNew: ticket.status.kind == .new)
        }
        // Staff work now when one working second from now is one second from now.
        let calendar = self.tickets.lifecycle.calendar
        let nextWorking = calendar.adding(workingSeconds: 1, to: now).addingTimeInterval(-1)
        var context = ConversationContext(
            now: now, defaultLanguage: self.defaultLanguage, catalogue: self.catalogue,
            waID: contact, profileName: profileName, openTickets: summaries, survey: self.survey,
            staffAvailableFrom: nextWorking > now.addingTimeInterval(1) ? nextWorking : nil)
        context.verification = try self.verificationOffer(among: open, statuses: statuses, now: now, in: store)
        context.personalData = try self.personalData(
            of: contact, profileName: profileName, open: open, event: event, in: database)
        return context
    }
}
