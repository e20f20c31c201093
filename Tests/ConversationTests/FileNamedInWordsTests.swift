import Foundation
import Intents
import Testing

@testable import Conversation

/// At the checklist, what the file just guessed onto a missing document is, said in words: the checklist said "Jika
/// salah, balas dengan nomor dokumen yang benar" and took only the number, so "itu ktp direktur min" got "Kami
/// menunggu file PDF" and "file tadi surat kuasa ya" the answer on powers of attorney, with the file left as the
/// request letter staff would read. Each message read with the shipped recognizer.
struct FileNamedInWordsTests {
    /// A password reset's checklist (request letter, then the director's ID card) with "scan.pdf" guessed as the
    /// request letter.
    static func guessed() throws -> Transcript {
        var chat = try Transcript.atResetChecklist()
        _ = chat.pdf("m1", "scan.pdf")
        _ = chat.stored("m1", "scan.pdf")
        #expect(chat.draft?.documents["surat_permohonan"]?.filename == "scan.pdf")
        return chat
    }

    /// A password reset asking for the NPWP, with "scan.pdf" sent ahead of its checklist and kept.
    static func sentAhead() throws -> Transcript {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.reset_password")
        _ = chat.type("PT Sinar Jaya")
        _ = chat.pdf("m1", "scan.pdf")
        return chat
    }

    @Test(arguments: [
        "itu ktp direktur min", "yang barusan ktpnya ya", "scan.pdf itu ktp", "eh itu ktp, bukan surat", "ktp itu min",
    ])
    func aDocumentOfTheChecklistTakesTheFile(text: String) throws {
        var chat = try Self.guessed()
        let answer = render(try chat.read(text))
        #expect(answer.contains("Baik, scan.pdf kami catat sebagai KTP/KITAS Direktur."), "\(answer)")
        #expect(answer.contains("1. ⬜ Surat Permohonan") && answer.contains("2. ✅ KTP/KITAS Direktur"), "\(answer)")
        #expect(chat.draft?.documents["ktp_direktur"]?.filename == "scan.pdf")
        #expect(chat.draft?.documents["surat_permohonan"] == nil)
        #expect(chat.state.invalidAnswers == 0)
    }

    /// A document the checklist does not ask for is no checklist document: the file goes to staff as an
    /// attachment, with what was said about it, and the request letter is asked again.
    @Test(arguments: ["itu surat kuasa", "file tadi surat kuasa direktur ya min", "salah, itu akta pendirian"])
    func anotherDocumentIsKeptForStaff(text: String) throws {
        var chat = try Self.guessed()
        let answer = render(try chat.read(text))
        #expect(
            answer.contains(
                "Baik, scan.pdf kami simpan sebagai lampiran untuk petugas, bukan sebagai Surat Permohonan."),
            "\(answer)")
        #expect(answer.contains("1. ⬜ Surat Permohonan"), "\(answer)")
        #expect(!answer.contains("surat kuasa dari direktur"), "not the FAQ: \(answer)")
        #expect(chat.draft?.documents["surat_permohonan"] == nil)
        _ = chat.pdf("m2", "permohonan.pdf")
        _ = chat.stored("m2", "permohonan.pdf")
        _ = chat.pdf("m3", "ktp.pdf")
        _ = chat.stored("m3", "ktp.pdf")
        let opened = chat.tap("summary.confirm").compactMap { effect -> TicketRequest? in
            if case .openTicket(let request) = effect { return request }
            return nil
        }
        let request = try #require(opened.first)
        #expect(request.attachments.map(\.document.filename).sorted() == ["ktp.pdf", "permohonan.pdf", "scan.pdf"])
        #expect(request.description.contains("scan.pdf: \(text)"), "\(request.description)")
    }

    @Test func theDocumentGuessedIsConfirmed() throws {
        var chat = try Self.guessed()
        let answer = render(try chat.read("itu surat permohonan ya min"))
        #expect(answer.contains("Baik, scan.pdf kami catat sebagai Surat Permohonan."), "\(answer)")
        #expect(chat.draft?.documents["surat_permohonan"]?.filename == "scan.pdf")
    }

    /// Not about the file: a question, or a document that comes later.
    @Test(arguments: ["itu ktp?", "ktp nyusul ya", "ktp direktur belum ada min", "itu bukan ktp"])
    func aQuestionOrALaterDocumentMovesNothing(text: String) throws {
        var chat = try Self.guessed()
        let answer = render(try chat.read(text))
        #expect(!answer.contains("kami catat sebagai") && !answer.contains("lampiran untuk petugas"), "\(answer)")
        #expect(chat.draft?.documents["surat_permohonan"]?.filename == "scan.pdf")
    }

    /// Sent before the checklist, while the form still asks (the file is kept until the privacy notice is
    /// accepted): "itu surat kuasa ya min" got the answer on powers of attorney, and the file was guessed onto the
    /// request letter once the checklist came. What it is said to be is what the checklist takes it as.
    @Test(arguments: [
        ("itu surat kuasa ya min", "attachment-1"), ("ini ktp direktur min", "ktp_direktur"),
        ("file tadi surat permohonan", "surat_permohonan"),
    ])
    func aFileSentAheadIsTakenAsItIsNamed(text: String, taken: String) throws {
        var chat = try Self.sentAhead()
        let answer = render(try chat.read(text))
        #expect(answer.contains("Baik, keterangan untuk scan.pdf kami catat"), "\(answer)")
        #expect(answer.contains("Tulis NPWP badan usaha"), "the question again: \(answer)")
        #expect(chat.draft?.remarks?.contains("scan.pdf: \(text)") == true)
        _ = chat.type("01.234.567.8-901.000", entities: Entities(npwp: "012345678901000"))
        _ = chat.tap("phone.self")
        let released = render(chat.tap("consent.yes"))
        #expect(released.contains("⚙ fetchMedia m1 for \(taken)"), "\(released)")
    }

    /// The question's answer is no name for the file.
    @Test func anAnswerWithTheDocumentsWordAnswers() throws {
        var chat = try Self.sentAhead()
        _ = try chat.read("ini npwp kami 01.234.567.8-901.000")
        #expect(chat.draft?.answers["npwp"] == "012345678901000")
        #expect(chat.draft?.heldFiles?.first?.caption == nil)
    }

    /// The last file completes the checklist and the summary follows: named there, the file is taken as it is
    /// named, back at the checklist when the document it was guessed as is missing again.
    @Test func atTheSummaryToo() throws {
        var chat = try Self.guessed()
        _ = chat.pdf("m2", "scan2.pdf")
        _ = chat.stored("m2", "scan2.pdf")
        #expect(chat.draft?.stage == .summary)
        var aside = chat
        let keptAnswer = render(try aside.read("yang terakhir itu surat kuasa"))
        #expect(keptAnswer.contains("scan2.pdf kami simpan sebagai lampiran untuk petugas"), "\(keptAnswer)")
        #expect(keptAnswer.contains("2. ⬜ KTP/KITAS Direktur"), "\(keptAnswer)")
        #expect(aside.draft?.stage == .documents)
        let movedAnswer = render(try chat.read("itu surat permohonan min"))
        #expect(movedAnswer.contains("Baik, scan2.pdf kami catat sebagai Surat Permohonan."), "\(movedAnswer)")
        #expect(chat.draft?.documents["surat_permohonan"]?.filename == "scan2.pdf")
        #expect(chat.draft?.documents["ktp_direktur"]?.filename == "scan.pdf")
        #expect(chat.draft?.stage == .summary)
    }
}
