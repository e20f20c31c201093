import Foundation
import Intents
import Support
import Testing

@testable import Conversation

/// Where a registration asks its questions, before its checklist, a provider who asks whether the documents may come
/// later, or says they will, is told they may and asked the question again: "kalau syaratnya belum lengkap, nanti
/// bisa nyusul?" at the company's name was told the name could be sent later, and the form waited for it.
@Suite struct DocumentsMayFollowTests {
    static let mayFollow = "Tidak apa-apa, dokumen persyaratan boleh menyusul."

    @Test(arguments: [
        "kalau syaratnya belum lengkap, nanti bisa nyusul?",
        "dokumennya nyusul ya min",
        "berkas blm siap semua kak",
        "ktp direktur masih diperpanjang, nanti nyusul ya",
        "can the documents come later?",
    ])
    func atTheNameTheDocumentsMayFollow(text: String) throws {
        var chat = try ProviderHabitsTests.atCompanyQuestion()
        let answer = render(try chat.read(text))
        #expect(answer.contains(Self.mayFollow) || answer.contains("the required documents may follow"), "\(answer)")
        #expect(answer.contains("Tulis nama badan usaha") || answer.contains("company"), "asked again: \(answer)")
        #expect(chat.draft?.stage == .field(index: 0, editing: false))
        #expect(chat.draft?.putOff == nil, "the name is not put off")
    }

    @Test func atTheDirectorsNumberTheDocumentsMayFollow() throws {
        var chat = try ProviderHabitsTests.atPhoneQuestion()
        let answer = render(try chat.read("file pdf nya nanti ya min"))
        #expect(answer.contains(Self.mayFollow), "\(answer)")
        #expect(answer.contains("Nomor WhatsApp direksi/pimpinan"), "asked again: \(answer)")
        #expect(chat.draft?.putOff == nil)
    }

    /// At the legal form's choice a longer message is kept for staff as before, told the documents may follow.
    @Test func atTheLegalFormALongerMessageIsKeptToo() throws {
        var chat = try ProviderHabitsTests.atCompanyQuestion()
        _ = chat.type("Maju Jaya")
        let text = "dokumen nya belum lengkap semua, nanti nyusul ya min"
        let answer = render(try chat.read(text))
        #expect(answer.contains("Keterangan Anda kami catat untuk petugas. " + Self.mayFollow), "\(answer)")
        #expect(answer.contains("≡ Pilih"), "the legal form is asked again: \(answer)")
        #expect(chat.draft?.remarks == [text])
    }

    /// The question's own answer put off is still waited for: the name, and the NPWP where it is asked ("npwp" is
    /// a document's word too).
    @Test func theQuestionsOwnAnswerPutOffIsWaitedFor() throws {
        var name = try ProviderHabitsTests.atCompanyQuestion()
        let later = render(try name.read("nanti ya min"))
        #expect(later.contains("Kirim nama usaha di chat ini kapan saja"), "\(later)")
        #expect(!later.contains(Self.mayFollow))

        var reset = Transcript(catalogue: try Fixtures.catalogue())
        _ = reset.tap("menu.reset_password")
        _ = reset.type("PT Maju Jaya")
        #expect(reset.draft?.stage == .field(index: 2, editing: false), "at the NPWP")
        let npwp = render(try reset.read("npwp nya nyusul ya"))
        #expect(npwp.contains("Kirim NPWP di chat ini kapan saja"), "\(npwp)")
        #expect(!npwp.contains(Self.mayFollow))
        let ktp = render(try reset.read("ktp nya nyusul ya"))
        #expect(ktp.contains(Self.mayFollow), "\(ktp)")
    }
}
