/// A value bound to or read from SQLite.
public enum SQLiteValue: Equatable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

extension SQLiteValue: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral, ExpressibleByNilLiteral,
    ExpressibleByFloatLiteral
{
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(stringLiteral value: String) { self = .text(value) }
    public init(nilLiteral: ()) { self = .null }
    public init(floatLiteral value: Double) { self = .real(value) }
}

extension SQLiteValue {
    public static func int(_ value: Int) -> SQLiteValue { .integer(Int64(value)) }

    public static func optional(_ value: String?) -> SQLiteValue { value.map { .text($0) } ?? .null }

    public static func optional(_ value: Int?) -> SQLiteValue { value.map { .integer(Int64($0)) } ?? .null }

    public static func optional(_ value: Double?) -> SQLiteValue { value.map { .real($0) } ?? .null }
}
