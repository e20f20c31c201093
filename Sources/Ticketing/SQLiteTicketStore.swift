import Storage

/// The SQLite implementation of `TicketStore` on Loket's single `DatabaseWriter`.
///
/// Callers that already hold a transaction on the writer (the WhatsApp dispatcher) use
/// `SQLiteTicketStore.transaction(on:configuration:)` with the `Database` they were given, so that their
/// conversation state, outbox rows and ticket changes commit together.
public struct SQLiteTicketStore: TicketStore {
    public let writer: DatabaseWriter
    public let configuration: TicketStoreConfiguration

    /// Wraps `writer` and brings the `ticketing` schema up to date (refusing a newer one).
    public init(writer: DatabaseWriter, configuration: TicketStoreConfiguration) throws {
        try writer.migrate(TicketSchema.migrator)
        self.writer = writer
        self.configuration = configuration
    }

    /// A store on a private in-memory database, for tests and tools.
    public static func inMemory(configuration: TicketStoreConfiguration) throws -> SQLiteTicketStore {
        try SQLiteTicketStore(writer: DatabaseWriter(path: ":memory:"), configuration: configuration)
    }

    /// The ticket operations on `database`, inside whatever transaction its caller opened. Each operation runs
    /// in a savepoint there, so a refused operation leaves the caller's other changes intact.
    public static func transaction(
        on database: Database, configuration: TicketStoreConfiguration
    ) -> SQLiteTicketTransaction {
        SQLiteTicketTransaction(database: database, configuration: configuration)
    }

    public func write<Result>(_ body: (any TicketTransaction) throws -> Result) throws -> Result {
        try self.writer.write { database in
            try body(SQLiteTicketTransaction(database: database, configuration: self.configuration))
        }
    }

    public func read<Result>(_ body: (any TicketReading) throws -> Result) throws -> Result {
        try self.writer.read { database in
            try body(SQLiteTicketTransaction(database: database, configuration: self.configuration))
        }
    }
}
