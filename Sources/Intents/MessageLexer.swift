/// Splits a message into words, numbers (keeping the separators people type inside them) and symbols.
enum MessageLexer {
    private static let numberSeparators: Set<Unicode.Scalar> = [".", "-", "/", ":", "(", ")"]

    static func tokens(of text: String) -> [MessageToken] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [MessageToken] = []
        tokens.reserveCapacity(scalars.count / 3)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" {
                tokens.append(MessageToken(kind: .symbol, text: "\n", raw: "\n"))
                index += 1
            } else if scalar.properties.isWhitespace || Self.isIgnorable(scalar) {
                index += 1
            } else if Self.isLetter(scalar) {
                let start = index
                index += 1
                while index < scalars.count {
                    let next = scalars[index]
                    if Self.isLetter(next) {
                        index += 1
                    } else if (next == "'" || next == "’") && index + 1 < scalars.count
                        && Self.isLetter(scalars[index + 1])
                    {
                        index += 1
                    } else {
                        break
                    }
                }
                tokens.append(Self.token(.word, scalars[start..<index]))
                // "pikir2", "apa2": a 2 written straight after a word repeats it, as "pikir-pikir" does.
                if index - start >= 2, index < scalars.count, scalars[index] == "2",
                    index + 1 == scalars.count
                        || !(scalars[index + 1].isASCIIDigit || Self.isLetter(scalars[index + 1]))
                {
                    tokens.append(tokens[tokens.count - 1])
                    index += 1
                }
            } else if scalar.isASCIIDigit
                || ((scalar == "+" || scalar == "(") && index + 1 < scalars.count && scalars[index + 1].isASCIIDigit)
            {
                let start = index
                index += 1
                while index < scalars.count {
                    let next = scalars[index]
                    if next.isASCIIDigit {
                        index += 1
                    } else if next == ")" {
                        index += 1
                    } else if Self.numberSeparators.contains(next) && index + 1 < scalars.count
                        && (scalars[index + 1].isASCIIDigit || scalars[index + 1] == "(")
                    {
                        index += 1
                    } else {
                        break
                    }
                }
                tokens.append(Self.token(.number, scalars[start..<index]))
            } else {
                tokens.append(Self.token(.symbol, scalars[index..<(index + 1)]))
                index += 1
            }
        }
        return tokens
    }

    private static func token(_ kind: MessageToken.Kind, _ slice: ArraySlice<Unicode.Scalar>) -> MessageToken {
        if slice.allSatisfy(\.isASCII) {
            // Most tokens: both forms are written as bytes, without appending scalar by scalar.
            let raw = String(unsafeUninitializedCapacity: slice.count) { buffer in
                for (offset, scalar) in zip(buffer.indices, slice) { buffer[offset] = UInt8(scalar.value) }
                return slice.count
            }
            let lower = String(unsafeUninitializedCapacity: slice.count) { buffer in
                for (offset, scalar) in zip(buffer.indices, slice) {
                    let byte = UInt8(scalar.value)
                    buffer[offset] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                }
                return slice.count
            }
            return MessageToken(kind: kind, text: lower, raw: raw)
        }
        var raw = String.UnicodeScalarView()
        var lower = String.UnicodeScalarView()
        var needsFoundation = false
        for scalar in slice {
            raw.append(scalar)
            if scalar.value >= 65 && scalar.value <= 90 {
                lower.append(Unicode.Scalar(scalar.value + 32)!)
            } else if scalar.value < 128 {
                lower.append(scalar)
            } else if scalar == "’" {
                lower.append("'")
            } else {
                needsFoundation = true
                lower.append(scalar)
            }
        }
        let rawString = String(raw)
        let lowerString = needsFoundation && kind == .word ? rawString.lowercased() : String(lower)
        return MessageToken(kind: kind, text: lowerString, raw: rawString)
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 128 {
            return (scalar.value >= 65 && scalar.value <= 90) || (scalar.value >= 97 && scalar.value <= 122)
        }
        return scalar.properties.isAlphabetic && !scalar.properties.isEmoji
    }

    /// Variation selectors, joiners and skin tones that only decorate the emoji before them.
    private static func isIgnorable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFE00...0xFE0F, 0x200D, 0x1F3FB...0x1F3FF, 0x20E3:
            return true
        default:
            return false
        }
    }
}
