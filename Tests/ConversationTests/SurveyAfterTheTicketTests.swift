import Foundation
import Intents
import Testing

@testable import Conversation

/// At a survey question, what the provider says of the ticket it is about: "selesai" got "Anda tidak memiliki
/// tiket yang sedang terbuka." (read as a status check), and "masih belum bisa login min" was kept as a remark for
/// the survey's comment, which no one acts on.
struct SurveyAfterTheTicketTests {
    @Test(arguments: ["selesai", "sudah", "udah beres min", "sudah selesai kak, makasih"])
    func theTicketSaidToBeDoneAsksTheSameQuestionAgain(text: String) throws {
        var chat = try SurveyInWordsTests.surveying()
        let answer = render(try chat.read(text))
        #expect(answer.contains("tiket #7 memang sudah selesai"), "\(answer)")
        #expect(answer.contains("(1/8)") && !answer.contains("tidak memiliki tiket"), "\(answer)")
        #expect(chat.state.invalidAnswers == 0)
        #expect(SurveyInWordsTests.answers(of: chat) == [])
    }

    @Test func aProblemSolvedAfterAllIsDoneToo() throws {
        var chat = try SurveyInWordsTests.surveying()
        let answer = render(try chat.read("tadi sempat error tapi sekarang sudah bisa login"))
        #expect(answer.contains("tiket #7 memang sudah selesai"), "\(answer)")
        #expect(chat.state.invalidAnswers == 0)
    }

    @Test(arguments: ["masih belum bisa login min", "belum selesai", "masih error pak"])
    func aRequestNotDoneReachesStaffAndTheSurveyWaits(text: String) throws {
        var chat = try SurveyInWordsTests.surveying()
        _ = try chat.read("4")
        let effects = try chat.read(text)
        let requests = effects.compactMap { effect -> HandOffRequest? in
            if case .handOff(let request) = effect { return request }
            return nil
        }
        #expect(requests.map(\.reason) == [.notSolved])
        #expect(requests.first?.ticket == 7)
        let answer = render(effects)
        #expect(answer.contains("permintaan pada tiket #7 belum selesai"), "\(answer)")
        #expect(answer.contains("Survei tiket #7 kami simpan"), "\(answer)")
        guard case .handingOff(let pending) = chat.state.step else {
            Issue.record("not handed to staff: \(chat.state.step)")
            return
        }
        #expect(pending.map(\.text) == [text])
        #expect(chat.state.parkedSurvey?.answers.map(\.value) == [4])
    }

    /// An opinion in the scale's words with "masih" is still an answer.
    @Test func anOpinionWithStillIsAnAnswer() throws {
        var chat = try SurveyInWordsTests.surveying()
        _ = try chat.read("masih kurang cepat pelayanannya")
        #expect(SurveyInWordsTests.answers(of: chat) == [2])
    }
}
