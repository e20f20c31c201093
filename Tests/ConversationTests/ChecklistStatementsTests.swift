import Foundation
import Intents
import Testing

@testable import Conversation

/// What providers say about their files at the checklist, read with the shipped recognizer: "ktp sama npwp saya
/// kirim sekarang ya" was kept for staff as if it told them something ("Keterangan Anda kami catat"); "sudah saya
/// kirim min" with nothing received got "Kami menunggu file PDF" with a wrong answer counted; "semua dokumen jadi
/// satu file min" after the file, read as asking the requirements, got the checklist again and the file stayed
/// one document.
struct ChecklistStatementsTests {
    @Test(arguments: [
        "ktp sama npwp saya kirim sekarang ya", "sy kirim skrg min", "ini saya kirim filenya", "oke kami upload ya",
    ])
    func filesSaidToComeAreAwaited(text: String) throws {
        var chat = try Transcript.atRegistrationChecklist()
        let answer = render(try chat.read(text))
        #expect(answer == "› Silakan, kami tunggu file PDF-nya di chat ini.", "\(answer)")
        #expect(chat.draft?.remarks == nil, "nothing for staff")
        #expect(chat.state.invalidAnswers == 0)
        #expect(chat.draft?.stage == .documents)
    }

    @Test func sentLaterIsStillPutOff() throws {
        var chat = try Transcript.atRegistrationChecklist()
        let answer = render(try chat.read("nanti saya kirim"))
        #expect(answer.contains("kapan saja"), "\(answer)")
    }

    @Test(arguments: ["sudah saya kirim min", "udah dikirim kak"])
    func saidToBeSentTheMissingAreNamed(text: String) throws {
        var chat = try SendingLaterTests.withKTPStored()
        let answer = render(try chat.read(text))
        #expect(answer.contains("Masih kurang: NPWP Perusahaan."), "\(answer)")
        #expect(chat.state.invalidAnswers == 0)
    }

    @Test(arguments: ["semua dokumen jadi satu file min", "itu semua dokumen jadi satu file"])
    func oneFileForAllSaidAfterItIsTakenForAll(text: String) throws {
        var chat = try Transcript.atRegistrationChecklist()
        _ = chat.pdf("m1", "dokumen lengkap.pdf")
        _ = chat.stored("m1", "dokumen lengkap.pdf")
        let answer = render(try chat.read(text))
        #expect(chat.draft?.documents["npwp_perusahaan"]?.filename == "dokumen lengkap.pdf", "\(answer)")
        #expect(chat.draft?.stage == .summary, "\(answer)")
        #expect(answer.contains("berkas gabungan"), "\(answer)")
    }
}
