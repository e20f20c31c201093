import Conversation
import Foundation
import Intents
import Testing

/// The company's name as typed with how staff are addressed, or a word of correction, around it: "CV Sinar Jaya ya
/// min" was stored as "Sinar Jaya ya min", and "eh salah, CV Sinar Jaya maksudnya" after "PT Sinar" changed the
/// company to "CV Sinar Jaya Maksudnya".
struct WordsAroundTheCompanyTests {
    @Test func theNameIsStoredWithoutTheWordsAroundIt() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        let text = "CV Sinar Jaya ya min"
        _ = chat.type(text, entities: EntityExtractor().extract(from: text, now: Date()))
        #expect(chat.draft?.answers["company"] == "Sinar Jaya")
        #expect(chat.draft?.businessForm == .cv)
    }

    @Test func aCorrectionNamesTheCompanyAlone() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        _ = chat.type("PT Sinar", entities: EntityExtractor().extract(from: "PT Sinar", now: Date()))
        let text = "eh salah, CV Sinar Jaya maksudnya"
        let answer = render(chat.type(text, entities: EntityExtractor().extract(from: text, now: Date())))
        #expect(chat.draft?.answers["company"] == "Sinar Jaya", "\(answer)")
        #expect(answer.contains("CV Sinar Jaya.") || answer.contains("CV Sinar Jaya\n"), "\(answer)")
    }

    /// "Global Tech Solutions Pte Ltd" names a foreign company: its legal form is not asked, and the foreign
    /// company's documents are.
    @Test func aForeignFormAfterTheNameIsAForeignCompany() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        let text = "Global Tech Solutions Pte Ltd"
        let answer = render(chat.type(text, entities: EntityExtractor().extract(from: text, now: Date())))
        #expect(chat.draft?.answers["company"] == "Global Tech Solutions Pte Ltd", "\(answer)")
        #expect(chat.draft?.businessForm == .asing, "\(answer)")
        #expect(answer.contains("Nomor WhatsApp direksi"), "\(answer)")
    }

    /// The form's full name before the company's, "usaha dagang sumber rejeki", answers both: it was taken as the
    /// form UD alone ("Bentuk usaha UD kami catat"), the name asked again and the provider's words lost.
    @Test(arguments: [
        ("usaha dagang sumber rejeki", "sumber rejeki", BusinessForm.ud),
        ("perseroan terbatas karya mandiri utama", "karya mandiri utama", .pt),
    ])
    func aFormsFullNameBeforeTheNameAnswersBoth(text: String, name: String, form: BusinessForm) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        let answer = render(chat.type(text, entities: EntityExtractor().extract(from: text, now: Date())))
        #expect(chat.draft?.answers["company"]?.lowercased() == name, "\(answer)")
        #expect(chat.draft?.businessForm == form, "\(answer)")
        #expect(answer.contains("Nomor WhatsApp direksi") && !answer.contains("kami catat"), "\(answer)")
        var bare = Transcript(catalogue: try Fixtures.catalogue())
        _ = bare.tap("menu.registrasi")
        let kept = render(bare.type("usaha dagang"))
        #expect(kept.contains("Bentuk usaha UD kami catat"), "\(kept)")
    }
}

/// The legal form said alone where the company is asked, with words that lead in to it: "saya perorangan" got "Nama
/// badan usaha belum terbaca." and a wrong answer, where "perorangan" is kept and the name asked for.
struct FormSaidAloneTests {
    @Test(arguments: [
        ("saya perorangan", BusinessForm.perorangan), ("kami CV min", .cv), ("bentuk usaha kami koperasi", .koperasi),
        ("perusahaan kami PT", .pt), ("we are a CV", .cv),
    ])
    func theFormIsKeptAndTheNameAskedFor(text: String, form: BusinessForm) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        let reply = render(try chat.read(text))
        #expect(chat.draft?.businessForm == form, "\(reply)")
        #expect(chat.draft?.answers["company"] == nil, "\(reply)")
        #expect(chat.state.invalidAnswers == 0, "\(reply)")
        #expect(reply.contains("Bentuk usaha") || reply.contains("We noted the form"), "\(reply)")
    }

    /// A name with a lead-in word is still a name.
    @Test(arguments: [("kami CV Sinar Jaya", "Sinar Jaya"), ("perusahaan saya PT Maju Jaya", "Maju Jaya")])
    func aNameIsStillAName(text: String, name: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        let reply = render(try chat.read(text))
        #expect(chat.draft?.answers["company"] == name, "\(reply)")
    }
}
