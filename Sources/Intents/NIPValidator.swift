import Support

/// Structural checks of a civil servant's NIP (`YYYYMMDD YYYYMM G NNN`): a real birth date, a real
/// appointment month after it, sex digit 1 or 2, serial from 001.
public enum NIPValidator {
    /// The digits of `text` (spaces, dots and dashes ignored) if they form a plausible NIP.
    public static func validate(_ text: String) -> String? {
        let digits = IdentifierDigits.digits(of: text)
        return digits.flatMap { Self.isValid(digits: $0) ? $0 : nil }
    }

    static func isValid(digits: String) -> Bool {
        let values = Array(digits.utf8).map { Int($0) - 48 }
        guard values.count == 18, values.allSatisfy({ (0...9).contains($0) }) else { return false }
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + values[$1] } }
        let birthYear = number(0..<4)
        let appointmentYear = number(8..<12)
        guard (1940...2015).contains(birthYear),
            LocalDate.isValid(year: birthYear, month: number(4..<6), day: number(6..<8)),
            (1960...2100).contains(appointmentYear), appointmentYear > birthYear,
            (1...12).contains(number(12..<14)),
            values[14] == 1 || values[14] == 2,
            number(15..<18) >= 1
        else { return false }
        return true
    }

    /// A NIP with all but the first four and last three digits hidden, for logs.
    public static func mask(_ nip: String) -> String {
        IdentifierMask.mask(nip, keepingFirst: 4, last: 3)
    }
}
