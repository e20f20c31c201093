/// The port through which Loket reaches its tickets; SQLite today, PostgreSQL behind the same shape later.
///
/// `write` runs its body in one transaction (commit on return, rollback on throw); `read` sees committed data.
/// The WhatsApp dispatcher joins its own transaction instead, through `SQLiteTicketStore.transaction(on:)`.
public protocol TicketStore: Sendable {
    func write<Result>(_ body: (any TicketTransaction) throws -> Result) throws -> Result
    func read<Result>(_ body: (any TicketReading) throws -> Result) throws -> Result
}
