/// Reads Indonesian mobile numbers in the forms people type (`+62 812-3456-7890`, `0812.3456.7890`,
/// `0062 812…`, `62812…`, `+62 (0) 812…`, a bare `812…`) and gives them in E.164 (`+62812…`).
///
/// Only mobile numbers are accepted: the national significant number must match `8[1-35-9]\d{7,10}`,
/// so landlines (`021…`), `80x`/`84x` and impossible lengths are rejected.
public enum PhoneNumberExtractor {
    /// `text` as an E.164 mobile number, or `nil` if it is not one. `text` holds the number alone.
    public static func normalise(_ text: String) -> String? {
        var digits = ""
        var hasPlus = false
        for scalar in text.unicodeScalars {
            if scalar.isASCIIDigit {
                digits.unicodeScalars.append(scalar)
            } else if scalar == "+" && digits.isEmpty && !hasPlus {
                hasPlus = true
            } else if scalar == " " || scalar == "-" || scalar == "." || scalar == "(" || scalar == ")" {
                continue
            } else {
                return nil
            }
        }
        return Self.normalise(digits: digits, hasPlus: hasPlus)
    }

    /// The E.164 form of a digit string, `hasPlus` telling whether a `+` preceded it.
    static func normalise(digits: String, hasPlus: Bool) -> String? {
        var national = Substring(digits)
        var hadCountryCode = true
        if hasPlus {
            guard national.hasPrefix("62") else { return nil }
            national = national.dropFirst(2)
        } else if national.hasPrefix("0062") {
            national = national.dropFirst(4)
        } else if national.hasPrefix("62") {
            national = national.dropFirst(2)
        } else if national.hasPrefix("0") {
            national = national.dropFirst(1)
            hadCountryCode = false
        } else {
            hadCountryCode = false
        }
        if hadCountryCode && national.hasPrefix("0") {
            national = national.dropFirst(1)
        }
        let bytes = Array(national.utf8)
        guard bytes.count >= 9, bytes.count <= 12, bytes[0] == UInt8(ascii: "8") else { return nil }
        switch bytes[1] {
        case UInt8(ascii: "1"), UInt8(ascii: "2"), UInt8(ascii: "3"), UInt8(ascii: "5"), UInt8(ascii: "6"),
            UInt8(ascii: "7"), UInt8(ascii: "8"), UInt8(ascii: "9"):
            return "+62" + national
        default:
            return nil
        }
    }

    /// An E.164 number with its middle digits hidden, for logs: `+62812****7890`.
    public static func mask(_ phone: String) -> String {
        IdentifierMask.mask(phone, keepingFirst: 6, last: 4)
    }
}
