import Foundation

/// A CSV document: a header row and data rows, written per RFC 4180 (CRLF, quotes doubled).
///
/// `render(byteOrderMark:)` prefixes a UTF-8 BOM by default because Excel otherwise reads UTF-8 as the local
/// ANSI code page and garbles Indonesian names; LibreOffice and most tools skip the BOM.
public struct CSVTable: Hashable, Sendable {
    public let header: [String]
    public let rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// The CSV text, with a UTF-8 byte-order mark when `byteOrderMark` is true.
    public func render(byteOrderMark: Bool = true) -> String {
        var output = byteOrderMark ? "\u{FEFF}" : ""
        for row in [self.header] + self.rows {
            output += row.map(Self.field).joined(separator: ",")
            output += "\r\n"
        }
        return output
    }

    /// One field, quoted when it holds a comma, quote, CR or LF (or starts/ends with a space).
    static func field(_ value: String) -> String {
        let needsQuotes =
            value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            || value.hasPrefix(" ") || value.hasSuffix(" ")
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
