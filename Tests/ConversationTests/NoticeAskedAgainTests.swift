import Foundation
import Intents
import Testing

@testable import Conversation

/// Files sent together before the privacy notice was answered each got it whole again under their receipt: two
/// PDFs and a note, "bentar min, nib nya nyusul", showed the notice four times in a row. Asked again moments after
/// it was shown, it is asked in one line with its buttons; asked about, not understood, or after a pause, it is
/// shown whole. Each message read with the shipped recognizer.
struct NoticeAskedAgainTests {
    /// A registration whose company and director's number are answered: the notice is the question.
    static func atNotice() throws -> Transcript {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = try chat.read("mau daftar")
        _ = try chat.read("PT Bangun Persada")
        let notice = render(try chat.read("082112345678"))
        #expect(chat.draft?.stage == .consent)
        #expect(notice.contains(Self.noticeLine), "\(notice)")
        return chat
    }

    /// The notice's first line, in Indonesian.
    static let noticeLine = "Pemberitahuan pelindungan data pribadi"

    static func file(_ chat: inout Transcript, _ mediaID: String, _ filename: String) -> String {
        render(chat.pdf(mediaID, filename))
    }

    @Test func filesAndANoteSentTogetherGetTheQuestionInALine() throws {
        var chat = try Self.atNotice()
        let answers = [
            Self.file(&chat, "m1", "ktp_direktur.pdf"), Self.file(&chat, "m2", "npwp_perusahaan.pdf"),
            render(try chat.read("bentar min, nib nya nyusul")),
        ]
        for answer in answers {
            #expect(!answer.contains(Self.noticeLine), "not whole again: \(answer)")
            #expect(answer.contains("pemberitahuan pelindungan data pribadi di atas"), "\(answer)")
            #expect(answer.contains("[Setuju] [Tidak setuju] [Bicara petugas]"), "\(answer)")
        }
        #expect(answers[0].contains("ktp_direktur.pdf kami terima"), "\(answers[0])")
        #expect(chat.draft?.heldFiles?.count == 2)
        #expect(chat.draft?.remarks == ["bentar min, nib nya nyusul"])
        let agreed = render(chat.tap("consent.yes"))
        #expect(agreed.contains("fetchMedia m1") && agreed.contains("fetchMedia m2"), "\(agreed)")
    }

    @Test(arguments: ["maksudnya gimana min?", "hah", "datanya aman kan?"])
    func askedAboutOrNotUnderstoodTheNoticeIsShownWhole(text: String) throws {
        var chat = try Self.atNotice()
        _ = Self.file(&chat, "m1", "ktp_direktur.pdf")
        let answer = render(try chat.read(text))
        #expect(answer.contains(Self.noticeLine), "\(answer)")
        #expect(chat.draft?.stage == .consent)
    }

    @Test func afterAPauseTheNoticeIsShownWhole() throws {
        var chat = try Self.atNotice()
        chat.now += 10 * 60
        let answer = Self.file(&chat, "m1", "ktp_direktur.pdf")
        #expect(answer.contains(Self.noticeLine), "\(answer)")
    }

    @Test func inEnglishTheQuestionIsInEnglish() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = try chat.read("I want to register my company")
        _ = try chat.read("PT Global Tekno")
        _ = try chat.read("082112345678")
        #expect(chat.draft?.stage == .consent)
        let answer = Self.file(&chat, "m1", "ktp.pdf")
        #expect(answer.contains("please answer the personal data notice above first. Do you agree?"), "\(answer)")
    }
}
