import Foundation
import Intents

/// Checks and normalises single answers (phone, company, NPWP, NIP, kode tender).
///
/// Kept apart so that it can be swapped for the recognizer's extractors (`PhoneNumberExtractor`, …) later.
enum FieldNormalizer {
    /// An Indonesian mobile number in E.164 (`+628…`), or nil.
    /// An Indonesian mobile number in E.164, by the recognizer's rules (landlines and bad lengths refused).
    static func phone(_ text: String) -> String? {
        PhoneNumberExtractor.normalise(text)
    }

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
    /// NPWP digits (15 or 16); a failing check digit is accepted, as real numbers sometimes fail it.
    static func npwp(_ text: String) -> String? {
        NPWPValidator.validate(text)?.digits
    }

    /// NIP digits (18) with a plausible birth date, appointment month, sex and serial.
    static func nip(_ text: String) -> String? {
        NIPValidator.validate(text)
    }

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
