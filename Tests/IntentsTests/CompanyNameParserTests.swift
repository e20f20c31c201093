import Foundation
import Testing

@testable import Intents

struct CompanyNameParserTests {
    @Test(arguments: [
        ("PT. maju jaya", "PT Maju Jaya", BusinessForm.pt),
        ("cv. sinar abadi", "CV Sinar Abadi", .cv),
        ("kami dari CV Karya Mandiri mau update data", "CV Karya Mandiri", .cv),
        ("UD. Sumber Rejeki", "UD Sumber Rejeki", .ud),
        ("kop. tani makmur", "Koperasi Tani Makmur", .koperasi),
        ("Kop Tani Makmur", "Koperasi Tani Makmur", .koperasi),
        ("sy dari cv karya mandiri", "CV Karya Mandiri", .cv),
        ("Koperasi Sejahtera Bersama mau daftar", "Koperasi Sejahtera Bersama", .koperasi),
        ("Fa. Untung Selalu", "Firma Untung Selalu", .firma),
        ("PT Pertamina (Persero)", "PT Pertamina (Persero)", .persero),
        ("pt (persero) waskita", "PT Waskita (Persero)", .persero),
        ("PT ABC Konstruksi", "PT ABC Konstruksi", .pt),
        ("PT MAJU JAYA", "PT Maju Jaya", .pt),
        ("perorangan atas nama Budi Santoso", "Budi Santoso", .perorangan),
    ])
    func normalisesNameAndLegalForm(_ input: String, _ name: String, _ form: BusinessForm) {
        #expect(CompanyNameParser.parse(input) == Company(name: name, form: form))
    }

    @Test func readsAnIndividualProviderWithoutAName() {
        #expect(CompanyNameParser.parse("saya penyedia perorangan") == Company(name: "", form: .perorangan))
    }

    @Test(arguments: [
        "mau daftar cv baru", "pt", "saya mau reset password", "CV kami", "kop surat wajib?",
        "untuk cv dokumennya apa saja", "bantu saya bikin CV lamaran kerja", "mau daftar lagi untuk CV lain bisa?",
        "pt lainnya juga sama", "register another PT",
    ])
    func findsNoCompanyWithoutAName(_ input: String) {
        #expect(CompanyNameParser.parse(input) == nil)
    }

    // A direct answer to the company-name question.

    @Test func companyFormBeforeOrAfterTheNameIsRecognised() {
        #expect(CompanyNameParser.answer("PT. Maju Jaya")?.name == "Maju Jaya")
        #expect(CompanyNameParser.answer("PT. Maju Jaya")?.form == .pt)
        #expect(CompanyNameParser.answer("Sinar Abadi, CV")?.name == "Sinar Abadi")
        #expect(CompanyNameParser.answer("Sinar Abadi, CV")?.form == .cv)
        #expect(CompanyNameParser.answer("Koperasi Tani Makmur")?.form == .koperasi)
    }

    @Test func wordsLeadingInToTheNameAreLeftOut() {
        #expect(CompanyNameParser.answer("saya perorangan, nama usaha Toko Budi")?.name == "Toko Budi")
        #expect(CompanyNameParser.answer("saya perorangan, nama usaha Toko Budi")?.form == .perorangan)
        #expect(CompanyNameParser.answer("nama perusahaan PT Maju Jaya")?.name == "Maju Jaya")
        #expect(CompanyNameParser.answer("nama perusahaan PT Maju Jaya")?.form == .pt)
        #expect(CompanyNameParser.answer("perusahaan kami CV Sinar Abadi")?.form == .cv)
        #expect(CompanyNameParser.answer("Saya")?.name == "Saya", "one word stays what it is")
        #expect(CompanyNameParser.answer("Nama Jaya Abadi")?.name == "Nama Jaya Abadi", "\"nama\" may be a name")
    }

    /// How staff are addressed, a particle or a word of correction around the answer is not the name's: "CV Sinar
    /// Jaya ya min" was the name "Sinar Jaya ya min", "PT Sinar Jaya maksudnya" the name "Sinar Jaya maksudnya"; in
    /// running text, "eh salah, CV Sinar Jaya maksudnya" named "CV Sinar Jaya Maksudnya". A name's own last word
    /// stays ("PT Anugerah Mas"), as does a one-word answer.
    @Test(arguments: [
        ("CV Sinar Jaya ya min", "Sinar Jaya", BusinessForm?.some(.cv)),
        ("PT Sinar Jaya maksudnya", "Sinar Jaya", .pt),
        ("eh salah, CV Sinar Jaya", "Sinar Jaya", .cv),
        ("Sinar Abadi, CV ya kak", "Sinar Abadi", .cv),
        ("Toko Budi Jaya yang benar", "Toko Budi Jaya", nil),
        ("PT Anugerah Mas", "Anugerah Mas", .pt),
        ("Min", "Min", nil),
    ])
    func wordsAroundTheAnswerAreLeftOut(text: String, name: String, form: BusinessForm?) {
        #expect(CompanyNameParser.answer(text)?.name == name)
        #expect(CompanyNameParser.answer(text)?.form == form)
    }

    /// A foreign company's legal form after its name is a foreign company, and stays in its name: "Global Tech
    /// Solutions Pte Ltd" was a name without a form, which was then asked.
    @Test(arguments: [
        "Global Tech Solutions Pte Ltd", "Global Tech Solutions Pte. Ltd.", "Maju Makmur Sdn Bhd", "Acme Inc.",
        "Northwind Trading LLC", "Siemens Mobility GmbH",
    ])
    func aForeignFormAfterTheNameIsAForeignCompany(text: String) {
        #expect(CompanyNameParser.answer(text)?.form == .asing)
        #expect(CompanyNameParser.answer(text)?.name == text.trimmingCharacters(in: CharacterSet(charactersIn: ".")))
    }

    @Test func aNameAloneOrAnIndonesianFormIsNoForeignCompany() {
        #expect(CompanyNameParser.answer("Ltd")?.form == nil)
        #expect(CompanyNameParser.answer("PT Global Limited")?.form == .pt)
        #expect(CompanyNameParser.answer("Toko Budi Jaya")?.form == nil)
    }

    @Test func aCorrectionInRunningTextNamesTheCompanyAlone() {
        #expect(CompanyNameParser.parse("eh salah, CV Sinar Jaya maksudnya")?.name == "CV Sinar Jaya")
        #expect(CompanyNameParser.parse("maaf ralat PT Maju Bersama harusnya")?.name == "PT Maju Bersama")
        // "pt nya" is the company spoken of, not one named "Nya": the name is the one that follows.
        #expect(
            CompanyNameParser.parse("nama pt nya salah ketik, harusnya PT Maju Jaya Abadi")?.name
                == "PT Maju Jaya Abadi")
        #expect(CompanyNameParser.parse("cv nya sudah ganti nama") == nil)
    }

    /// A lead-in with "-nya", a colon, "adalah", or in English: "nama perusahaannya UD Sumber Rejeki" is Sumber
    /// Rejeki, a UD, not a name that starts "nama perusahaannya".
    @Test(arguments: [
        ("nama perusahaannya UD Sumber Rejeki", "Sumber Rejeki", BusinessForm.ud),
        ("nama perusahaan kami adalah CV Maju Bersama", "Maju Bersama", .cv),
        ("nama usaha: Toko Budi Jaya", "Toko Budi Jaya", nil),
        ("nama badan usahanya PT Sinar Terang", "Sinar Terang", .pt),
        ("PT nya Maju Jaya", "Maju Jaya", .pt),
        ("company name is PT Global Nusantara", "Global Nusantara", .pt),
        ("our company is Cahaya Abadi, CV", "Cahaya Abadi", .cv),
    ])
    func moreWordsLeadingInToTheNameAreLeftOut(text: String, name: String, form: BusinessForm?) {
        let answer = CompanyNameParser.answer(text)
        #expect(answer?.name == name, "\(String(describing: answer))")
        #expect(answer?.form == form, "\(String(describing: answer))")
    }

    /// A name typed all in lower case gets its capitals, as staff write it in SPSE: "pt maju jaya abadi" was kept
    /// as "maju jaya abadi". A name with any capital is the provider's own writing and stays as typed.
    @Test(arguments: [
        ("pt maju jaya abadi", "Maju Jaya Abadi"),
        ("cv. sinar-abadi", "Sinar-Abadi"),
        ("toko budi dan anak", "Toko Budi dan Anak"),
        ("nama usaha: sumber rejeki 99", "Sumber Rejeki 99"),
        ("budi", "Budi"),
        ("MAJU JAYA", "MAJU JAYA"),
        ("eCommerce Nusantara", "eCommerce Nusantara"),
        ("Toko budi", "Toko budi"),
    ])
    func aNameTypedInLowerCaseGetsItsCapitals(text: String, name: String) {
        #expect(CompanyNameParser.answer(text)?.name == name)
    }

    @Test func companyWithoutFormKeepsTheWholeName() {
        #expect(CompanyNameParser.answer("  Maju   Jaya ")?.name == "Maju Jaya")
        #expect(CompanyNameParser.answer("Maju Jaya")?.form == nil)
    }

    @Test func companyNameNeedsLetters() {
        #expect(CompanyNameParser.answer("!") == nil)
        #expect(CompanyNameParser.answer("12345") == nil)
    }

    @Test func aLegalFormIsReadFromTheWaysProvidersWriteIt() {
        #expect(CompanyNameParser.form("P.T.") == .pt)
        #expect(CompanyNameParser.form(" Perorangan ") == .perorangan)
        #expect(CompanyNameParser.form("perusahaan asing") == .asing)
        #expect(CompanyNameParser.form("toko") == nil)
    }

    /// A form's full name, as the deed writes it, is that form, also after a lead-in ("bentuknya …"); each got
    /// "Bentuk usaha tidak dikenal.".
    @Test(arguments: [
        ("bentuknya persekutuan komanditer", BusinessForm.cv), ("Perseroan Terbatas", .pt), ("tbk", .pt),
        ("usaha dagang", .ud), ("usaha perorangan", .perorangan), ("persekutuan firma", .firma),
    ])
    func aLegalFormsFullNameIsThatForm(text: String, form: BusinessForm) {
        #expect(CompanyNameParser.form(text) == form)
    }

    /// An answer that starts with a form's full name goes on with the company's ("usaha dagang sumber rejeki" was
    /// taken as the form UD alone, and the name asked again); the full name alone is still only the form.
    @Test(arguments: [
        ("usaha dagang sumber rejeki", "Sumber Rejeki", BusinessForm.ud),
        ("Perseroan Terbatas Maju Jaya Abadi", "Maju Jaya Abadi", .pt),
        ("persekutuan komanditer: Sinar Abadi", "Sinar Abadi", .cv),
        ("nama usaha: usaha perorangan Toko Budi", "Toko Budi", .perorangan),
    ])
    func aFormsFullNameBeforeTheNameAnswersBoth(text: String, name: String, form: BusinessForm) throws {
        let answer = try #require(CompanyNameParser.answer(text))
        #expect(answer.name == name && answer.form == form, "\(answer)")
        #expect(CompanyNameParser.startsWithFullForm(text))
        #expect(!CompanyNameParser.startsWithFullForm("usaha dagang"))
        #expect(!CompanyNameParser.startsWithFullForm("bentuknya persekutuan komanditer"))
    }

    /// A form's word in a short answer is that form ("it's a foreign company" got "Unknown legal form."), when
    /// the answer names no other and the word is no ordinary one.
    @Test(arguments: [
        ("it's a foreign company", BusinessForm.asing), ("bentuknya CV min", .cv), ("kami perorangan aja", .perorangan),
        ("perusahaan luar negeri", .asing), ("we are a cooperative", .koperasi), ("sole proprietor", .perorangan),
        ("PT pak, sudah tbk", .pt),
    ])
    func aFormsWordInAShortAnswerIsThatForm(text: String, form: BusinessForm) {
        #expect(CompanyNameParser.form(answering: text) == form)
    }

    @Test(arguments: [
        "bukan PT tapi CV", "kop surat kami", "pakai fa apa ya", "saya belum tahu bentuk usahanya apa",
        "dulu CV sekarang sudah jadi PT ya min mohon dibantu",
    ])
    func anAnswerNamingNoOneFormIsNone(text: String) {
        #expect(CompanyNameParser.form(answering: text) == nil)
    }

    @Test func wordsThatOnlyContainAFullNamesLettersAreNoForm() {
        #expect(CompanyNameParser.form("usahadagang") == nil)
        #expect(CompanyNameParser.form("dagang") == nil)
    }
}

/// A name's word that is also an ordinary word ("baru", "pagi", "usaha", "kerja", "selamat") ended the name in
/// running text: "kami dari CV Harapan Baru ingin mendaftar" named "CV Harapan". It is the name's when written
/// capitalised, or when the name ends with it; lowercase and followed by more ("pt maju jaya baru berdiri"), it
/// is the sentence's, and alone after the form ("mau daftar cv baru") it names nothing. A hyphenated word and a name
/// in quotes are the name's too.
@Suite struct AmbiguousNameWordTests {
    @Test(arguments: [
        ("kami dari CV Harapan Baru ingin mendaftar sebagai penyedia", "CV Harapan Baru"),
        ("kami dari cv harapan baru, mau daftar", "CV Harapan Baru"),
        ("CV Harapan Baru", "CV Harapan Baru"),
        ("PT Surya Baru Abadi mau daftar", "PT Surya Baru Abadi"),
        ("sy dari cv sinar pagi", "CV Sinar Pagi"),
        ("CV Mitra Kerja mau update data", "CV Mitra Kerja"),
        ("PT Selamat Sempurna mau reset password", "PT Selamat Sempurna"),
        ("UD Karya Usaha Bersama", "UD Karya Usaha Bersama"),
        ("CV Terang Bulan", "CV Terang Bulan"),
        // A hyphenated word was cut at its hyphen ("CV Al"), a quoted name was none.
        ("CV. AL-AMIN mau daftar", "CV Al-Amin"), ("kami dari cv al-ikhlas", "CV Al-Ikhlas"),
        ("PT Bina-Karya Mandiri", "PT Bina-Karya Mandiri"), ("CV 'Maju Bersama' mau daftar", "CV Maju Bersama"),
        ("PT “Sinar Abadi” mau ganti direktur", "PT Sinar Abadi"),
    ])
    func aWordOfTheNameStaysInIt(text: String, name: String) {
        #expect(CompanyNameParser.parse(text)?.name == name)
    }

    @Test(arguments: [
        ("pt maju jaya baru berdiri, mau daftar", "PT Maju Jaya"),
        ("cv sinar abadi sama pt maju jaya", "CV Sinar Abadi"),
    ])
    func anOrdinaryWordAfterTheNameEndsIt(text: String, name: String) {
        #expect(CompanyNameParser.parse(text)?.name == name)
    }

    @Test(arguments: ["mau daftar cv baru", "mau daftar CV Baru", "pt lama kami sudah tutup"])
    func anOrdinaryWordAloneIsNoName(text: String) {
        #expect(CompanyNameParser.parse(text) == nil)
    }
}
