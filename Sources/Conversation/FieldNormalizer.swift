import Foundation
import Intents
import Support

/// Checks and normalises single answers (phone, NPWP, NIP, kode tender); the company name and its legal
/// form are read by `CompanyNameParser`.
///
/// Kept apart so that it can be swapped for the recognizer's extractors (`PhoneNumberExtractor`, …) later.
enum FieldNormalizer {
    /// An Indonesian mobile number in E.164, by the recognizer's rules (landlines and bad lengths refused).
    static func phone(_ text: String) -> String? {
        PhoneNumberExtractor.normalise(text)
    }

    /// NPWP digits (15, or 16 since 2024), or nil; a failing check digit is accepted, as real numbers sometimes
    /// fail it.
    static func npwp(_ text: String) -> String? {
        NPWPValidator.validate(text)?.digits
    }

    /// NIP digits (18) with a plausible birth date, appointment month, sex and serial.
    static func nip(_ text: String) -> String? {
        NIPValidator.validate(text)
    }

    static func kodeTender(_ text: String) -> String? {
        let code = text.trimming { $0.isSpaceOrTab }
        guard (3...40).contains(code.count), code.contains(where: \.isASCIIDigitCharacter),
            code.allSatisfy({ $0.isLetter || $0.isASCIIDigitCharacter || $0 == "-" || $0 == "/" })
        else { return nil }
        return code
    }

    /// The number of a WhatsApp chat link in `text` ("wa.me/6281234567890", "https://api.whatsapp.com/send?phone=
    /// 6281234567890&text=halo"), as "+" and its digits; nil when there is none.
    static func whatsAppLinkNumber(in text: String) -> String? {
        let lowered = text.lowercased()
        for marker in ["wa.me/", "whatsapp.com/send?phone=", "whatsapp.com/send/?phone="] {
            guard let range = lowered.range(of: marker) else { continue }
            let digits = lowered[range.upperBound...].prefix { $0.isASCIIDigitCharacter || $0 == "+" }
                .filter(\.isASCIIDigitCharacter)
            guard digits.count >= 8 else { continue }
            return "+" + digits
        }
        return nil
    }

    /// The first e-mail address in `text` ("budi@berkahjaya.co.id", "email sy budi.s@gmail.com"), lowercased:
    /// a word with one "@" between a local part and a domain with a dot, its trailing punctuation left out.
    static func emailAddress(in text: String) -> String? {
        guard text.utf8.contains(UInt8(ascii: "@")) else { return nil }
        for word in text.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" }) {
            let address = String(word).trimming(".,:;()\"'")
            let parts = address.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
                !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !parts[1].contains("..")
            else { continue }
            let allowed = { (character: Character) in
                character.isASCII && (character.isLetter || character.isNumber || "._%+-".contains(character))
            }
            guard parts[0].allSatisfy(allowed), parts[1].allSatisfy(allowed) else { continue }
            return address.lowercased()
        }
        return nil
    }

    /// Free text of at least 3 characters, kept whole however long (a problem explained at length is what staff
    /// need; the summary shows its beginning).
    static func freeText(_ text: String) -> String? {
        let trimmed = text.trimmingWhitespace()
        // A third character is there: counted no further than it.
        return trimmed.dropFirst(2).isEmpty ? nil : trimmed
    }
}
