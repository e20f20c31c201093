import Support

/// Structural checks of a NIK (`PPRRSS DDMMYY NNNN`): a known province code, a real day and month of birth
/// (women's day + 40) and a serial other than `0000`. No register is consulted.
public enum NIKValidator {
    /// Province codes in use (11–19, 21, 31–36, 51–53, 61–65, 71–76, 81–82, 91–96).
    static let provinceCodes: Set<Int> = Set(
        Array(11...19) + [21] + Array(31...36) + Array(51...53) + Array(61...65) + Array(71...76) + [81, 82]
            + Array(91...96))

    /// The digits of `text` (spaces, dots and dashes ignored) if they form a plausible NIK.
    public static func validate(_ text: String) -> String? {
        let digits = IdentifierDigits.digits(of: text)
        return digits.flatMap { Self.isValid(digits: $0) ? $0 : nil }
    }

    static func isValid(digits: String) -> Bool {
        let values = Array(digits.utf8).map { Int($0) - 48 }
        guard values.count == 16, values.allSatisfy({ (0...9).contains($0) }) else { return false }
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + values[$1] } }
        guard Self.provinceCodes.contains(number(0..<2)), number(2..<4) > 0, number(4..<6) > 0 else { return false }
        var day = number(6..<8)
        if day > 40 { day -= 40 }
        let month = number(8..<10)
        guard LocalDate.isValid(year: 2000, month: month, day: day) else { return false }
        return number(12..<16) != 0
    }

    /// A NIK with all but the first four and last two digits hidden, for logs.
    public static func mask(_ nik: String) -> String {
        IdentifierMask.mask(nik, keepingFirst: 4, last: 2)
    }
}
