import Foundation

/// Writes one line per event: `ts=… level=… event=… key=value …`, values quoted when they hold
/// spaces or controls, and every number of 9 or more digits however written (phone numbers, NIK, NPWP,
/// NIP) masked down to its last 4 digits: `****-****-7890`.
///
/// Passed in to every component; never give it secrets or tokens.
public struct Logger: Sendable {
    public enum Level: Int, Comparable, Sendable, CaseIterable {
        case debug
        case info
        case warning
        case error

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }

        var name: String {
            switch self {
            case .debug: return "debug"
            case .info: return "info"
            case .warning: return "warning"
            case .error: return "error"
            }
        }

        /// Reads `debug`, `info`, `warning` or `error`.
        public init?(name: String) {
            guard let level = Level.allCases.first(where: { $0.name == name.lowercased() }) else { return nil }
            self = level
        }
    }

    public let minimumLevel: Level
    private let sink: @Sendable (String) -> Void
    private let now: @Sendable () -> Date
    private let context: [(String, String)]
    /// Shared by every copy made with `with(_:_:)`, so identical lines are counted wherever they come from.
    private let repeats: LogRepeatLimiter

    /// A logger handing each finished line (without newline) to `sink`.
    public init(
        minimumLevel: Level = .info, now: @escaping @Sendable () -> Date = { Date() },
        sink: @escaping @Sendable (String) -> Void
    ) {
        self.minimumLevel = minimumLevel
        self.sink = sink
        self.now = now
        self.context = []
        self.repeats = LogRepeatLimiter()
    }

    private init(copying other: Logger, context: [(String, String)]) {
        self.minimumLevel = other.minimumLevel
        self.sink = other.sink
        self.now = other.now
        self.context = context
        self.repeats = other.repeats
    }

    /// A logger writing to standard error.
    public static func standardError(minimumLevel: Level = .info) -> Logger {
        Logger(minimumLevel: minimumLevel) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

    /// A logger that drops everything (tests that do not look at logs).
    public static let discarding = Logger(minimumLevel: .error) { _ in }

    /// This logger with `key=value` added to every line.
    public func with(_ key: String, _ value: String) -> Logger {
        Logger(copying: self, context: self.context + [(key, value)])
    }

    public func debug(_ event: String, _ fields: KeyValuePairs<String, String> = [:]) {
        self.log(.debug, event, fields)
    }

    public func info(_ event: String, _ fields: KeyValuePairs<String, String> = [:]) {
        self.log(.info, event, fields)
    }

    public func warning(_ event: String, _ fields: KeyValuePairs<String, String> = [:]) {
        self.log(.warning, event, fields)
    }

    public func error(_ event: String, _ fields: KeyValuePairs<String, String> = [:]) {
        self.log(.error, event, fields)
    }

    public func log(_ level: Level, _ event: String, _ fields: KeyValuePairs<String, String>) {
        guard level >= self.minimumLevel else { return }
        var line = "level=" + level.name + " event=" + Self.format(event)
        for (key, value) in self.context {
            line += " " + key + "=" + Self.format(value)
        }
        for (key, value) in fields {
            line += " " + key + "=" + Self.format(value)
        }
        self.write(line)
    }

    /// Writes `line` behind its timestamp unless the same line was written too often within the last
    /// interval; the first one written after such a pause says how many were left out (`repeated=N`).
    private func write(_ line: String) {
        let now = self.now()
        guard let left = self.repeats.admit(line, at: now) else { return }
        self.sink("ts=" + Self.timestamp(now) + " " + line + (left > 0 ? " repeated=\(left)" : ""))
    }

    /// Writes a line another component already formatted as `key=value` pairs (e.g. `event=… id=…`),
    /// prefixed with the timestamp and level; numbers are masked, control characters escaped and the line
    /// capped like any value. The line is built only when `level` is written: a component logging every
    /// send does not pay for lines an office logging warnings only drops.
    public func passthrough(_ level: Level, _ text: @autoclosure () -> String) {
        guard level >= self.minimumLevel else { return }
        let line = Self.escapingControls(Self.capped(Self.mask(text()), to: Self.maximumLineLength))
        self.write("level=" + level.name + " " + line)
    }

    /// The longest value written; the rest is cut and its length said, so one request cannot grow the log
    /// by what it sent.
    public static let maximumValueLength = 512
    /// The longest line another component may pass through.
    public static let maximumLineLength = 2048

    /// Masks numbers, caps the length, then quotes the value as a JSON string when it is empty or holds
    /// spaces, quotes, `=` or controls, so that a control character or NUL never reaches the log raw.
    static func format(_ value: String) -> String {
        let masked = Self.capped(Self.mask(value), to: Self.maximumValueLength)
        let needsQuotes =
            masked.isEmpty
            || masked.utf8.contains { $0 <= 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "=") || $0 == 0x7F }
        return needsQuotes ? Self.escapingControls(JSONStringLiteral.quoted(masked)) : masked
    }

    /// `value` cut to `limit` characters, with how many bytes were left out.
    static func capped(_ value: String, to limit: Int) -> String {
        guard value.utf8.count > limit else { return value }
        let kept = value.prefix(limit)
        return kept + "…(+\(value.utf8.count - kept.utf8.count) bytes)"
    }

    /// DEL and other ASCII controls as `\u00XX` (JSON already escapes those below 0x20 inside quotes).
    static func escapingControls(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return value }
        var output = ""
        for scalar in value.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Masks every number that could identify a person (phone, NIK, NPWP, NIP): a run of 9 or more digits,
    /// however written (`+62 812-3456-7890`, `01.234.567.8-901.000`), keeps only its last 4 digits; the
    /// separators stay, so the form is still visible. Shorter numbers (ticket numbers, dates, counts) stay.
    public static func mask(_ value: String) -> String {
        let utf8 = Array(value.utf8)
        func isDigit(_ index: Int) -> Bool {
            index < utf8.count && utf8[index] >= UInt8(ascii: "0") && utf8[index] <= UInt8(ascii: "9")
        }
        func isSeparator(_ index: Int) -> Bool {
            index < utf8.count
                && (utf8[index] == UInt8(ascii: " ") || utf8[index] == UInt8(ascii: "-")
                    || utf8[index] == UInt8(ascii: "."))
        }
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count)
        var index = 0
        var changed = false
        while index < utf8.count {
            guard isDigit(index) else {
                output.append(utf8[index])
                index += 1
                continue
            }
            // The run: digits, with single separators between digit groups.
            var end = index
            var digits = 0
            while true {
                while isDigit(end) {
                    end += 1
                    digits += 1
                }
                guard isSeparator(end), isDigit(end + 1) else { break }
                end += 1
            }
            if digits >= 9 {
                var remaining = digits
                for position in index..<end {
                    if isDigit(position) {
                        output.append(remaining > 4 ? UInt8(ascii: "*") : utf8[position])
                        remaining -= 1
                    } else {
                        output.append(utf8[position])
                    }
                }
                changed = true
            } else {
                output.append(contentsOf: utf8[index..<end])
            }
            index = end
        }
        return changed ? String(decoding: output, as: UTF8.self) : value
    }

    /// `2026-11-23T17:42:59.123Z`
    static func timestamp(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        var seconds = time_t(interval.rounded(.down))
        let millis = Int((interval - interval.rounded(.down)) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return pad(parts.tm_year + 1900, 4) + "-" + pad(parts.tm_mon + 1, 2) + "-" + pad(parts.tm_mday, 2) + "T"
            + pad(parts.tm_hour, 2) + ":" + pad(parts.tm_min, 2) + ":" + pad(parts.tm_sec, 2) + "."
            + pad(Int32(millis), 3) + "Z"
    }
}
