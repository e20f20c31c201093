import Foundation
import Intents
import Testing

@testable import Conversation

/// Messages where the company, its legal form or another choice is asked that do not answer it: none becomes an
/// answer, and none is lost.
@Suite struct NoAnswerAtAQuestionTests {
    /// "ok min" where the company is asked became the company "ok min", whose legal form was asked next.
    @Test(arguments: ["ok min", "iya", "siap kak"])
    func aYesIsNoCompany(text: String) throws {
        var chat = try ProviderHabitsTests.atCompanyQuestion()
        let answer = render(chat.type(text, .affirm, confidence: 0.97))
        #expect(answer.contains("\"\(text)\" belum menjawab pertanyaan ini."), "\(answer)")
        #expect(chat.draft?.answers.isEmpty == true, "\(chat.draft?.answers ?? [:])")
        _ = chat.type("PT Sinar Abadi")
        #expect(chat.draft?.answers.values.contains("Sinar Abadi") == true, "a name still answers")
    }

    /// "bentar ya min saya tanya direktur dulu …" where the legal form is asked got "Bentuk usaha tidak dikenal."
    /// and was gone. A wait is told the form waits (kept for staff when it explains), a question is answered
    /// from the FAQ, an explanation is kept; the legal form is asked again, and still taken after.
    @Test(arguments: [
        ("bentar ya min saya tanya direktur dulu, ada tambahan kata di akta terakhir", "Kirim bentuk usaha", true),
        ("bentar", "Kirim bentuk usaha", false),
        ("bentuk usaha itu apa ya?", "jenis badan usaha", false),
        ("kami baru berdiri tahun ini dan aktanya masih di notaris", "Keterangan Anda kami catat", true),
    ])
    func aMessageAtTheLegalFormWaitsOrIsKept(text: String, said: String, kept: Bool) throws {
        var chat = try ProviderHabitsTests.atCompanyQuestion()
        _ = chat.type("Sinar Abadi")
        let answer = render(chat.type(text))
        #expect(answer.contains(said) && !answer.contains("tidak dikenal"), "\(answer)")
        #expect((chat.draft.flatMap(\.remarks) ?? []) == (kept ? [text] : []), "\(chat.draft?.remarks ?? [])")
        let next = render(chat.tap("form.PT"))
        #expect(next.contains("Nomor WhatsApp direksi"), "\(next)")
    }
}

/// "perusahaan kami bergerak di bidang konstruksi jalan dan jembatan sejak tahun 2010 …" where the company is asked
/// became the company "bergerak di bidang konstruksi …", whose legal form was asked next; a longer explanation (over
/// 120 characters) got "Nama badan usaha belum terbaca." and was gone. More than six words without a legal form are
/// a sentence about the company: kept for staff, and the name asked again; a name of six words is still a name.
@Suite struct ASentenceWhereTheCompanyIsAskedTests {
    @Test(arguments: [
        "perusahaan kami bergerak di bidang konstruksi jalan dan jembatan sejak tahun 2010 di wilayah jawa barat",
        "kami perusahaan kecil, baru berdiri tahun lalu, direktur kami masih di luar kota sampai akhir bulan ini jadi "
            + "nama lengkap di akta belum bisa saya pastikan",
    ])
    func aSentenceIsKeptAndTheNameAskedAgain(text: String) throws {
        var chat = try ProviderHabitsTests.atCompanyQuestion()
        let answer = render(chat.type(text))
        #expect(answer.contains("Keterangan Anda kami catat") && answer.contains("Tulis nama badan usaha"), "\(answer)")
        #expect(chat.draft?.answers.isEmpty == true, "\(chat.draft?.answers ?? [:])")
        #expect(chat.draft?.remarks == [text], "\(chat.draft?.remarks ?? [])")
    }

    @Test func aLongNameIsStillAName() throws {
        var chat = try ProviderHabitsTests.atCompanyQuestion()
        let answer = render(chat.type("Toko Bangunan Sumber Rejeki Jaya Abadi"))
        #expect(answer.contains("Apa bentuk usaha Toko Bangunan Sumber Rejeki Jaya Abadi?"), "\(answer)")
    }
}
