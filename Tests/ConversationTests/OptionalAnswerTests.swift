import Foundation
import Intents
import Support
import Testing

@testable import Conversation

/// An answer a service marks optional (a tender's code) that the provider does not know: the form goes on without
/// it, marked not known for staff. "lupa kodenya, paket pengadaan laptop dinas pendidikan" at a tender problem with
/// its deadline that afternoon was taken as the problem and the code asked again, and "ga tau min" kept the form
/// waiting for a code the provider did not have.
@Suite struct OptionalAnswerTests {
    @Test(arguments: ["ga tau min", "lupa", "kodenya ga ingat kak", "forgot it"])
    func anUnknownCodeLetsTheFormGoOn(text: String) throws {
        var chat = try Transcript.atTenderCode()
        #expect(chat.draft?.stage == .field(index: 2, editing: false))
        let answer = render(try chat.read(text))
        #expect(answer.contains("Baik, kode tender boleh menyusul"), "\(answer)")
        #expect(answer.contains("Jelaskan masalah yang Anda alami."), "the problem is asked: \(answer)")
        #expect(chat.draft?.stage == .field(index: 3, editing: false))
        #expect(chat.draft?.answers["kode_tender"] == "(belum diketahui)")
        #expect(chat.draft?.putOff == nil, "the form does not wait")
    }

    /// A message that says more than that keeps what it says for staff, and is not taken as the problem.
    @Test func whatElseTheMessageSaysIsKept() throws {
        var chat = try Transcript.atTenderCode()
        let text = "lupa kodenya, paket pengadaan laptop dinas pendidikan"
        let answer = render(try chat.read(text))
        #expect(
            answer.contains("Keterangan Anda kami catat untuk petugas. Baik, kode tender boleh menyusul"), "\(answer)")
        #expect(chat.draft?.remarks == [text])
        #expect(chat.draft?.answers["problem"] == nil, "the problem is still asked")
        _ = try chat.read("ga bisa upload penawaran, error terus padahal deadline jam 3 sore ini")
        let summary = render(chat.tap("consent.yes"))
        #expect(summary.contains("Kode tender: (belum diketahui)"), "\(summary)")
        #expect(summary.contains("• \(text)"), "the note for staff: \(summary)")
        let request = try #require(openedTicket(chat.tap("summary.confirm")))
        #expect(request.kodeTender == nil, "no code of the ticket's own")
        #expect(request.description.contains("(belum diketahui)"), "\(request.description)")
    }

    /// The code sent once found, while the problem is asked, becomes the answer.
    @Test func theCodeSentLaterIsTaken() throws {
        var chat = try Transcript.atTenderCode()
        _ = try chat.read("ga tau min")
        let answer = render(try chat.read("kode tendernya 10234567"))
        #expect(chat.draft?.answers["kode_tender"] == "10234567", "\(answer)")
        #expect(answer.contains("✅ Kode tender 10234567 sudah kami catat.\n\nJelaskan masalah"), "\(answer)")
    }

    /// A required answer not known still keeps the form waiting for it: the NPWP of a password reset.
    @Test func aRequiredAnswerNotKnownIsWaitedFor() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.reset_password")
        _ = chat.type("PT Sinar Jaya")
        let answer = render(try chat.read("ga tau min"))
        #expect(answer.contains("permohonan ini kami simpan. Kirim NPWP di chat ini kapan saja"), "\(answer)")
        #expect(chat.draft?.answers["npwp"] == nil)
    }

    @Test func theCatalogueReadsWhichAnswersAreOptional() throws {
        let catalogue = try Fixtures.catalogue()
        let optional = catalogue.services.flatMap { service in service.fields.filter(\.optional).map(\.id) }
        #expect(optional == ["kode_tender"])
    }
}
