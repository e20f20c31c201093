import Testing

@testable import Intents

struct PhoneNumberExtractorTests {
    @Test(arguments: [
        "0812-3456-7890", "+62 812 3456 7890", "+6281234567890", "6281234567890", "0062 812 3456 7890",
        "+62 (0) 812-3456-7890", "(0812) 3456 7890", "0812.3456.7890", "812 3456 7890", "081234567890",
    ])
    func normalisesEveryCommonFormToE164(_ input: String) {
        #expect(PhoneNumberExtractor.normalise(input) == "+6281234567890")
    }

    @Test func acceptsTheShortestAndLongestMobileNumbers() {
        #expect(PhoneNumberExtractor.normalise("0812345678") == "+62812345678")
        #expect(PhoneNumberExtractor.normalise("0812345678901") == "+62812345678901")
    }

    @Test(arguments: [
        "021-5551234", "0215551234", "081234", "123456789", "0801234567", "0841234567", "08123456789012",
        "+1 812 3456 7890", "0812-3456-789x", "",
    ])
    func rejectsLandlinesNonMobilePrefixesAndImpossibleLengths(_ input: String) {
        #expect(PhoneNumberExtractor.normalise(input) == nil)
    }

    @Test func masksTheMiddleDigitsForLogs() {
        #expect(PhoneNumberExtractor.mask("+6281234567890") == "+62812****7890")
    }
}

struct PhoneNumberMismatchTests {
    @Test(arguments: [
        ("0251 832 1123", PhoneNumberExtractor.Mismatch.landline), ("+62 21 555 1234", .landline),
        ("+65 9123 4567", .foreign), ("0065 9123 4567", .foreign), ("0812345", .digits(7)), ("021-555", .digits(6)),
    ])
    func saysWhyANumberIsNoMobileNumber(text: String, expected: PhoneNumberExtractor.Mismatch) {
        #expect(PhoneNumberExtractor.mismatch(text) == expected)
    }

    @Test func aMobileNumberOrNoDigitIsNoMismatch() {
        #expect(PhoneNumberExtractor.mismatch("0812 3456 7890") == nil)
        #expect(PhoneNumberExtractor.mismatch("direktur") == nil)
    }
}
