extension StringProtocol {
    /// Without leading and trailing whitespace and line breaks: the Unicode `White_Space` scalars and the
    /// zero-width space pasted texts carry, which is what Foundation's `CharacterSet.whitespacesAndNewlines`
    /// holds. Read scalar by scalar in the standard library; Foundation's `trimmingCharacters(in:)` goes
    /// through `NSString` and the set's bitmap, which costs a hundred times more on every message a provider
    /// writes.
    public func trimmingWhitespace() -> String {
        self.trimming { $0.properties.isWhitespace || $0 == Unicode.Scalar.zeroWidthSpace }
    }

    /// Without the leading and trailing scalars for which `trimmed` holds.
    public func trimming(where trimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = self.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, trimmed(scalars[start]) { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard trimmed(scalars[before]) else { break }
            end = before
        }
        return String(self[start..<end])
    }
}

extension Unicode.Scalar {
    /// U+200B, which Foundation's whitespace sets hold though Unicode calls it a format character.
    static let zeroWidthSpace = Unicode.Scalar(0x200B)!

    /// A space or a tab, not a line break: what Foundation's `CharacterSet.whitespaces` holds (the space
    /// separators, U+0009 and the zero-width space).
    public var isSpaceOrTab: Bool {
        self == "\t" || self == Self.zeroWidthSpace || self.properties.generalCategory == .spaceSeparator
    }

    /// Punctuation of any kind: what Foundation's `CharacterSet.punctuationCharacters` holds, and the
    /// punctuation of Unicode versions newer than its tables.
    public var isPunctuation: Bool {
        switch self.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            true
        default:
            false
        }
    }
}
