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
