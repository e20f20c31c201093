import Foundation
import Testing

@testable import Conversation

/// Providers ask to renew what ran out in their own words: "min mau perpanjang sikap" got the welcome and the menu
/// and was gone, "pak, masa berlaku akun spse saya habis" was kept with the menu, though each names its service.
/// Read with the shipped recognizer, as Loket reads them.
@Suite struct RenewalRequestTests {
    /// An account whose validity ran out, or that was frozen, is reopened by the reset's form; business data or a licence that ran out
    /// (SIKaP, izin usaha, SBU, NIB) is renewed by the data change's.
    @Test(arguments: [
        ("min mau perpanjang sikap", "perubahan_data"),
        ("mau perpanjangan izin usaha di sikap", "perubahan_data"),
        ("masa berlaku izin usaha di sikap sudah habis, mau update", "perubahan_data"),
        ("sbu kami sudah expired min, gimana update di spse", "perubahan_data"),
        ("izin usaha perusahaan kami habis bulan ini", "perubahan_data"),
        ("pak, masa berlaku akun spse saya habis", "reset_password"),
        ("mau perpanjang akun spse", "reset_password"),
        ("cara perpanjang masa aktif akun penyedia", "reset_password"),
        ("akun spse kami mati, tolong diaktifkan lagi", "reset_password"),
        ("our account has expired, how can we renew it?", "reset_password"),
        ("akun penyedia saya dibekukan", "reset_password"),
    ])
    func aRenewalStartsTheServiceItNames(text: String, service: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(try chat.read(text))
        #expect(chat.draft?.serviceID == service, "\(answer)")
    }

    /// "sikap petugas kurang sopan" got the welcome and the menu, and the complaint was gone; "sikap" there is
    /// how staff behaved, not SIKaP. Saying how staff behaved says what is wrong: the message is the complaint,
    /// which is not asked again.
    @Test(arguments: ["sikap petugas kurang sopan", "pelayanan admin lpse mengecewakan", "cs nya ketus banget"])
    func howStaffBehavedStartsTheComplaint(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(try chat.read(text))
        #expect(chat.draft?.serviceID == "pengaduan", "\(answer)")
        #expect(chat.draft?.answers["complaint"] == text, "\(String(describing: chat.draft?.answers))")
        #expect(!answer.contains("Tulis pengaduan Anda."), "\(answer)")
    }

    /// A blacklisting is asked about, not renewed: the message is kept for staff with the menu.
    @Test func aBlacklistQuestionIsKeptWithTheMenu() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let text = "perusahaan kami masuk daftar hitam, bisa dicabut?"
        let answer = render(try chat.read(text))
        #expect(chat.draft == nil && answer.contains("Pesan Anda kami catat"), "\(answer)")
        #expect(chat.state.messagesBeforeRequest?.map(\.text) == [text])
    }
}
