import Foundation
import Intents
import Testing

@testable import Conversation

/// Where staff asked for more, "sudah ya min" after the file was sent got "Kirim yang diminta di sini; bila
/// semuanya sudah terkirim, tekan Selesai", as a bare "ok" does; and "sudah" to a question staff asked ("Apakah NPWP
/// sudah 16 digit?") was taken as done alone, its answer never reaching the ticket. Read with the shipped
/// recognizer.
struct FeedbackDoneInWordsTests {
    static func asked(_ request: String) throws -> Transcript {
        var chat = try StaffWaitsForAnswerTests.chat()
        _ = chat.event(.staffRequestedFeedback(ticket: 31, text: request))
        return chat
    }

    @Test(arguments: ["sudah ya min", "udah kak", "ok sudah"])
    func doneAlreadyInWordsIsDone(text: String) throws {
        var chat = try Self.asked("Mohon kirim akta pendirian terbaru.")
        _ = chat.pdf("m1", "akta.pdf")
        let answer = render(try chat.read(text))
        #expect(answer.contains("⚙ provideFeedback #31"), "\(answer)")
        #expect(!answer.contains("appendToTicket"), "a request for a file: nothing to answer: \(answer)")
    }

    @Test func aBareOkIsStillNoAnswer() throws {
        var chat = try Self.asked("Mohon kirim akta pendirian terbaru.")
        let answer = render(try chat.read("ok"))
        #expect(!answer.contains("provideFeedback"), "\(answer)")
    }

    @Test(arguments: ["sudah", "sudah min"])
    func alreadyToAQuestionIsItsAnswer(text: String) throws {
        var chat = try Self.asked("Apakah NPWP perusahaan sudah 16 digit?")
        let answer = render(try chat.read(text))
        #expect(answer.contains("⚙ appendToTicket #31: \(text)\n⚙ provideFeedback #31"), "\(answer)")
    }
}
