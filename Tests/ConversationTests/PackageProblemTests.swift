import Foundation
import Intents
import Testing

@testable import Conversation

/// A procurement package ("paket") is what the tender form is about, and the word named no service: "paket saya ga
/// muncul" got the menu alone, "kenapa paket saya ga muncul?" the menu with "Pesan Anda kami catat", "apa itu
/// paket e-katalog?" the menu with the question dropped, and "paket saya sudah tayang tapi tidak ada penyedia yang
/// daftar, kenapa ya?" started the registration for its "daftar". Each message read with the shipped recognizer.
struct PackageProblemTests {
    @Test(arguments: [
        "paket saya ga muncul", "kenapa paket saya ga muncul?", "mau tanya kenapa paket saya ga muncul",
        "saya ppk mau tanya kenapa paket saya ga muncul?",
        "paket saya sudah tayang tapi tidak ada penyedia yang daftar, kenapa ya?",
    ])
    func aProblemWithAPackageStartsTheTenderForm(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(try chat.read(text))
        #expect(chat.draft?.serviceID == "tender", "\(answer)")
    }

    @Test(arguments: ["mau tanya cara buat paket di spse", "apa itu paket e-katalog?"])
    func aQuestionAboutPackagesIsAConsultation(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(try chat.read(text))
        #expect(chat.draft?.serviceID == "konsultasi", "\(answer)")
    }

    /// A kode tender with nothing wrong starts nothing ("paket" named no service before); an account named first is
    /// the account's.
    @Test func aPackageWithNothingWrongOrAfterAnotherServiceIsNotTheTenderForm() throws {
        var thanks = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(try thanks.read("paket 10234567 sudah saya cek, terima kasih"))
        #expect(thanks.draft == nil, "\(answer)")
        var account = Transcript(catalogue: try Fixtures.catalogue())
        _ = try account.read("akun saya terkunci jadi ga bisa ikut paket")
        #expect(account.draft?.serviceID == "reset_password")
    }

    @Test(arguments: [
        "apa bedanya registrasi sama perubahan data?", "saya harus pilih registrasi atau perubahan data?",
    ])
    func servicesComparedStillGetTheMenu(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(try chat.read(text))
        #expect(answer.contains("keterangan singkat tiap layanan ada di daftar"), "\(answer)")
        #expect(chat.draft == nil)
    }
}
