import Testing

@testable import Intents

struct IdentifierValidatorTests {
    @Test(arguments: ["01.234.567.4-901.000", "012345674901000", "02.718.281.5-407.000", "0027182815407000"])
    func acceptsNPWPWithMatchingCheckDigit(_ input: String) {
        let result = NPWPValidator.validate(input)
        #expect(result?.checkDigitMatches == true)
        #expect(result?.digits == input.filter(\.isNumber))
    }

    /// Fifteen digits are printed as on the card; a sixteen-digit NPWP (a NIK) stays as it is.
    @Test func anNPWPIsFormattedAsPrinted() {
        #expect(NPWPValidator.formatted("012345678901000") == "01.234.567.8-901.000")
        #expect(NPWPValidator.formatted("3174012345678901") == "3174012345678901")
        #expect(NPWPValidator.formatted("01234567890100x") == "01234567890100x")
    }

    @Test func keepsAnNPWPWhoseCheckDigitFailsButWarns() {
        let result = NPWPValidator.validate("21.345.678.9-123.000")
        #expect(result == NPWPValidator.Result(digits: "213456789123000", checkDigitMatches: false))
    }

    @Test func acceptsASixteenDigitNPWPThatIsANIK() {
        #expect(NPWPValidator.validate("3201051205850003")?.digits == "3201051205850003")
    }

    @Test(arguments: ["12.345.678", "00012345674901000", "01234567490100", "00.000.000.0-000.000", "1001051205850003"])
    func rejectsNPWPOfWrongLengthOrStructure(_ input: String) {
        #expect(NPWPValidator.validate(input) == nil)
    }

    @Test(arguments: ["3201051205850003", "3273015208900012", "9601010101000001", "1101014112990001"])
    func acceptsStructurallyValidNIK(_ input: String) {
        #expect(NIKValidator.validate(input) == input)
    }

    @Test(arguments: [
        "1001051205850003",  // province 10 does not exist
        "3201051205850000",  // serial 0000
        "3201053205850003",  // day 32
        "3201057205850003",  // day 72 (women's 32)
        "3201051213850003",  // month 13
        "3201053002850003",  // 30 February
        "320105120585003",  // 15 digits
    ])
    func rejectsNIKWithImpossibleParts(_ input: String) {
        #expect(NIKValidator.validate(input) == nil)
    }

    @Test func masksANIKForLogs() {
        #expect(NIKValidator.mask("3201051205850003") == "3201**********03")
    }

    @Test(arguments: ["198503122010011003", "199001152015032001", "1985 0312 201001 1 003"])
    func acceptsStructurallyValidNIP(_ input: String) {
        #expect(NIPValidator.validate(input) == input.filter(\.isNumber))
    }

    @Test(arguments: [
        "198513122010011003",  // birth month 13
        "198503122010131003",  // appointment month 13
        "198503122010013003",  // sex digit 3
        "198503122010011000",  // serial 000
        "198503121980011003",  // appointed before birth
        "19850312201001100",  // 17 digits
    ])
    func rejectsNIPWithImpossibleParts(_ input: String) {
        #expect(NIPValidator.validate(input) == nil)
    }
}
