import Foundation
import Intents
import Support
import Testing

@testable import Conversation

/// UU 27/2022 in the chat: "data saya apa saja?" is answered with what is held; "hapus data saya" is confirmed
/// first, then becomes a request for staff; a second request while one waits says so, and "tidak" keeps all.
struct PersonalDataRequestTests {
    @Test(arguments: [
        "data saya apa saja yang disimpan?", "Data pribadi saya apa aja ya", "what data do you keep about me?",
        "data saya apa aja yg disimpan?", "min, apa aja data saya yg kalian simpan", "lihat data saya dong",
    ])
    func whatIsHeldIsAnswered(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(chat.type(text))
        #expect(answer.contains("+6281234567890"), "\(answer)")
        #expect(!answer.contains("requestErasure"))
    }

    @Test func anErasureIsConfirmedBeforeItIsRequested() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let asked = render(chat.type("tolong hapus data saya"))
        #expect(asked.contains("[Ya, hapus]"), "\(asked)")
        #expect(!asked.contains("requestErasure"), "nothing is requested before the provider confirms")
        let confirmed = render(chat.tap("erasure.yes"))
        #expect(confirmed.contains("⚙ requestErasure"), "\(confirmed)")
        let told = render(
            chat.event(.erasureRequested(ticket: 12, deadline: Date(timeIntervalSince1970: 1_796_000_000))))
        #expect(told.contains("tiket #12"))
    }

    /// Informal ways of asking for erasure are confirmed like the formal one.
    @Test(arguments: ["hapusin data sy min", "tolong hapus data2 saya", "hapus data sy ya"])
    func anInformalErasureRequestIsConfirmed(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        #expect(render(chat.type(text)).contains("[Ya, hapus]"), "\(text)")
    }

    @Test func declinedByWordsKeepsEverything() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.type("hapus data saya")
        let kept = render(chat.type("tidak", .deny))
        #expect(kept.contains("tidak diubah"), "\(kept)")
        #expect(!kept.contains("requestErasure"))
    }

    @Test func aSecondRequestWhileOneWaitsIsNotDuplicated() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        chat.context.personalData.pendingErasure = 31
        let answer = render(chat.type("hapus data saya"))
        #expect(answer.contains("tiket #31") && !answer.contains("[Ya, hapus]"), "\(answer)")
    }

    /// "tolong hapus semua data saya" typed in a form, which kept it as a remark and asked for the documents again:
    /// the erasure is asked; confirmed, the form goes too (its answers and files are the provider's data) and
    /// nothing of it is sent; declined, the form goes on where it was. Where the form asks for a description in the
    /// provider's words, the message is that description.
    @Test func anErasureAskedInAFormIsConfirmedAndTakesTheForm() throws {
        var chat = try Self.registrationAtTheDocuments()
        let asked = render(chat.type("tolong hapus semua data saya min"))
        #expect(asked.contains("[Ya, hapus]") && !asked.contains("Keterangan Anda kami catat"), "\(asked)")
        let confirmed = render(chat.tap("erasure.yes"))
        #expect(confirmed.contains("⚙ requestErasure"), "\(confirmed)")
        #expect(confirmed.contains("Permohonan Registrasi"), "\(confirmed)")
        #expect(confirmed.contains("kami batalkan") && !confirmed.contains("Kirim dokumen berikut"), "\(confirmed)")
        #expect(chat.state.step == .idle && chat.state.suspended.isEmpty, "\(chat.state.step)")

        var declined = try Self.registrationAtTheDocuments()
        _ = declined.type("hapus data saya")
        let kept = render(declined.type("tidak", .deny))
        #expect(kept.contains("tidak diubah") && kept.contains("Kirim dokumen berikut"), "\(kept)")
        #expect(!kept.contains("requestErasure") && declined.draft != nil, "\(kept)")

        var complaint = Transcript(catalogue: try Fixtures.catalogue())
        _ = complaint.tap("menu.pengaduan")
        _ = complaint.tap("consent.yes")
        let described = render(complaint.type("data saya disebar petugas, tolong hapus data saya dari sistem"))
        #expect(!described.contains("[Ya, hapus]"), "\(described)")
    }

    /// A registration at its checklist: company, the director's number and consent given.
    static func registrationAtTheDocuments() throws -> Transcript {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        _ = chat.type("CV Maju Jaya", entities: EntityExtractor().extract(from: "CV Maju Jaya", now: Date()))
        _ = chat.tap("phone.self")
        let documents = render(chat.tap("consent.yes"))
        #expect(documents.contains("Kirim dokumen berikut"), "\(documents)")
        return chat
    }
}

/// "data saya dipakai buat apa aja?" outside a form asks what the data is for: it was kept for staff with the menu.
/// It gets the notice (its purpose, how long it is kept, the rights), without its consent question, and how to see
/// or erase what is held. Not a data change ("mau ubah data perusahaan"), which starts its form.
@Suite struct PrivacyQuestionTests {
    @Test(arguments: [
        "data saya dipakai buat apa aja?", "ktp yang saya kirim aman kan min? tidak disebarkan?",
        "what is my data used for?", "bagaimana kebijakan privasi di sini?",
    ])
    func aQuestionAboutTheDataGetsTheNotice(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(chat.type(text, .unknown, confidence: 0.5))
        #expect(answer.contains("UU 27/2022") || answer.contains("Law 27/2022"), "\(answer)")
        #expect(!answer.contains("Apakah Anda setuju?") && !answer.contains("Do you agree?"), "\(answer)")
        #expect(answer.contains("hapus data saya") || answer.contains("delete my data"), "\(answer)")
        #expect(chat.draft == nil)
    }

    @Test func aDataChangeStillStartsItsForm() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(chat.type("mau ubah data perusahaan", .createTicket))
        #expect(chat.draft?.serviceID == "perubahan_data", "\(answer)")
    }
}
