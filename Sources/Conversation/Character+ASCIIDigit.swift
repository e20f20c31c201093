extension Character {
    /// Whether this is one of `0`…`9` (not any Unicode digit).
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
