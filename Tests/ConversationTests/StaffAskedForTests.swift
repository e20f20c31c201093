import Foundation
import Intents
import Testing

@testable import Conversation

/// A provider who asks for staff in so many words reaches them, whatever else the message says or the question it
/// is written at: "mau bicara sama admin aja" where the company was asked became the company's name ("Apa bentuk
/// usaha mau bicara sama admin?"), and "mau bicara sama admin, akun saya diblokir" started the password reset.
struct StaffAskedForTests {
    @Test(arguments: [
        "mau bicara sama admin, akun saya diblokir", "bisa sambungkan ke petugas? saya lupa password",
        "min saya mau ngobrol langsung dengan admin soal registrasi", "gimana cara hubungi admin?",
        "tolong hubungkan sy dgn petugas, mau ganti email",
    ])
    func aRequestForStaffHandsOff(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(try chat.read(text))
        #expect(answer.contains("⚙ handOff asked"), "\(answer)")
        #expect(answer.contains("kami hubungkan dengan petugas"), "\(answer)")
        #expect(chat.draft == nil, "\(answer)")
    }

    @Test(arguments: [
        "i want to talk to a person, my account is locked", "can I speak to someone about my registration?",
    ])
    func inEnglishToo(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(try chat.read(text))
        #expect(answer.contains("⚙ handOff asked"), "\(answer)")
        #expect(answer.contains("connecting you to staff"), "\(answer)")
    }

    /// At a form's question, with what the form collected so far.
    @Test(arguments: ["mau bicara sama admin aja", "sambungkan ke petugas dong min", "saya mau telpon admin"])
    func aRequestForStaffInAFormIsNoAnswer(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = try chat.read("mau daftar akun penyedia")
        let answer = render(try chat.read(text))
        #expect(answer.contains("⚙ handOff asked ticket=- collected=registrasi"), "\(answer)")
        #expect(!answer.contains("bentuk usaha"), "\(answer)")
        if case .handingOff = chat.state.step {} else { Issue.record("\(chat.state.step)") }
    }

    /// Not asked for: turned down, or told as what happened. Where a complaint is asked, a message that says more
    /// than the request is the complaint, even one about wanting staff.
    @Test(arguments: [
        ("mau daftar akun penyedia", "saya tidak mau bicara dengan admin, saya isi sendiri aja"),
        ("mau komplain", "saya sudah coba bicara dengan petugas tapi tidak ditanggapi"),
        ("mau komplain", "saya mau bicara dengan petugas soal pelayanan kemarin yang lambat sekali"),
        ("mau komplain", "susah bicara dengan petugas"), ("mau komplain", "Telepon helpdesk tidak diangkat"),
    ])
    func aStoryAboutStaffIsNoRequest(start: String, text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = try chat.read(start)
        let answer = render(try chat.read(text))
        #expect(!answer.contains("handOff"), "\(answer)")
        #expect(chat.draft != nil, "\(answer)")
    }

    @Test func aComplaintsQuestionTakesAShortRequestForStaff() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = try chat.read("mau komplain")
        let answer = render(try chat.read("sambungkan ke petugas aja"))
        #expect(answer.contains("⚙ handOff asked ticket=- collected=pengaduan"), "\(answer)")
    }
}
