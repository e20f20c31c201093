import Foundation
import Intents
import Support
import Testing

@testable import Conversation

/// A document the catalogue explains (the reset's request letter): a provider who asks what it is or how to
/// write it, or says they have none yet, is told what it is and how to make it; the checklist waits for it.
@Suite struct DocumentHelpTests {
    @Test(arguments: [
        ("surat permohonan formatnya gimana min? ada contohnya?", Intent.requirements, 0.987),
        ("apa itu surat permohonan?", .requirements, 0.871),
        ("what should the request letter say?", .unknown, 0.4),
    ])
    func aQuestionAboutTheDocumentIsAnswered(text: String, intent: Intent, confidence: Double) throws {
        var chat = try Transcript.atResetChecklist()
        #expect(chat.draft?.stage == .documents)
        let answer = render(chat.type(text, intent, confidence: confidence))
        #expect(answer.contains("kop surat") || answer.contains("letterhead"), "\(answer)")
        #expect(answer.contains("⬜"), "the checklist follows: \(answer)")
        #expect(chat.draft?.stage == .documents)
    }

    @Test(arguments: ["blm punya surat permohonannya", "surat permohonan belum ada min"])
    func noneYetIsToldHowToMakeItAndTheChecklistWaits(text: String) throws {
        var chat = try Transcript.atResetChecklist()
        let answer = render(chat.type(text, .deny, confidence: 0.79))
        #expect(answer.contains("kop surat"), "\(answer)")
        #expect(answer.contains("kami simpan. Kirim surat permohonan di chat ini"), "the checklist waits: \(answer)")
        #expect(!answer.contains("Kami menunggu file PDF"), "\(answer)")
        #expect(chat.state.invalidAnswers == 0)
    }

    /// A document without an explanation in the catalogue gets the checklist's usual answers.
    @Test func aDocumentWithoutHelpIsNotExplained() throws {
        var chat = try Transcript.atRegistrationChecklist()
        let answer = render(chat.type("ktp direktur belum ada", .deny, confidence: 0.8))
        #expect(!answer.contains("kop surat"), "\(answer)")
    }

    @Test func theCatalogueReadsEachDocumentsHelp() throws {
        let catalogue = try Fixtures.catalogue()
        let letter = catalogue.service(id: "reset_password")?.allDocuments.first { $0.id == "surat_permohonan" }
        #expect(letter?.help?.text(in: .indonesian).contains("Kepala LPSE") == true)
        #expect(letter?.help?.text(in: .english).contains("head of the LPSE") == true)
        #expect(catalogue.service(id: "registrasi")?.allDocuments.allSatisfy { $0.help == nil } == true)
    }
}
