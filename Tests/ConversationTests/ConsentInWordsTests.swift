import Foundation
import Intents
import Testing

@testable import Conversation

/// What is written where the privacy notice is asked, read with the shipped recognizer: "petugasnya namanya pak andi
/// kalau tidak salah" ("if I am not mistaken") declined the notice for its "tidak"; "maaf saya tidak setuju data
/// saya disimpan" was kept as a note and the notice asked again; "kalau saya tidak setuju gimana?" was kept for
/// staff, unanswered; "nomor tiket saya yang lama 1234", read as a status check, got "Anda tidak memiliki tiket"
/// and was dropped.
struct ConsentInWordsTests {
    /// A complaint written: the notice is the question.
    static func atNotice() throws -> Transcript {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = try chat.read("mau komplain")
        _ = try chat.read("petugas verifikasi tidak menelpon sesuai jadwal kemarin, sudah nunggu 1 jam")
        #expect(chat.draft?.stage == .consent)
        return chat
    }

    @Test(arguments: ["petugasnya namanya pak andi kalau tidak salah", "jadwalnya hari senin kalau ga salah min"])
    func aSentenceWithANoInItIsNoDecline(text: String) throws {
        var chat = try Self.atNotice()
        let answer = render(try chat.read(text))
        #expect(!answer.contains("Tanpa persetujuan"), "\(answer)")
        #expect(chat.draft?.stage == .consent)
        #expect(chat.draft?.remarks?.isEmpty == false || chat.draft?.answers["complaint"]?.contains(text) == true)
    }

    @Test(arguments: ["tidak", "ga mau min", "maaf saya tidak setuju data saya disimpan", "I do not agree"])
    func aNoOrADisagreementDeclines(text: String) throws {
        var chat = try Self.atNotice()
        let answer = render(try chat.read(text))
        #expect(
            answer.contains("Tanpa persetujuan") || answer.contains("Without your consent"), "\(answer)")
        #expect(chat.state.consent == nil)
    }

    @Test(arguments: ["kalau saya tidak setuju gimana?", "what if I don't agree?"])
    func askedWhatIfNotTheNoticeIsExplained(text: String) throws {
        var chat = try Self.atNotice()
        let answer = render(try chat.read(text))
        #expect(answer.contains("🔒"), "\(answer)")
        #expect(!answer.contains("Tanpa persetujuan") && !answer.contains("Without your consent"), "\(answer)")
    }

    @Test func aStatusWordInAFormGoesWithTheForm() throws {
        var chat = try Self.atNotice()
        let answer = render(try chat.read("nomor tiket saya yang lama 1234"))
        #expect(answer.contains("Pesan Anda kami sertakan dalam permohonan ini untuk petugas"), "\(answer)")
        #expect(chat.draft?.remarks == ["nomor tiket saya yang lama 1234"])
        #expect(chat.draft?.stage == .consent)
    }
}
