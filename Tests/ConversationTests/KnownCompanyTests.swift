import Foundation
import Intents
import Support
import Testing

@testable import Conversation

/// A returning provider is offered the company of their last request where the next form asks for one
/// ("Pakai nama ini"), tapped or typed ("yang sama aja"), with its NPWP; another name typed is taken instead.
struct KnownCompanyTests {
    /// A password reset for PT Sinar Jaya sent, then the data-change form started.
    static func atSecondRequest() throws -> Transcript {
        var chat = try Transcript.atResetChecklist()
        _ = chat.sendDocuments("surat.pdf", "ktp.pdf")
        _ = chat.tap("summary.confirm")
        _ = chat.event(.ticketOpened(number: 41))
        return chat
    }

    /// "!company.known" taps the button; anything else is typed.
    @Test(arguments: ["!company.known", "yang sama aja min", "1", "sama kayak kemarin"])
    func theLastRequestsCompanyIsOfferedAndTaken(answer: String) throws {
        var chat = try Self.atSecondRequest()
        #expect(chat.state.knownCompany == KnownCompany(name: "Sinar Jaya", form: .pt, npwp: "012345678901000"))
        let asked = render(chat.tap("menu.perubahan_data"))
        #expect(asked.contains("Untuk *PT Sinar Jaya* seperti permohonan sebelumnya"), "\(asked)")
        #expect(asked.contains("Pakai nama ini"), "\(asked)")
        let next = render(
            answer.hasPrefix("!")
                ? chat.tap(String(answer.dropFirst())) : chat.type(answer, entities: Entities(choice: Int(answer))))
        let draft = try #require(chat.draft)
        #expect(draft.answers["company"] == "Sinar Jaya" && draft.businessForm == .pt, "\(draft.answers)")
        #expect(draft.answers["npwp"] == "012345678901000", "the NPWP is not asked again: \(draft.answers)")
        #expect(!next.contains("Tulis NPWP"), "\(next)")
    }

    @Test func anotherNameTypedIsTakenAndRememberedNext() throws {
        var chat = try Self.atSecondRequest()
        _ = chat.tap("menu.reset_password")
        let next = render(chat.type("CV Lain Lagi"))
        let draft = try #require(chat.draft)
        #expect(draft.answers["company"] == "Lain Lagi" && draft.businessForm == .cv, "\(draft.answers)")
        #expect(next.contains("Tulis NPWP"), "the other company's NPWP is asked: \(next)")
    }

    @Test func nothingIsOfferedBeforeAnyRequestWasSent() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let asked = render(chat.tap("menu.perubahan_data"))
        #expect(!asked.contains("Pakai nama ini"), "\(asked)")
        let typed = render(chat.type("sama"))
        #expect(chat.draft?.answers["company"] == nil, "\(typed)")
    }
}
