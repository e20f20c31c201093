import Intents
import Testing

@testable import Conversation

/// "siang min, kami dari PT Sinar Abadi mau konsultasi" started the consultation with the greeting as the question
/// staff were to answer, and the question itself was never asked: a message that only says a consultation is
/// wanted, however long its greeting and introduction, has the question asked, as "mau tanya" had. A form that a
/// request typed at that question starts takes the company the first message named, which it asked for again.
struct ConsultationOpeningTests {
    @Test(arguments: [
        "siang min, kami dari PT Sinar Abadi mau konsultasi",
        "selamat pagi, saya dari CV Maju Jaya mau konsultasi",
        "halo min, saya dari PT Sinar Abadi, ingin konsultasi",
    ])
    func aConsultationAskedForHasItsQuestionAsked(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(try chat.read(text))
        #expect(chat.draft?.serviceID == "konsultasi", "\(answer)")
        #expect(chat.draft?.answers["question"] == nil, "\(answer)")
        #expect(answer.contains("Tulis pertanyaan Anda"), "\(answer)")
    }

    /// A consultation asked for with what it is about keeps that as its question.
    @Test func aConsultationWithItsSubjectKeepsIt() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let text = "mau konsultasi, sikap kami tidak bisa disimpan terus"
        let answer = render(try chat.read(text))
        #expect(chat.draft?.answers["question"] == text, "\(answer)")
    }

    @Test func theFormARequestStartsTakesTheCompanyNamedBefore() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = try chat.read("siang min, kami dari PT Sinar Abadi mau konsultasi")
        let answer = render(try chat.read("saya lupa password akun spse"))
        let draft = try #require(chat.draft, "\(answer)")
        #expect(draft.serviceID == "reset_password")
        #expect(draft.answers["company"] == "Sinar Abadi" && draft.businessForm == .pt, "\(draft.answers)")
        #expect(!answer.contains("Tulis nama badan usaha"), "\(answer)")
    }

    @Test func aCompanyTheRequestNamesWins() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = try chat.read("siang min, kami dari PT Sinar Abadi mau konsultasi")
        _ = try chat.read("saya dari CV Baru Jaya, lupa password")
        #expect(chat.draft?.answers["company"] == "Baru Jaya" && chat.draft?.businessForm == .cv)
    }
}
