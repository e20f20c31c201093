import Foundation
import Intents
import Testing

@testable import Conversation

/// "ga ada komentar" where the survey asks for an optional comment was recorded as the comment, as was "gak ada
/// min, makasih", while "tidak ada" skipped it; at a question, "ga ada saran" was thanked as feedback and kept
/// for the comment. Each message read with the shipped recognizer.
struct SurveyNoCommentTests {
    /// Every question answered 4: the optional comment is asked.
    static func atComment() throws -> Transcript {
        var chat = try SurveyInWordsTests.surveying()
        let answer = render(try chat.read("4 semua"))
        #expect(answer.contains("Lewati"), "\(answer)")
        return chat
    }

    @Test(arguments: [
        "ga ada komentar", "gak ada min, makasih", "tidak ada saran", "belum ada masukan kak", "nggak ada lagi",
        "no comment", "nothing, thanks", "tidak ada komentar dari saya, terima kasih",
    ])
    func nothingToAddSkipsTheComment(text: String) throws {
        var chat = try Self.atComment()
        let answer = render(try chat.read(text))
        #expect(answer.contains("⚙ submitSurvey #7 [4, 4, 4, 4, 4, 4, 4, 4] -\n"), "no comment: \(answer)")
    }

    @Test(arguments: ["tidak ada, pelayanannya sudah bagus", "saran saya jam layanan ditambah", "makasih min"])
    func aCommentIsKept(text: String) throws {
        var chat = try Self.atComment()
        let answer = render(try chat.read(text))
        #expect(answer.contains("⚙ submitSurvey #7 [4, 4, 4, 4, 4, 4, 4, 4] \(text)"), "\(answer)")
    }

    @Test(arguments: ["ga ada saran", "tidak ada komentar min", "no comment"])
    func atAQuestionNoCommentIsAskedForAnAnswer(text: String) throws {
        var chat = try SurveyInWordsTests.surveying()
        _ = try chat.read("4")
        let answer = render(try chat.read(text))
        #expect(!answer.contains("masukan Anda kami catat"), "not kept: \(answer)")
        #expect(answer.contains("(2/8)"), "the question again: \(answer)")
        #expect(SurveyInWordsTests.answers(of: chat) == [4])
        #expect(chat.state.invalidAnswers == 0)
        _ = try chat.read("4 semua")
        let sent = render(try chat.read("Lewati"))
        #expect(sent.contains("[4, 4, 4, 4, 4, 4, 4, 4] -\n"), "nothing kept for the comment: \(sent)")
    }
}
