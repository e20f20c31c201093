import CSQLite3
import Foundation

/// A prepared SQLite statement; finalized when released.
///
/// Owned by one `Database` and used only while its owner serialises access, so it is never
/// touched from two threads at once.
public final class Statement {
    let handle: OpaquePointer
    private unowned let database: Database
    public let sql: String

    init(database: Database, sql: String) throws {
        var handle: OpaquePointer?
        let result = sqlite3_prepare_v3(database.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, nil)
        guard result == SQLITE_OK, let handle else {
            throw database.error(code: result, sql: sql)
        }
        self.handle = handle
        self.database = database
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(self.handle)
    }

    /// Clears bindings and resets the statement so it can run again.
    public func reset() {
        sqlite3_reset(self.handle)
        sqlite3_clear_bindings(self.handle)
    }

    /// Binds `values` to parameters 1...n.
    public func bind(_ values: [SQLiteValue]) throws {
        for (offset, value) in values.enumerated() {
            try self.bind(value, at: Int32(offset + 1))
        }
    }

    /// Binds one value to the 1-based parameter `index`.
    public func bind(_ value: SQLiteValue, at index: Int32) throws {
        let result: Int32
        switch value {
        case .null:
            result = sqlite3_bind_null(self.handle, index)
        case .integer(let number):
            result = sqlite3_bind_int64(self.handle, index, number)
        case .real(let number):
            result = sqlite3_bind_double(self.handle, index, number)
        case .text(let string):
            result = sqlite3_bind_text(self.handle, index, string, -1, csqlite3_transient())
        case .blob(let bytes):
            result = bytes.withUnsafeBytes { buffer in
                sqlite3_bind_blob64(
                    self.handle, index, buffer.baseAddress, sqlite3_uint64(buffer.count), csqlite3_transient())
            }
        }
        guard result == SQLITE_OK else {
            throw self.database.error(code: result, sql: self.sql)
        }
    }

    /// Advances to the next row; `false` when the statement is done.
    @discardableResult
    public func step() throws -> Bool {
        let result = sqlite3_step(self.handle)
        switch result {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw self.database.error(code: result, sql: self.sql)
        }
    }

    public var columnCount: Int32 { sqlite3_column_count(self.handle) }

    public func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(self.handle, column) == SQLITE_NULL
    }

    public func int64(_ column: Int32) -> Int64 {
        sqlite3_column_int64(self.handle, column)
    }

    public func int(_ column: Int32) -> Int {
        Int(sqlite3_column_int64(self.handle, column))
    }

    public func optionalInt(_ column: Int32) -> Int? {
        self.isNull(column) ? nil : self.int(column)
    }

    public func double(_ column: Int32) -> Double {
        sqlite3_column_double(self.handle, column)
    }

    public func optionalDouble(_ column: Int32) -> Double? {
        self.isNull(column) ? nil : self.double(column)
    }

    public func string(_ column: Int32) -> String {
        guard let text = sqlite3_column_text(self.handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(self.handle, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    /// Calls `body` with the UTF-8 bytes of a text column, without copying them (valid until the next step).
    public func withText<Result>(_ column: Int32, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows
        -> Result
    {
        let text = sqlite3_column_text(self.handle, column)
        let count = Int(sqlite3_column_bytes(self.handle, column))
        return try body(UnsafeRawBufferPointer(start: text, count: text == nil ? 0 : count))
    }

    public func optionalString(_ column: Int32) -> String? {
        self.isNull(column) ? nil : self.string(column)
    }

    public func bytes(_ column: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(self.handle, column))
        guard count > 0, let pointer = sqlite3_column_blob(self.handle, column) else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    public func optionalBytes(_ column: Int32) -> [UInt8]? {
        self.isNull(column) ? nil : self.bytes(column)
    }
}
