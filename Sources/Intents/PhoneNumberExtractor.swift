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

    /// Why a number the person typed is no Indonesian mobile number, to tell them.
    public enum Mismatch: Equatable, Sendable {
        /// Another country's number (`+` or `00` and a code other than 62).
        case foreign
        /// An Indonesian landline: a trunk `0` or the country code, then an area code (`0251 832 1123`).
        case landline
        /// Neither, with the count of digits typed (`0812345`: 7).
        case digits(Int)
    }

    /// Why `text` is no Indonesian mobile number; nil when it is one or holds no digit.
    public static func mismatch(_ text: String) -> Mismatch? {
        guard Self.normalise(text) == nil else { return nil }
        let digits = String(text.unicodeScalars.filter(\.isASCIIDigit).map(Character.init))
        guard !digits.isEmpty else { return nil }
        let hasPlus = text.drop { $0.isWhitespace }.hasPrefix("+")
        guard let national = Self.nationalNumber(digits: digits, hasPlus: hasPlus) else { return .foreign }
        let prefixed = digits.hasPrefix("0") || digits.hasPrefix("62")
        return prefixed && !national.hasPrefix("8") && national.count >= 8 ? .landline : .digits(digits.count)
    }

    /// The E.164 form of a digit string, `hasPlus` telling whether a `+` preceded it.
    static func normalise(digits: String, hasPlus: Bool) -> String? {
        guard let national = Self.nationalNumber(digits: digits, hasPlus: hasPlus) else { return nil }
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

    /// The national significant number of a digit string: without the country code (`62`, `0062`, after `+`)
    /// and the trunk `0`; nil for another country's number (`+` or `00` and another code).
    static func nationalNumber(digits: String, hasPlus: Bool) -> Substring? {
        var national = Substring(digits)
        var hadCountryCode = true
        if hasPlus {
            guard national.hasPrefix("62") else { return nil }
            national = national.dropFirst(2)
        } else if national.hasPrefix("0062") {
            national = national.dropFirst(4)
        } else if national.hasPrefix("00") {
            return nil
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
        return national
    }

    /// An E.164 number with its middle digits hidden, for logs: `+62812****7890`.
    public static func mask(_ phone: String) -> String {
        IdentifierMask.mask(phone, keepingFirst: 6, last: 4)
    }
}
