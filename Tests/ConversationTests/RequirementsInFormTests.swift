import Foundation
import Intents
import Support
import Testing

@testable import Conversation

/// "Dokumennya apa aja?" in a form that asks for documents is answered with that form's own list, not the
/// registration's requirements; a longer question the list may not answer ("surat permohonan itu formatnya
/// gimana? ada contohnya?") is also kept for staff. The question of the form is asked again.
@Suite struct RequirementsInFormTests {
    @Test func aResetPasswordFormListsItsOwnDocumentsByGroupWhileTheFormIsUnknown() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.reset_password")
        let answer = render(chat.type("syarat dokumennya apa aja min?", .requirements))
        #expect(answer.contains("Untuk Reset Password"), "\(answer)")
        #expect(answer.contains("• Badan usaha (PT, CV, dll.): Surat Permohonan, KTP/KITAS Direktur"), "\(answer)")
        #expect(!answer.contains("Dokumen verifikasi (PDF, maks. 4 MB)"), "not the registration's: \(answer)")
        #expect(answer.contains("Tulis nama badan usaha"), "the question is asked again: \(answer)")
        #expect(chat.draft?.remarks == nil, "a short question the list answers is not kept")
    }

    @Test func aQuestionAboutADocumentAtTheChecklistIsKeptForStaff() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.reset_password")
        _ = chat.type("PT Cahaya Terang")
        _ = chat.type("012345678901234")
        _ = chat.tap("phone.self")
        _ = chat.tap("consent.yes")
        let question = "surat permohonan itu formatnya gimana min? ada contohnya?"
        let answer = render(chat.type(question, .requirements))
        #expect(answer.contains("Pertanyaan Anda kami catat untuk petugas"), "\(answer)")
        #expect(answer.contains("1. ⬜ Surat Permohonan"), "the checklist again: \(answer)")
        #expect(!answer.contains("Untuk Reset Password"), "the checklist lists them already: \(answer)")
        #expect(chat.draft?.remarks == [question])
    }

    @Test func outsideAFormWithDocumentsTheRequirementsAnswerStays() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(chat.type("syaratnya apa aja?", .requirements))
        #expect(answer.contains("Dokumen verifikasi (PDF, maks. 4 MB)"), "\(answer)")
    }
}
