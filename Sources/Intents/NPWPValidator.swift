/// Structural checks of an NPWP: the old 15 digits (`99.999.999.9-999.999`, dots and dash optional) or the
/// 16 digits used since 2024 (a NIK for individuals, `0` + the old 15 for companies).
///
/// The ninth digit of the old form is a Luhn check digit over the first eight, but some real numbers fail it,
/// so a mismatch is reported as a warning and the number is kept.
public enum NPWPValidator {
    /// A structurally valid NPWP.
    public struct Result: Equatable, Sendable {
        /// Digits only, 15 or 16 of them.
        public var digits: String
        /// `false` when the check digit does not match (warn, do not reject).
        public var checkDigitMatches: Bool
    }

    /// `text` (dots, dashes and spaces allowed) as an NPWP, or `nil` if it cannot be one.
    public static func validate(_ text: String) -> Result? {
        IdentifierDigits.digits(of: text).flatMap(Self.validate(digits:))
    }

    static func validate(digits: String) -> Result? {
        let values = Array(digits.utf8).map { Int($0) - 48 }
        guard values.allSatisfy({ (0...9).contains($0) }) else { return nil }
        switch values.count {
        case 15:
            guard values[0] * 10 + values[1] > 0 else { return nil }
            return Result(digits: digits, checkDigitMatches: Self.checkDigit(of: values) == values[8])
        case 16 where values[0] == 0:
            let old = Array(values.dropFirst())
            guard old[0] * 10 + old[1] > 0 else { return nil }
            return Result(digits: digits, checkDigitMatches: Self.checkDigit(of: old) == old[8])
        case 16:
            return NIKValidator.isValid(digits: digits) ? Result(digits: digits, checkDigitMatches: true) : nil
        default:
            return nil
        }
    }

    /// The Luhn check digit of the first eight digits.
    static func checkDigit(of values: [Int]) -> Int {
        var sum = 0
        for (offset, value) in values.prefix(8).reversed().enumerated() {
            if offset % 2 == 0 {
                let doubled = value * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += value
            }
        }
        return (10 - sum % 10) % 10
    }

    /// An NPWP as it is printed: 15 digits as "01.234.567.8-901.000"; a 16-digit one (a NIK, since 2024) and
    /// anything else as given.
    public static func formatted(_ npwp: String) -> String {
        let digits = Array(npwp)
        guard digits.count == 15, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return npwp }
        let groups = [0..<2, 2..<5, 5..<8, 8..<9, 9..<12, 12..<15].map { String(digits[$0]) }
        return "\(groups[0]).\(groups[1]).\(groups[2]).\(groups[3])-\(groups[4]).\(groups[5])"
    }

    /// An NPWP with all but the first two and last three digits hidden, for logs.
    public static func mask(_ npwp: String) -> String {
        IdentifierMask.mask(npwp, keepingFirst: 2, last: 3)
    }
}
