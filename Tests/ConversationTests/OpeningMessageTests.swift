import Foundation
import Intents
import Testing

@testable import Conversation

/// What a message that starts a form, or asks a status with no ticket, tells beyond the request it makes.
@Suite struct OpeningMessageTests {
    /// "sy lupa pasword spse nih, udh coba reset tp email ga masuk2" opened the reset, which asks nothing of the
    /// kind, and what went wrong was gone. A message telling what is wrong (a word of `not` or `problemWords`, in
    /// six words or more) goes among the provider's notes, said so; a bare request does not.
    @Test(arguments: [
        ("assalamualaikum min, sy lupa pasword spse nih, udh coba reset tp email ga masuk2", true),
        ("lupa password spse, sudah coba reset tapi gagal terus", true),
        // A locked account, which was gone: "terkunci", "diblokir" are `problemWords`.
        ("selamat pagi, saya Rudi dari CV Karya Utama. akun spse kami terkunci krn salah password 3x", true),
        ("reset password min, akun kami diblokir sejak kemarin", true),
        ("selamat siang min saya mau reset password akun spse", false),
        ("mau reset password min, perusahaan kami PT Maju Jaya", false),
    ])
    func aResetOpenedWithWhatWentWrongKeepsIt(text: String, kept: Bool) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let entities = EntityExtractor().extract(from: text, now: Date())
        let answer = render(chat.type(text, .createTicket, confidence: 0.95, entities: entities))
        #expect(chat.draft?.serviceID == "reset_password", "\(answer)")
        let remarks = chat.draft.flatMap(\.remarks) ?? []
        #expect(remarks == (kept ? [text] : []), "\(remarks)")
        #expect(answer.contains("Pesan Anda sebelumnya kami sertakan") == kept, "\(answer)")
    }

    /// "mau komplain petugas tidak ramah" opened the complaint and was asked "Tulis pengaduan Anda.": five words
    /// were too few to be the complaint. Four words that say what is wrong are; "mau komplain dong" is not.
    @Test(arguments: [("mau komplain petugas tidak ramah", true), ("mau komplain dong", false)])
    func aComplaintSaidInFewWordsIsTheComplaint(text: String, taken: Bool) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(chat.type(text, .createTicket, confidence: 0.95))
        #expect(chat.draft?.serviceID == "pengaduan", "\(answer)")
        #expect(chat.draft?.answers.values.contains(text) == taken, "\(chat.draft?.answers ?? [:])")
        #expect(answer.contains("Tulis pengaduan Anda.") != taken, "\(answer)")
    }

    /// "komplain, verifikasi lama banget", read as a status check with no ticket open, got "Anda tidak memiliki
    /// tiket yang sedang terbuka." and nothing more. The menu comes with it, to start the request.
    @Test func aStatusCheckWithNoTicketShowsTheMenu() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(chat.type("komplain, verifikasi lama banget", .checkStatus, confidence: 0.765))
        #expect(answer.contains("Anda tidak memiliki tiket yang sedang terbuka."), "\(answer)")
        #expect(answer.contains("Silakan pilih layanan") && chat.state.step == .menu, "\(answer)")
        let started = render(chat.tap("menu.pengaduan"))
        #expect(started.contains("Tulis pengaduan Anda."), "\(started)")
    }
}

/// Keyword phrases are found in a message whatever chat spelling of their words it uses, as the recognizer reads
/// them: "ntr sy kirim ya" at the checklist got "Kami menunggu file PDF." because "nanti", "bentar" and "nyusul"
/// were listed, not "ntr" or "bntr".
@Suite struct ChatSpellingTests {
    @Test(arguments: ["ntr sy kirim ya", "bntr ya"])
    func aWaitInAnyChatSpellingWaitsAtTheChecklist(text: String) throws {
        var chat = try Transcript.atRegistrationChecklist()
        let answer = render(chat.type(text))
        #expect(answer.contains("Tidak apa-apa, permohonan ini kami simpan"), "\(answer)")
        #expect(!answer.contains("Kami menunggu file PDF"), "\(answer)")
    }
}

/// A short message asking in a service's `asking.<id>` words is kept while the menu is asked, however unsure the
/// recognizer is: "mo tanya2 soal e-katalog" (a request at 0.66) got the menu and was gone.
struct AskingInAServicesWordsTests {
    @Test(arguments: ["mo tanya2 soal e-katalog", "mau nanya soal e-katalog"])
    func aShortQuestionInAServicesWordsIsKept(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(chat.type(text, .createTicket, confidence: 0.66))
        #expect(answer.contains("Pesan Anda kami catat"), "\(answer)")
        #expect(chat.state.messagesBeforeRequest?.map(\.text) == [text])
    }
}
