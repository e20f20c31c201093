import Foundation
import Intents
import Testing

@testable import Conversation

/// A request in formal Indonesian, "Kami dari CV Cahaya Abadi ingin mendaftarkan perusahaan kami sebagai penyedia
/// di LPSE. Mohon informasinya persyaratan apa saja yang perlu disiapkan.", got the menu with "Pesan Anda kami
/// catat": "mendaftarkan" named no service, and a question asked as "mohon informasinya" without its question mark
/// was no question. Read with the shipped recognizer.
struct FormalRequestTests {
    static let formal =
        "Selamat pagi Bapak/Ibu, mohon maaf mengganggu. Kami dari CV Cahaya Abadi ingin mendaftarkan perusahaan kami "
        + "sebagai penyedia di LPSE. Mohon informasinya persyaratan apa saja yang perlu disiapkan. Terima kasih."

    @Test func aFormalRequestStartsItsFormAndIsAnswered() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(try chat.read(Self.formal))
        #expect(chat.draft?.serviceID == "registrasi", "\(answer)")
        #expect(chat.draft?.businessForm == .cv, "\(chat.draft?.answers ?? [:])")
        #expect(answer.contains("dokumen yang nanti diminta"), "the requirements answered: \(answer)")
        #expect(answer.contains("Nomor WhatsApp direksi"), "the company not asked again: \(answer)")
    }

    @Test(arguments: ["mau daftarin perusahaan min", "kami ingin mendaftarkan perusahaan di lpse"])
    func registeringInOtherWordsStartsTheRegistration(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(try chat.read(text))
        #expect(chat.draft?.serviceID == "registrasi", "\(answer)")
    }

    /// An account registered before is no new registration.
    @Test(arguments: [
        ("akun yang saya daftarkan kemarin belum aktif", nil), ("lupa email yang didaftarkan", "reset_password"),
    ])
    func anAccountRegisteredBeforeIsNotARegistration(text: String, service: String?) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(try chat.read(text))
        #expect(chat.draft?.serviceID == service, "\(answer)")
    }
}
