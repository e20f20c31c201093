import Foundation
import Intents
import Testing

@testable import Conversation

/// Where a form asks for its free text (the problem, the changes), a message that says nothing but a question's
/// name and a new value for it corrects that answer: "maaf kodenya 10234567", typed after a code with a digit
/// missing, became the problem staff were to read, and the wrong code stayed on the ticket.
struct CorrectionAtAFreeTextQuestionTests {
    /// A tender problem with the code 1234567 (a digit missing), at the question asking the problem.
    static func atTheProblem() throws -> Transcript {
        var chat = try Transcript.atTenderCode()
        _ = try chat.read("kode tendernya 1234567")
        return chat
    }

    /// A data change with the NPWP 0123456789012345, at the question asking the changes.
    static func atTheChanges() throws -> Transcript {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.perubahan_data")
        _ = try chat.read("CV Berkah Abadi")
        _ = try chat.read("0123456789012345")
        return chat
    }

    @Test(arguments: ["maaf kodenya 10234567", "eh kode tender nya salah, yg benar 10234567", "ralat kode 10234567"])
    func theCodeCorrectedWhereTheProblemIsAsked(text: String) throws {
        var chat = try Self.atTheProblem()
        #expect(chat.draft?.answers["problem"] == nil)
        let answer = render(try chat.read(text))
        #expect(answer.contains("Kode tender kami ubah menjadi 10234567"), "\(answer)")
        #expect(answer.contains("Jelaskan masalah yang Anda alami."), "\(answer)")
        #expect(chat.draft?.answers["kode_tender"] == "10234567")
        #expect(chat.draft?.answers["problem"] == nil)
    }

    @Test func theCodeCorrectedWhereConsentIsAsked() throws {
        var chat = try Self.atTheProblem()
        _ = try chat.read("tidak bisa upload dokumen penawaran, muncul error terus")
        let answer = render(try chat.read("eh kode tender nya salah, yg benar 10234567"))
        #expect(answer.contains("Kode tender kami ubah menjadi 10234567"), "\(answer)")
        #expect(chat.draft?.answers["kode_tender"] == "10234567")
        #expect(chat.state.invalidAnswers == 0)
    }

    @Test func theNPWPCorrectedWhereTheChangesAreAsked() throws {
        var chat = try Self.atTheChanges()
        let answer = render(try chat.read("ralat npwp 01.234.567.8-901.001"))
        #expect(answer.contains("NPWP kami ubah menjadi 01.234.567.8-901.001"), "\(answer)")
        #expect(chat.draft?.answers["npwp"] == "012345678901001")
        #expect(chat.draft?.answers["changes"] == nil)
    }

    /// A name and a number alone, or a sentence with a number, is still the answer asked for.
    @Test func aNumberInTheAnswerIsTheAnswer() throws {
        var changes = try Self.atTheChanges()
        _ = try changes.read("npwp 0123456789012346")
        #expect(changes.draft?.answers["changes"] == "npwp 0123456789012346")
        #expect(changes.draft?.answers["npwp"] == "0123456789012345")
        var problem = try Self.atTheProblem()
        _ = try problem.read("paket 10234567 tidak muncul di daftar paket saya")
        #expect(problem.draft?.answers["problem"] == "paket 10234567 tidak muncul di daftar paket saya")
        #expect(problem.draft?.answers["kode_tender"] == "1234567")
    }
}
