/// One piece of a message as the extractors see it: a word, a number with its separators, or a symbol.
struct MessageToken: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case word
        case number
        case symbol
    }

    var kind: Kind
    /// The lowercased text.
    var text: String
    /// The text as written.
    var raw: String

    /// The digits of a number token, without separators.
    var digits: String {
        String(String.UnicodeScalarView(self.text.unicodeScalars.filter { $0.isASCIIDigit }))
    }

    /// Whether a number token is digits only.
    var isPlainNumber: Bool {
        self.kind == .number && self.text.unicodeScalars.allSatisfy { $0.isASCIIDigit }
    }

    /// The value of a plain number token of at most nine digits.
    var intValue: Int? {
        guard self.isPlainNumber, self.text.utf8.count <= 9 else { return nil }
        return Int(self.text)
    }
}

extension Unicode.Scalar {
    var isASCIIDigit: Bool { self.value >= 48 && self.value <= 57 }
}
