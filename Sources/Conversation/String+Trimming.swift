extension String {
    /// The string without leading and trailing whitespace or any of `characters`.
    func trimming(_ characters: String) -> String {
        var result = Substring(self)
        while let first = result.first, characters.contains(first) || first.isWhitespace { result.removeFirst() }
        while let last = result.last, characters.contains(last) || last.isWhitespace { result.removeLast() }
        return String(result)
    }
}
