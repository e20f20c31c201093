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
}
