import Foundation
import Intents
import Support
import Testing

@testable import Conversation

/// Questions asked at the documents' checklist, read by the shipped recognizer, which reads most of them as asking
/// the requirements: each gets an answer, or is kept for staff and said to be; none is answered with the checklist
/// alone, as if it had not been written.
@Suite struct ChecklistQuestionsTests {
    /// A question the list does not answer ("harus pakai kop surat?") got the checklist again, and was gone.
    @Test(arguments: [
        "yg tanda tangan harus direktur ya?", "harus pakai kop surat?", "apakah perlu materai?", "perlu materai gak?",
    ])
    func aQuestionTheListDoesNotAnswerIsKeptForStaff(text: String) throws {
        var chat = try Transcript.atResetChecklist()
        let answer = render(try chat.read(text))
        #expect(answer.contains("Pertanyaan Anda kami catat untuk petugas"), "\(answer)")
        #expect(answer.contains("1. ⬜ Surat Permohonan"), "the checklist follows: \(answer)")
        #expect(chat.draft?.remarks == [text])
        #expect(chat.draft?.stage == .documents)
        #expect(chat.state.invalidAnswers == 0)
    }

    /// A question for the list itself gets it, and staff are not given it to answer.
    @Test(arguments: [
        "dokumennya apa aja?", "apa aja yg harus dikirim?", "apa aja min?", "syaratnya apa ya kak?", "apa ini?",
    ])
    func aQuestionForTheListGetsTheList(text: String) throws {
        var chat = try Transcript.atResetChecklist()
        let answer = render(try chat.read(text))
        #expect(answer.contains("1. ⬜ Surat Permohonan"), "\(answer)")
        #expect(!answer.contains("kami catat"), "\(answer)")
        let remarks = chat.draft?.remarks ?? []
        #expect(remarks.isEmpty)
    }

    /// "pdf nya boleh digabung?" got the checklist's "one per message" again; a combined file is taken, and how.
    @Test(arguments: ["pdf nya boleh gabung?", "boleh digabung jadi satu file min?"])
    func askingToCombineTheFilesIsToldHow(text: String) throws {
        var chat = try Transcript.atResetChecklist()
        let answer = render(try chat.read(text))
        #expect(answer.contains("Boleh. Kirim PDF gabungannya di sini"), "\(answer)")
        #expect(answer.contains("1. ⬜ Surat Permohonan"), "\(answer)")
        // The question marks no file as combined: the next one is still read by its name.
        #expect(chat.draft?.allInOne == nil)
        // Written as the answer says, the combined file is taken for every document still missing.
        _ = chat.pdf("m1", "berkas.pdf", caption: "semua jadi satu file")
        let stored = render(chat.stored("m1", "berkas.pdf"))
        #expect(stored.contains("Ringkasan permohonan Anda"), "\(stored)")
    }

    /// Asking whether the documents, or the answer asked, may come later is told they may: "bisa dikirim besok?"
    /// got the office hours, "npwp nya boleh nyusul?" the list of documents and its question kept for staff.
    @Test func askingToSendLaterIsToldTheFormWaits() throws {
        for text in ["bisa dikirim besok?", "boleh nyusul?"] {
            var chat = try Transcript.atResetChecklist()
            let answer = render(try chat.read(text))
            #expect(
                answer.contains("permohonan ini kami simpan. Kirim surat permohonan dan KTP/KITAS direktur"),
                "\(text): \(answer)")
            #expect(!answer.contains("Layanan helpdesk: Senin"), "\(answer)")
        }
        var long = try Transcript.atResetChecklist()
        let text = "kalau ktp nya saya kirim besok bisa ga min?"
        let answer = render(try long.read(text))
        #expect(answer.contains("Keterangan Anda kami catat untuk petugas. Tidak apa-apa"), "\(answer)")
        #expect(!answer.contains("jawabannya menyusul"), "the wait answers it: \(answer)")
        #expect(long.draft?.remarks == [text])

        for text in ["npwp nya boleh nyusul?", "bisa besok aja kirimnya?"] {
            var chat = Transcript(catalogue: try Fixtures.catalogue())
            _ = chat.tap("menu.reset_password")
            _ = chat.type("PT Sinar Jaya")
            let answer = render(try chat.read(text))
            #expect(answer.contains("permohonan ini kami simpan. Kirim NPWP di chat ini"), "\(text): \(answer)")
            #expect(!answer.contains("dokumen yang nanti diminta"), "\(answer)")
        }
    }

    /// A question about the call with a day in it is still about the call, not the documents coming later.
    @Test func aCallQuestionWithADayIsAboutTheCall() throws {
        var chat = try Transcript.atResetChecklist()
        let answer = render(try chat.read("jadwal vc nya bisa besok?"))
        #expect(answer.contains("Video call verifikasi dilakukan Senin–Jumat"), "\(answer)")
        #expect(!answer.contains("kami simpan"), "\(answer)")
    }
}
