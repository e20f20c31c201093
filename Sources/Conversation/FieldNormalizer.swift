import Foundation

/// Checks and normalises single answers (phone, company, NPWP, NIP, kode tender).
///
/// Kept apart so that it can be swapped for the recognizer's extractors (`PhoneNumberExtractor`, …) later.
enum FieldNormalizer {
    /// An Indonesian mobile number in E.164 (`+628…`), or nil.
    static func phone(_ text: String) -> String? {
        var digits = text.filter { !" -.()/".contains($0) }
        if digits.hasPrefix("+") { digits.removeFirst() }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigitCharacter) else { return nil }
        if digits.hasPrefix("0062") {
            digits.removeFirst(4)
        } else if digits.hasPrefix("62") {
            digits.removeFirst(2)
        } else if digits.hasPrefix("0") {
            digits.removeFirst(1)
        }
        if digits.hasPrefix("0") { digits.removeFirst() }
        let chars = Array(digits)
        guard chars.count >= 9, chars.count <= 12, chars[0] == "8", "1235679".contains(chars[1]) else { return nil }
        return "+62" + digits
    }

    /// A company name and its form when the text starts or ends with one ("PT. Maju Jaya", "Maju Jaya, CV").
    static func company(_ text: String) -> (name: String, form: BusinessForm?)? {
        let cleaned = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            .trimming(",.")
        guard cleaned.count >= 2, cleaned.count <= 120, cleaned.contains(where: \.isLetter) else { return nil }
        var words = cleaned.split(separator: " ").map(String.init)
        if let form = businessForm(words[0].trimming(".,")), words.count > 1 {
            words.removeFirst()
            return (words.joined(separator: " "), form)
        }
        if let last = words.last, let form = businessForm(last.trimming(".,")), words.count > 1 {
            words.removeLast()
            return (words.joined(separator: " ").trimming(","), form)
        }
        return (cleaned, nil)
    }

    /// A business form from a word or a typed name ("pt", "Perorangan", "asing").
    static func businessForm(_ word: String) -> BusinessForm? {
        switch word.lowercased() {
        case "pt", "p.t", "p.t.": return .pt
        case "cv", "c.v", "c.v.": return .cv
        case "ud", "u.d", "u.d.": return .ud
        case "koperasi", "kop": return .koperasi
        case "firma", "fa": return .firma
        case "persero", "(persero)": return .persero
        case "perorangan", "perseorangan", "individual": return .perorangan
        case "asing", "foreign", "perusahaan asing", "foreign company": return .asing
        default: return nil
        }
    }

    /// NPWP digits (15, or 16 since 2024), or nil.
    static func npwp(_ text: String) -> String? {
        let digits = text.filter { !" -.".contains($0) }
        guard digits.allSatisfy(\.isASCIIDigitCharacter), digits.count == 15 || digits.count == 16 else { return nil }
        return digits
    }

    /// NIP digits (18, with a plausible birth date and sex digit), or nil.
    static func nip(_ text: String) -> String? {
        let digits = Array(text.filter { !" -.".contains($0) })
        guard digits.count == 18, digits.allSatisfy(\.isASCIIDigitCharacter) else { return nil }
        let month = Int(String(digits[4...5])) ?? 0
        let day = Int(String(digits[6...7])) ?? 0
        guard (1...12).contains(month), (1...31).contains(day), digits[14] == "1" || digits[14] == "2" else {
            return nil
        }
        return String(digits)
    }

    /// A kode tender / kode paket: letters, digits and dashes, 3–40 characters.
    static func kodeTender(_ text: String) -> String? {
        let code = text.trimmingCharacters(in: .whitespaces)
        guard (3...40).contains(code.count), code.contains(where: \.isASCIIDigitCharacter),
            code.allSatisfy({ $0.isLetter || $0.isASCIIDigitCharacter || $0 == "-" || $0 == "/" })
        else { return nil }
        return code
    }

    /// Free text of 3–2000 characters.
    static func freeText(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return (3...2000).contains(trimmed.count) ? trimmed : nil
    }
}
