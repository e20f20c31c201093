extension Character {
    /// Whether this is one of `0`…`9` (not any Unicode digit).
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}

extension StringProtocol {
    /// Whether the text holds a number worth keeping, five digits or more in all ("nib kami 1234567890123",
    /// "01.234.567.8-901.000"): data, not a choice's number (one or two digits) nor part of a yes.
    var carriesANumber: Bool {
        var digits = 0
        for character in self where character.isASCIIDigitCharacter {
            digits += 1
            if digits >= 5 { return true }
        }
        return false
    }
}
