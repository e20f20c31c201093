import Storage

/// Decides what to answer to one inbound message, inside the dispatcher's write transaction.
///
/// Anything it writes to `database` commits together with the outbound messages it returns and the
/// inbox row marked done, or not at all. Throw `DispatchError.permanent` for a message that can never
/// be handled; any other error is retried later with backoff.
public protocol ConversationStep: Sendable {
    func handle(_ message: InboundMessage, context: StepContext, in database: Database) throws -> [OutboundMessage]
}
