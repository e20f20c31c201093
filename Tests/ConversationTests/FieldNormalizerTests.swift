import Testing

@testable import Conversation

struct FieldNormalizerTests {
    @Test(arguments: [
        ("0812-3456-7890", "+6281234567890"),
        ("+62 812 3456 7890", "+6281234567890"),
        ("0062812345678", "+62812345678"),
        ("6281234567890", "+6281234567890"),
        ("81234567890", "+6281234567890"),
        ("+62 0812 3456 7890", "+6281234567890"),
        ("(0813) 1111.2222", "+6281311112222"),
    ])
    func phoneNumbersAreNormalisedToE164(_ input: String, _ expected: String) {
        #expect(FieldNormalizer.phone(input) == expected)
    }

    @Test(arguments: ["021-555-1234", "0804 1234 5678", "0841 2345 678", "12345", "08123", "telepon saya", ""])
    func landlinesAndNonMobileNumbersAreRefused(_ input: String) {
        #expect(FieldNormalizer.phone(input) == nil)
    }

    @Test func npwpAcceptsFifteenOrSixteenDigitsWithPunctuation() {
        #expect(FieldNormalizer.npwp("01.234.567.8-901.000") == "012345678901000")
        #expect(FieldNormalizer.npwp("0012345678901000") == "0012345678901000")
        #expect(FieldNormalizer.npwp("01.234.567") == nil)
    }

    @Test func nipNeedsEighteenDigitsWithABirthDateAndSex() {
        #expect(FieldNormalizer.nip("19850101 201001 1 001") == "198501012010011001")
        #expect(FieldNormalizer.nip("198513012010011001") == nil)
        #expect(FieldNormalizer.nip("198501012010013001") == nil)
    }

    @Test func kodeTenderNeedsDigits() {
        #expect(FieldNormalizer.kodeTender("12345678") == "12345678")
        #expect(FieldNormalizer.kodeTender("abc") == nil)
    }

    @Test(arguments: [
        ("budi@berkahjaya.co.id", "budi@berkahjaya.co.id"),
        ("email sy Budi.S@Gmail.com.", "budi.s@gmail.com"),
        ("(admin@pt-maju.id), yg lama", "admin@pt-maju.id"),
        ("@lpse", nil), ("budi@gmail", nil), ("a@b..com", nil), ("jam 10 @ kantor", nil), ("budi@@x.com", nil),
    ])
    func anEmailAddressIsFoundInWords(text: String, address: String?) {
        #expect(FieldNormalizer.emailAddress(in: text) == address)
    }

    @Test(arguments: [
        ("wa.me/6281234567890", "+6281234567890"), ("https://wa.me/6281234567890?text=halo", "+6281234567890"),
        ("nomor direktur: https://api.whatsapp.com/send?phone=6281234567890&text=x", "+6281234567890"),
        ("WA.ME/+62 812", nil), ("wa.me/", nil), ("0812 3456 7890", nil),
    ])
    func aWhatsAppLinkGivesItsNumber(text: String, number: String?) {
        #expect(FieldNormalizer.whatsAppLinkNumber(in: text) == number)
    }
}
