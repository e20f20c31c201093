import Foundation
import Intents
import Testing

@testable import Conversation

/// Two files sent under names that say nothing ("scan1.pdf", "scan2.pdf") are guessed onto the checklist's documents
/// in order; "itu kebalik min" then said they were the wrong way round, and the summary only noted it for staff (the
/// checklist said "Kami menunggu file PDF"), with the director's ID card left as the company's NPWP. Each message
/// read with the shipped recognizer.
struct SwappedFilesTests {
    /// A registration at its summary, "scan1.pdf" guessed as the director's ID card and "scan2.pdf" as the NPWP.
    static func atSummary() throws -> Transcript {
        var chat = try Transcript.atRegistrationChecklist()
        _ = chat.sendDocuments("scan1.pdf", "scan2.pdf")
        #expect(chat.draft?.stage == .summary)
        #expect(chat.draft?.documents["ktp_direktur"]?.filename == "scan1.pdf")
        return chat
    }

    @Test(arguments: [
        "itu kebalik min", "filenya ketuker kak", "ktp sama npwp nya tertukar", "maaf terbalik",
        "the files are swapped",
    ])
    func theTwoFilesAreSwappedAtTheSummary(text: String) throws {
        var chat = try Self.atSummary()
        let answer = render(try chat.read(text))
        #expect(chat.draft?.documents["ktp_direktur"]?.filename == "scan2.pdf", "\(answer)")
        #expect(chat.draft?.documents["npwp_perusahaan"]?.filename == "scan1.pdf", "\(answer)")
        #expect(chat.draft?.stage == .summary, "the summary again: \(answer)")
        #expect(answer.contains("scan1.pdf") && answer.contains("scan2.pdf"), "said so: \(answer)")
        #expect(!answer.contains("untuk petugas"), "not only noted: \(answer)")
    }

    @Test func saidInIndonesianTheSwapIsNamed() throws {
        var chat = try Self.atSummary()
        let answer = render(try chat.read("itu kebalik min"))
        #expect(
            answer.contains(
                "Baik, kami tukar: scan1.pdf kami catat sebagai NPWP Perusahaan, dan scan2.pdf sebagai KTP/KITAS Direktur."
            ),
            "\(answer)")
    }

    /// A reset's request letter and the director's ID card, named.
    @Test func theTwoNamedAreSwapped() throws {
        var chat = try Transcript.atResetChecklist()
        _ = chat.sendDocuments("scan1.pdf", "scan2.pdf")
        let before = try #require(chat.draft?.documents)
        #expect(before.count == 2)
        let answer = render(try chat.read("surat permohonan sama ktp nya kebalik min"))
        let after = try #require(chat.draft?.documents)
        #expect(Set(after.keys) == Set(before.keys), "\(answer)")
        for (id, file) in after { #expect(before[id]?.filename != file.filename, "\(id): \(answer)") }
    }

    /// A question about it, a swap named of documents not stored, or three stored and none named, moves nothing.
    @Test func aQuestionOrAnUnclearSwapMovesNothing() throws {
        var asked = try Self.atSummary()
        _ = try asked.read("apa filenya kebalik?")
        #expect(asked.draft?.documents["ktp_direktur"]?.filename == "scan1.pdf")
        var reset = try Transcript.atResetChecklist()
        _ = reset.pdf("m1", "scan1.pdf")
        _ = reset.stored("m1", "scan1.pdf")
        _ = try reset.read("kebalik min")
        #expect(reset.draft?.documents.values.map(\.filename) == ["scan1.pdf"])
    }
}
