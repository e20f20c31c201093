import Foundation
import Intents
import Support
import Testing

@testable import Conversation

/// A message that only says a question comes, "saya mau tanya soal akun", started the consultation with it as the
/// question staff were to answer: the question is asked. Each message read with the shipped recognizer.
struct QuestionAnnouncedTests {
    @Test(arguments: [
        "saya mau tanya soal akun", "boleh tanya soal sikap?", "min mau konsultasi dong",
        // With a greeting and who asks: it became the question.
        "halo selamat pagi, saya dari CV Berkah Jaya mau tanya", "selamat siang min, saya mau tanya",
    ])
    func anAnnouncedQuestionIsAskedFor(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let reply = render(try chat.read(text))
        #expect(chat.draft?.serviceID == "konsultasi", "\(reply)")
        #expect(chat.draft?.answers["question"] == nil, "\(reply)")
        #expect(reply.contains("Tulis pertanyaan Anda tentang SPSE."), "\(reply)")
    }

    /// A question said in the same message is still the question.
    @Test(arguments: [
        "mau tanya cara isi data pengalaman perusahaan", "apa itu tender cepat?",
        "mau konsultasi cara isi kualifikasi", "halo, saya dari PT Maju mau tanya cara upload dokumen kualifikasi",
    ])
    func aQuestionSaidIsTaken(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let reply = render(try chat.read(text))
        #expect(chat.draft?.serviceID == "konsultasi", "\(reply)")
        #expect(chat.draft?.answers["question"] != nil, "\(reply)")
    }
}
