/// An error reported by SQLite or by Loket's use of it, with the statement that caused it.
public struct SQLiteError: Error, Equatable, CustomStringConvertible, Sendable {
    private enum Kind: Equatable, Sendable {
        case sqlite(code: Int32)
        case newerSchema(component: String, found: Int, known: Int)
        case migrationFailed(component: String, version: Int)
        case misuse
    }

    private let kind: Kind
    /// The message SQLite gave, or Loket's own explanation.
    public let message: String
    /// The SQL being run, when there was one.
    public let sql: String?

    private init(kind: Kind, message: String, sql: String?) {
        self.kind = kind
        self.message = message
        self.sql = sql
    }

    /// SQLite's primary result code (`SQLITE_CONSTRAINT`, `SQLITE_BUSY`, ...), when SQLite reported the error.
    public var code: Int32? {
        if case .sqlite(let code) = self.kind { return code & 0xFF }
        return nil
    }

    /// SQLite's extended result code, when SQLite reported the error.
    public var extendedCode: Int32? {
        if case .sqlite(let code) = self.kind { return code }
        return nil
    }

    /// Whether a UNIQUE, PRIMARY KEY, FOREIGN KEY or CHECK constraint refused the statement.
    public var isConstraintViolation: Bool { self.code == 19 }

    public static func sqlite(code: Int32, message: String, sql: String? = nil) -> SQLiteError {
        SQLiteError(kind: .sqlite(code: code), message: message, sql: sql)
    }

    public static func newerSchema(component: String, found: Int, known: Int) -> SQLiteError {
        SQLiteError(
            kind: .newerSchema(component: component, found: found, known: known),
            message: "the database holds \(component) schema version \(found), but this build of Loket knows "
                + "only up to version \(known); run a newer Loket or restore a backup made by this version",
            sql: nil
        )
    }

    public static func migrationFailed(component: String, version: Int, underlying: String) -> SQLiteError {
        SQLiteError(
            kind: .migrationFailed(component: component, version: version),
            message: "migration \(component) #\(version) failed: \(underlying)",
            sql: nil
        )
    }

    public static func misuse(_ message: String) -> SQLiteError {
        SQLiteError(kind: .misuse, message: message, sql: nil)
    }

    public var description: String {
        if let sql {
            return "SQLite error: \(self.message) (in: \(sql.prefix(200)))"
        }
        return "SQLite error: \(self.message)"
    }
}
