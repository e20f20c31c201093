extension String {
    /// The string without leading and trailing whitespace or any of `characters`.
    func trimming(_ characters: String) -> String {
        var result = Substring(self)
        while let first = result.first, characters.contains(first) || first.isWhitespace { result.removeFirst() }
        while let last = result.last, characters.contains(last) || last.isWhitespace { result.removeLast() }
        return String(result)
    }
}

extension StringProtocol {
    /// How many words the text has, split at whitespace.
    var wordCount: Int { self.split(whereSeparator: \.isWhitespace).count }
}
