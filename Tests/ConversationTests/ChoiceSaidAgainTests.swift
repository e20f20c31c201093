import Foundation
import Intents
import Testing

@testable import Conversation

/// The tender form asks the role, then "Tulis NPWP (penyedia) atau NIP (pejabat)": "penyedia" typed there, the role
/// said again, got "Tulis NPWP (15/16 digit) atau NIP (18 digit)." with a wrong answer counted, and "saya ppk", the
/// role changed, the same. Each message read with the shipped recognizer.
struct ChoiceSaidAgainTests {
    static func atTheNumber() throws -> Transcript {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.tender")
        _ = try chat.read("penyedia")
        #expect(chat.draft?.answers["role"] == "Penyedia")
        return chat
    }

    @Test(arguments: ["penyedia", "saya penyedia min", "sebagai penyedia"])
    func theRoleSaidAgainIsNoted(text: String) throws {
        var chat = try Self.atTheNumber()
        let answer = render(try chat.read(text))
        #expect(answer.contains("✅ Penyedia sudah kami catat."), "\(answer)")
        #expect(answer.contains("Tulis NPWP (penyedia) atau NIP (pejabat)."), "the question again: \(answer)")
        #expect(chat.state.invalidAnswers == 0, "\(answer)")
    }

    @Test(arguments: [("saya ppk", "PPK"), ("eh saya pokja", "Pokja/PP")])
    func theRoleChangedIsTaken(text: String, role: String) throws {
        var chat = try Self.atTheNumber()
        let answer = render(try chat.read(text))
        #expect(chat.draft?.answers["role"] == role, "\(answer)")
        #expect(answer.contains("✅ Peran kami ubah menjadi \(role)."), "\(answer)")
        #expect(chat.state.invalidAnswers == 0, "\(answer)")
    }

    /// The number still answers; a sentence with the role's word at the problem's question is the problem.
    @Test func theAnswersStillAnswer() throws {
        var chat = try Self.atTheNumber()
        _ = try chat.read("npwp 01.234.567.8-901.000")
        #expect(chat.draft?.answers["npwp_nip"] == "012345678901000")
        _ = try chat.read("10234567")
        let problem = "sebagai penyedia saya tidak bisa upload penawaran"
        _ = try chat.read(problem)
        #expect(chat.draft?.answers["problem"] == problem)
        #expect(chat.draft?.answers["role"] == "Penyedia")
    }
}
