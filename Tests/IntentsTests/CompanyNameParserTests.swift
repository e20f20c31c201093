import Testing

@testable import Intents

struct CompanyNameParserTests {
    @Test(arguments: [
        ("PT. maju jaya", "PT Maju Jaya", Company.Form.pt),
        ("cv. sinar abadi", "CV Sinar Abadi", .cv),
        ("kami dari CV Karya Mandiri mau update data", "CV Karya Mandiri", .cv),
        ("UD. Sumber Rejeki", "UD Sumber Rejeki", .ud),
        ("kop. tani makmur", "Koperasi Tani Makmur", .koperasi),
        ("Koperasi Sejahtera Bersama mau daftar", "Koperasi Sejahtera Bersama", .koperasi),
        ("Fa. Untung Selalu", "Firma Untung Selalu", .firma),
        ("PT Pertamina (Persero)", "PT Pertamina (Persero)", .persero),
        ("pt (persero) waskita", "PT Waskita (Persero)", .persero),
        ("PT ABC Konstruksi", "PT ABC Konstruksi", .pt),
        ("PT MAJU JAYA", "PT Maju Jaya", .pt),
        ("perorangan atas nama Budi Santoso", "Budi Santoso", .perorangan),
    ])
    func normalisesNameAndLegalForm(_ input: String, _ name: String, _ form: Company.Form) {
        #expect(CompanyNameParser.parse(input) == Company(name: name, form: form))
    }

    @Test func readsAnIndividualProviderWithoutAName() {
        #expect(CompanyNameParser.parse("saya penyedia perorangan") == Company(name: "", form: .perorangan))
    }

    @Test(arguments: ["mau daftar cv baru", "pt", "saya mau reset password", "CV kami"])
    func findsNoCompanyWithoutAName(_ input: String) {
        #expect(CompanyNameParser.parse(input) == nil)
    }
}
