import Foundation
import Intents
import Testing

@testable import Conversation

/// An official (a PPK, a Pokja member, a procurement officer) asking for what only a company's form takes: "saya
/// ppk, minta user id untuk spse" started the password reset, whose first question asks for the company and its
/// legal form, then its NPWP and its director's number, none of which an official has.
struct OfficialsRequestTests {
    @Test(arguments: [
        "saya ppk, minta user id untuk spse", "sebagai pejabat pengadaan saya mau reset password akun",
        "saya pns di dinas pu, mau daftar akun spse",
    ])
    func anOfficialsRequestIsAConsultation(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(try chat.read(text))
        #expect(answer.contains("di sini untuk penyedia (badan usaha atau perorangan)"), "\(answer)")
        #expect(answer.contains("Konsultasi SPSE") && !answer.contains("Tulis nama badan usaha"), "\(answer)")
        #expect(chat.draft?.serviceID == "konsultasi")
        #expect(chat.draft?.answers["question"] == text)
    }

    /// "pokja" is a tender's word, but written as who writes it names no tender: "saya pokja lupa password"
    /// started a tender problem and asked for a kode tender. The request its other words name is the one asked.
    @Test(arguments: ["saya pokja lupa password", "kami pokja, akun spse kami terkunci", "sy ppk lupa user id"])
    func anOfficialsRoleIsNotTheRequest(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(try chat.read(text))
        #expect(chat.draft?.serviceID == "konsultasi", "\(answer)")
        #expect(answer.contains("di sini untuk penyedia (badan usaha atau perorangan)"), "\(answer)")
        #expect(!answer.contains("NIP (pejabat)"), "\(answer)")
    }

    /// A role with nothing else, or with a tender's own words, is still the tender's.
    @Test(arguments: ["saya pokja", "saya pokja, jadwal tender tidak bisa diubah"])
    func aPokjaAboutATenderKeepsTheTendersForm(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(try chat.read(text))
        #expect(chat.draft?.serviceID == "tender", "\(answer)")
        #expect(chat.draft?.answers["role"] == "Pokja/PP", "\(answer)")
    }

    /// A provider naming an official is still a provider.
    @Test func aProviderNamingAnOfficialKeepsTheForm() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(try chat.read("saya lupa password, ppk minta saya login hari ini"))
        #expect(chat.draft?.serviceID == "reset_password", "\(answer)")
        #expect(!answer.contains("untuk penyedia (badan usaha"), "\(answer)")
    }
}
