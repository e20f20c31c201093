import Foundation

/// Writes an iCalendar (RFC 5545) document: CRLF line ends, lines folded at 75 octets, text values escaped.
struct ICalendarWriter {
    private(set) var text = ""

    /// `NAME:value` with `value` written as given (dates, numbers, enumerations).
    mutating func line(_ name: String, _ value: String) {
        self.fold(name + ":" + value)
    }

    /// `NAME:value` with `value` escaped as TEXT (backslash, comma, semicolon, line ends).
    mutating func text(_ name: String, _ value: String) {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case ",": escaped += "\\,"
            case ";": escaped += "\\;"
            case "\n", "\r\n", "\r": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        self.line(name, escaped)
    }

    /// `19980118T230000Z`: a UTC date-time.
    static func utc(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return pad(parts.tm_year + 1900, 4) + pad(parts.tm_mon + 1, 2) + pad(parts.tm_mday, 2) + "T"
            + pad(parts.tm_hour, 2) + pad(parts.tm_min, 2) + pad(parts.tm_sec, 2) + "Z"
    }

    /// Folds a content line: at most 75 octets a line, continuation lines starting with one space, never
    /// splitting a UTF-8 character.
    private mutating func fold(_ line: String) {
        var current = 0
        for character in line {
            let size = character.utf8.count
            if current + size > 75 {
                self.text += "\r\n "
                current = 1
            }
            self.text.append(character)
            current += size
        }
        self.text += "\r\n"
    }
}
