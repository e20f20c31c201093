/// Writes a JSON string literal as `JSONEncoder` does: quote, backslash and control characters escaped
/// (short forms where JSON has them), `/` and non-ASCII characters as they are.
public enum JSONStringLiteral {
    /// `value` as a quoted JSON string literal.
    public static func quoted(_ value: String) -> String {
        var output = ""
        Self.append(value, to: &output)
        return output
    }

    public static func append(_ value: String, to output: inout String) {
        var value = value
        value.withUTF8 { bytes in
            output += "\""
            // Runs of plain bytes are appended whole; the bytes that need escaping are all ASCII, so every run
            // is valid UTF-8 on its own.
            var plainStart = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") { continue }
                if plainStart < index {
                    output += String(decoding: UnsafeBufferPointer(rebasing: bytes[plainStart..<index]), as: UTF8.self)
                }
                switch byte {
                case UInt8(ascii: "\""): output += "\\\""
                case UInt8(ascii: "\\"): output += "\\\\"
                case 0x08: output += "\\b"
                case 0x0C: output += "\\f"
                case 0x0A: output += "\\n"
                case 0x0D: output += "\\r"
                case 0x09: output += "\\t"
                default:
                    let hex = String(byte, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
                plainStart = index + 1
            }
            if plainStart == 0 {
                output += String(decoding: bytes, as: UTF8.self)
            } else if plainStart < bytes.count {
                output += String(decoding: UnsafeBufferPointer(rebasing: bytes[plainStart...]), as: UTF8.self)
            }
            output += "\""
        }
    }
}
