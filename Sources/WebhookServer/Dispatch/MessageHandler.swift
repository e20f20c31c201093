import Storage
import WhatsAppOutbox

/// Decides what to answer to one inbound message.
///
/// The dispatcher first calls `prepare` outside any transaction, for slow work that must not hold the single
/// database writer (media downloads); a throw there leaves the message pending, to be retried with backoff.
/// It then calls `handle` inside its write transaction: anything `handle` writes to `database` commits
/// together with the outbound messages it returns and the inbox row marked done, or not at all. Throw
/// `DispatchError.permanent` for a message that can never be handled; any other error is retried later.
public protocol MessageHandler: Sendable {
    func prepare(_ message: InboundMessage, context: StepContext) throws -> MessagePreparation

    func handle(
        _ message: InboundMessage, preparation: MessagePreparation, context: StepContext, in database: Database
    ) throws -> [OutboundMessage]

    /// The text sent once to a person whose messages arrived as a stale replay (after an outage), in their
    /// language; called inside the same transaction as `handle`.
    func staleNotice(for message: InboundMessage, in database: Database) throws -> String
}

extension MessageHandler {
    /// Nothing to do before the transaction.
    public func prepare(_ message: InboundMessage, context: StepContext) throws -> MessagePreparation {
        MessagePreparation()
    }
}
