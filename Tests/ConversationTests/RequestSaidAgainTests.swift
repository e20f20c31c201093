import Foundation
import Intents
import Support
import Testing

@testable import Conversation

/// Once a service is chosen from the menu, providers often say what they need again where the company is asked
/// ("saya lupa password akun spse"): it was taken as a company named "lupa password akun spse", whose legal form
/// was asked. Each message is read with the shipped recognizer.
struct RequestSaidAgainTests {
    /// The request said again goes with the form, to its free-text question where it has one ("Perubahan"), else
    /// among the remarks for staff; the company is asked again, with no wrong answer counted.
    @Test(arguments: [
        ("menu.reset_password", "saya lupa password akun spse", false),
        ("menu.reset_password", "akun kami terblokir min", false),
        ("menu.reset_password", "lupa user id", false),
        ("menu.registrasi", "saya mau daftar akun baru", false),
        ("menu.registrasi", "kami belum punya akun", false),
        ("menu.perubahan_data", "mau ganti email perusahaan", true),
        ("menu.perubahan_data", "direktur kami sudah ganti", true),
    ])
    func theRequestSaidAgainIsNoCompany(menu: String, text: String, toTheChanges: Bool) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap(menu)
        let reply = render(try chat.read(text))
        #expect(chat.draft?.answers["company"] == nil, "\(reply)")
        #expect(!reply.contains("Apa bentuk usaha"), "\(reply)")
        #expect(reply.contains("Tulis nama badan usaha Anda beserta bentuknya"), "\(reply)")
        #expect(chat.state.invalidAnswers == 0, "\(reply)")
        let kept = toTheChanges ? chat.draft?.answers["changes"] : chat.draft?.remarks?.first
        #expect(kept == text, "\(reply)")
        // The name typed next answers the question.
        _ = try chat.read("CV Sinar Abadi")
        #expect(chat.draft?.answers["company"] == "Sinar Abadi")
    }

    /// A name is still a name, also with a service's word in it or words that lead in to it.
    @Test(arguments: [
        ("Mitra Tender Nusantara", "Mitra Tender Nusantara"), ("perusahaan saya Sinar Abadi", "Sinar Abadi"),
        ("nama usaha saya Toko Budi", "Toko Budi"), ("CV Maju Jaya", "Maju Jaya"),
    ])
    func aNameIsStillAName(text: String, company: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        let reply = render(try chat.read(text))
        #expect(chat.draft?.answers["company"] == company, "\(reply)")
    }

    /// "akun saya diretas orang", "saya lupa email yang didaftarkan di spse" got the welcome and the menu: an
    /// account taken over, or its e-mail forgotten, starts the reset, which gives the account back.
    @Test(arguments: [
        "akun saya diretas orang", "akun spse kami dibajak, tolong bantu", "saya lupa email yang didaftarkan di spse",
        "lupa email akun spse min", "our account was hacked",
    ])
    func aHackedAccountOrAForgottenEmailStartsTheReset(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let reply = render(try chat.read(text))
        #expect(chat.draft?.serviceID == "reset_password", "\(reply)")
    }

    /// "saya mau komplain" where the complaint is asked, "mau konsultasi" where the question is, became the ticket's
    /// complaint or question. They are asked for it again; a subject named ("konsultasi soal sikap") answers.
    @Test(arguments: [
        ("menu.pengaduan", "saya mau komplain", false), ("menu.pengaduan", "komplain min", false),
        ("menu.konsultasi", "mau konsultasi", false), ("menu.konsultasi", "konsultasi soal sikap", true),
    ])
    func theServiceNamedAgainIsNoDescription(menu: String, text: String, answers: Bool) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap(menu)
        let reply = render(try chat.read(text))
        #expect(reply.contains("belum menjawab pertanyaan ini") != answers, "\(reply)")
        #expect(chat.draft?.answers.values.contains(text) == answers, "\(reply)")
    }

    /// A kode tender typed where the role is asked got "Mohon pilih salah satu." and was gone: it is kept for its
    /// question, as an NPWP typed there is.
    @Test func aCodeTypedWhereTheRoleIsAskedIsKept() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.tender")
        let reply = render(try chat.read("10234567"))
        #expect(reply.contains("Kode tender 10234567 kami catat"), "\(reply)")
        #expect(chat.state.invalidAnswers == 0, "\(reply)")
    }

    /// "surat kuasa.pdf" at the reset's checklist was taken as its request letter ("surat"): a power of attorney is
    /// a document of its own, kept for staff; "surat.pdf" and "surat permohonan reset.pdf" are still the letter.
    @Test(arguments: [
        ("surat kuasa.pdf", "kami terima dan akan dilampirkan ke tiket Anda"),
        ("surat.pdf", "diterima sebagai Surat Permohonan"),
        ("surat permohonan reset.pdf", "diterima sebagai Surat Permohonan"),
    ])
    func aPowerOfAttorneyIsNoRequestLetter(filename: String, said: String) throws {
        var chat = try Transcript.atResetChecklist()
        _ = chat.pdf("m1", filename)
        let reply = render(chat.stored("m1", filename))
        #expect(reply.contains("\(filename) \(said)"), "\(reply)")
    }
}
