/// Writes a JSON string literal as `JSONEncoder` does: quote, backslash and control characters escaped
/// (short forms where JSON has them), `/` and non-ASCII characters as they are.
public enum JSONStringLiteral {
    /// `value` as a quoted JSON string literal.
    public static func quoted(_ value: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(value.utf8.count + 2)
        Self.append(value, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// `value` as a quoted JSON string literal, appended to UTF-8 `output`.
    public static func append(_ value: String, to output: inout [UInt8]) {
        var value = value
        value.withUTF8 { bytes in
            output.append(UInt8(ascii: "\""))
            // Runs of plain bytes are copied whole.
            var plainStart = 0
            for index in 0..<bytes.count where Self.needsEscape(bytes[index]) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainStart..<index]))
                output.append(contentsOf: Self.escape(bytes[index]).utf8)
                plainStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainStart...]))
            output.append(UInt8(ascii: "\""))
        }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// The escape of `byte`, one for which `needsEscape` holds (short enough to need no allocation).
    private static func escape(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "\""): return "\\\""
        case UInt8(ascii: "\\"): return "\\\\"
        case 0x08: return "\\b"
        case 0x0C: return "\\f"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        default:
            let hex = String(byte, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }
}
