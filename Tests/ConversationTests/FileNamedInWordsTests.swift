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
}
