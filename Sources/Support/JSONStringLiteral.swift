/// Writes a JSON string literal as `JSONEncoder` does: quote, backslash and control characters escaped
/// (short forms where JSON has them), `/` and non-ASCII characters as they are.
public enum JSONStringLiteral {
    private static let hexDigits = Array("0123456789abcdef".utf8)

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

    /// `value` as a quoted JSON string literal, appended to UTF-8 `output`.
    public static func append(_ value: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                output.append(byte)
                continue
            }
            output.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""): output.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\"))
            case 0x08: output.append(UInt8(ascii: "b"))
            case 0x0C: output.append(UInt8(ascii: "f"))
            case 0x0A: output.append(UInt8(ascii: "n"))
            case 0x0D: output.append(UInt8(ascii: "r"))
            case 0x09: output.append(UInt8(ascii: "t"))
            default:
                output.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                output.append(Self.hexDigits[Int(byte >> 4)])
                output.append(Self.hexDigits[Int(byte & 0x0F)])
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
