// Chat text read byte by byte where it is ASCII (nearly every message), and by characters otherwise: each reading
// gives what the character-by-character one it replaces gives (`ByteScanningTests`).

extension StringProtocol {
    /// How many words the text has, split at whitespace; ASCII text is read byte by byte, where the whitespace is
    /// tab, line feed, vertical tab, form feed, carriage return and space.
    var wordCount: Int {
        var count = 0
        var inWord = false
        for byte in self.utf8 {
            guard byte < 0x80 else { return self.split(whereSeparator: \.isWhitespace).count }
            let isSpace = byte == UInt8(ascii: " ") || (0x09...0x0D).contains(byte)
            if !isSpace && !inWord { count += 1 }
            inWord = !isSpace
        }
        return count
    }
}

extension StringProtocol where SubSequence == Substring {
    /// The text's words between spaces, as `split(separator: " ")` gives them for the text of
    /// `DialogSettings.spacedWords`, found byte by byte (see `MessageWords`).
    var wordsBetweenSpaces: [Substring] { self.splitAtSpaceBytes(omittingEmpty: true) }

    /// The text split at each space byte; unless `omittingEmpty`, with an empty word between two spaces in a row
    /// and before or after a space at either end, as `split(separator: " ", omittingEmptySubsequences: false)`.
    func splitAtSpaceBytes(omittingEmpty: Bool) -> [Substring] {
        var words: [Substring] = []
        let bytes = self.utf8
        var start = bytes.startIndex
        var index = start
        while index != bytes.endIndex {
            if bytes[index] == UInt8(ascii: " ") {
                if !omittingEmpty || start != index { words.append(self[start..<index]) }
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        if !omittingEmpty || start != bytes.endIndex { words.append(self[start..<bytes.endIndex]) }
        return words
    }
}

extension StringProtocol {
    /// Whether the text has a letter; ASCII text is read byte by byte, where the letters are `a`–`z` and `A`–`Z`.
    var containsLetter: Bool {
        for byte in self.utf8 {
            guard byte < 0x80 else { return self.contains(where: \.isLetter) }
            if case UInt8(ascii: "a")...UInt8(ascii: "z") = byte | 0x20 { return true }
        }
        return false
    }

    /// Whether the text holds the ASCII character `character` (a question mark): a search of its bytes, where a
    /// search for a string goes through Foundation.
    func containsASCII(_ character: Unicode.Scalar) -> Bool {
        precondition(character.isASCII, "Invalid argument: \(character) is not ASCII")
        return self.utf8.contains(UInt8(character.value))
    }
}

extension String {
    /// The text with every `target` replaced by `replacement`, both ASCII, found byte by byte (an ASCII byte in
    /// UTF-8 is always the character it spells).
    func replacingASCII(_ target: String, with replacement: String) -> String {
        let pattern = Array(target.utf8)
        precondition(!pattern.isEmpty && pattern.allSatisfy { $0 < 0x80 }, "Invalid argument: \(target)")
        let bytes = Array(self.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == pattern[0], bytes[index...].starts(with: pattern) {
                result += replacement.utf8
                index += pattern.count
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
