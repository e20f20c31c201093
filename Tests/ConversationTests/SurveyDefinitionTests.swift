import Foundation
import Intents
import Support
import Testing

@testable import Conversation

struct SurveyDefinitionTests {
    /// The agreed shape of `Dialogs/survey.json` (owned by Ticketing), abbreviated to one question per section.
    let agreed = """
        {"version":1,
         "scale":[{"value":1,"text":{"id":"Tidak memuaskan","en":"Not satisfactory"}},
                  {"value":2,"text":{"id":"Kurang memuaskan","en":"Less satisfactory"}},
                  {"value":3,"text":{"id":"Memuaskan","en":"Satisfying"}},
                  {"value":4,"text":{"id":"Sangat memuaskan","en":"Very satisfactory"}}],
         "sections":[{"id":"pelayanan","title":{"id":"Penanganan Pelayanan","en":"Service handling"},
                      "questions":[{"id":"p1","element":"persyaratan",
                                    "text":{"id":"Persyaratan jelas?","en":"Clear requirements?"}}]},
                     {"id":"permasalahan","title":{"id":"Penanganan Permasalahan","en":"Problem handling"},
                      "questions":[{"id":"m1","element":"penanganan pengaduan",
                                    "text":{"id":"Mudah melapor?","en":"Easy to report?"}}]}],
         "commentRequiredAtOrBelow":2}
        """

    @Test func agreedShapeLoadsAsPlainQuestions() throws {
        let survey = try SurveyDefinition.parse(Data(agreed.utf8))
        #expect(survey.questions.map(\.id) == ["p1", "m1"])
        #expect(survey.questions[1].sectionTitle.indonesian == "Penanganan Permasalahan")
        #expect(survey.scale.map(\.value) == [1, 2, 3, 4])
        #expect(survey.commentRequiredAtOrBelow == 2)
    }

    @Test func aMissingScaleAnswerIsReportedWithItsPath() throws {
        let broken = agreed.replacingOccurrences(
            of: "{\"value\":4,\"text\":{\"id\":\"Sangat memuaskan\",\"en\":\"Very satisfactory\"}}",
            with: "{\"value\":4,\"text\":{\"id\":\"Sangat memuaskan\"}}")
        #expect(throws: DialogError.self) { try SurveyDefinition.parse(Data(broken.utf8)) }
        do {
            _ = try SurveyDefinition.parse(Data(broken.utf8))
        } catch {
            #expect(error.problems.first?.description == "survey.json: $.scale[3].text.en: the English text is missing")
        }
    }

    @Test func anAnswerLabelTooLongForAListRowIsRefused() throws {
        let long = agreed.replacingOccurrences(of: "\"Sangat memuaskan\"", with: "\"Sangat sangat memuaskan sekali\"")
        do {
            _ = try SurveyDefinition.parse(Data(long.utf8))
            Issue.record("a 30-character answer label cannot be a list row")
        } catch {
            #expect(
                error.problems.map(\.description) == ["survey.json: $.scale[3].text.id: longer than 24 characters (30)"]
            )
        }
    }
}

/// The survey answered in words, as providers type it, against the shipped `Dialogs/survey.json`.
struct SurveyInWordsTests {
    /// The shipped survey, reading chat spellings through the shipped slang and typo lists as Loket does.
    static func shipped() throws -> SurveyDefinition {
        let intents = try IntentData.load(from: Fixtures.dialogsDirectory)
        let spellings = TextNormaliser(slang: intents.slang, typos: intents.typos, vocabulary: []).spellings
        return try SurveyDefinition.parse(
            Data(contentsOf: Fixtures.dialogsDirectory.appendingPathComponent("survey.json"))
        ).spelled(with: spellings)
    }

    /// A chat whose ticket 7 was just closed: the shipped survey asks its first question.
    static func surveying() throws -> Transcript {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), survey: try Self.shipped())
        _ = chat.event(.ticketClosed(ticket: 7))
        return chat
    }

    /// The values answered so far in `chat`'s survey; nil once the survey was left.
    static func answers(of chat: Transcript) -> [Int]? {
        guard case .survey(let progress) = chat.state.step else { return nil }
        return progress.answers.map(\.value)
    }

    @Test(arguments: [
        ("sangat puas", 4), ("Sangat memuaskan", 4), ("mantap min", 4), ("puas", 3), ("memuaskan kak", 3),
        ("bagus", 3), ("kurang puas", 2), ("kurang memuaskan", 2), ("tidak puas", 1), ("Tidak memuaskan", 1),
        ("kecewa", 1), ("very satisfied", 4), ("not satisfied", 1), ("satisfactory", 3),
        // The words of the index's own elements (PermenPAN-RB 14/2017): "sesuai" for the requirements, "mudah"
        // for the procedure, "cepat" for the time, "ramah" for the staff's manners; they were no answer.
        ("sesuai", 3), ("sudah sesuai min", 3), ("sangat sesuai", 4), ("kurang sesuai", 2), ("tidak sesuai", 1),
        ("cepat kok", 3), ("cepat banget", 4), ("lambat", 2), ("lama banget", 1), ("mudah", 3), ("agak susah", 2),
        ("petugasnya ramah", 3), ("ramah sekali", 4), ("tidak ramah", 1), ("very fast", 4),
    ])
    func theLabelsAndTheirEverydayWordsAreAnswers(text: String, value: Int) throws {
        let negations = Set(try Fixtures.catalogue().settings.keywords["not"] ?? [])
        #expect(try Self.shipped().scaleValue(in: text, negations: negations) == value)
    }

    /// Chat spellings say what their standard words say: "cepet banget", "gk puas" and "puasss" were asked again
    /// (the scale listed "cepet bgt" and "gak puas", not every way of typing them).
    @Test(arguments: [
        ("cepet banget", 4), ("cpt bngt", 4), ("bagus bngt", 4), ("mantappp min", 4), ("gk puas", 1), ("tdk puas", 1),
        ("gak cepat", 1), ("puasss", 3), ("okey", 3), ("kurang cpt", 2), ("lmbt", 2),
    ])
    func chatSpellingsSayWhatTheirStandardWordsSay(text: String, value: Int) throws {
        let negations = Set(try Fixtures.catalogue().settings.keywords["not"] ?? [])
        #expect(try Self.shipped().scaleValue(in: text, negations: negations) == value, "\(text)")
    }

    /// At a question, an answer in chat spelling answers it: "cepet banget" and "gk puas min" (which the recognizer
    /// reads as a no) were asked again.
    @Test(arguments: [
        ("cepet banget", Intent.unknown, 0.735, 4), ("gk puas min", .deny, 0.915, 1), ("puasss", .unknown, 0.6, 3),
    ])
    func anAnswerInChatSpellingAnswersTheQuestion(text: String, intent: Intent, confidence: Double, value: Int)
        throws
    {
        var chat = try Self.surveying()
        let answer = render(chat.type(text, intent, confidence: confidence))
        #expect(Self.answers(of: chat) == [value], "\(answer)")
        #expect(answer.contains("(2/8)") && chat.state.invalidAnswers == 0, "\(answer)")
    }

    /// An emoji the scale lists answers when it is all the message says, in any skin tone: "👍" was asked again.
    /// Others, and an emoji beside words, are no answer.
    @Test(arguments: [("👍", 3), ("👍🏽", 3), ("👍 👍", 3), ("👌", 3), ("💯", 4), ("👎", 1)])
    func aListedEmojiAloneAnswers(text: String, value: Int) throws {
        var chat = try Self.surveying()
        let answer = render(chat.type(text, .affirm, confidence: 0.97))
        #expect(Self.answers(of: chat) == [value], "\(answer)")
        #expect(answer.contains("(2/8)"), "\(answer)")
    }

    @Test(arguments: ["🙏", "👍🙏", "ok 👍", "1", "a"])
    func anUnlistedEmojiIsNoEmojiAnswer(text: String) throws {
        #expect(try Self.shipped().emojiValue(in: text) == nil, "\(text)")
    }

    @Test(arguments: ["lumayan", "biasa aja", "gak bagus", "ga mantap", "tdk mantap", "pesan lain", "puasa"])
    func whatSaysNoAnswerIsNone(text: String) throws {
        let negations = Set(try Fixtures.catalogue().settings.keywords["not"] ?? [])
        #expect(try Self.shipped().scaleValue(in: text, negations: negations) == nil, "\(text)")
    }

    /// "biasa aja", "lumayan", "standar": the 4-point scale has no middle, so the two points around it are named
    /// and the question asked again, counting no wrong answer; on a scale with a middle point, that point is the
    /// answer. "tidak biasa" and a longer message are no middling answer.
    @Test(arguments: ["biasa aja", "lumayan min", "standar", "so-so"])
    func aMiddlingAnswerNamesThePointsAroundTheMiddle(text: String) throws {
        var chat = try Self.surveying()
        _ = chat.type("4")
        let answer = render(chat.type(text))
        #expect(
            answer.contains("Pilih yang paling mendekati: 2 (Kurang memuaskan) atau 3 (Memuaskan)."), "\(answer)")
        #expect(answer.contains("(2/8)") && !answer.contains("(3/8)"), "\(answer)")
        #expect(chat.state.invalidAnswers == 0)
        #expect(Self.answers(of: chat) == [4])

        let shipped = try Self.shipped()
        let threePoints = SurveyDefinition(
            version: 1,
            scale: shipped.scale.filter { $0.value != 2 }.enumerated().map { index, point in
                SurveyDefinition.ScalePoint(value: index + 1, text: point.text, words: point.words)
            }, sections: shipped.sections, commentRequiredAtOrBelow: 0)
        var middle = Transcript(catalogue: try Fixtures.catalogue(), survey: threePoints)
        _ = middle.event(.ticketClosed(ticket: 7))
        _ = middle.type(text)
        #expect(Self.answers(of: middle) == [2], "the middle point")
    }

    @Test(arguments: ["tidak biasa", "pelayanan di kantor lama biasa aja sih"])
    func whatIsNoMiddlingAnswerIsNotTakenAsOne(text: String) throws {
        var chat = try Self.surveying()
        let answer = render(chat.type(text))
        #expect(!answer.contains("Pilih yang paling mendekati"), "\(answer)")
    }

    /// The optional comment skipped in words: the button's title typed, "skip", "tidak ada". None of them cancels
    /// the survey or calls it a request.
    @Test(arguments: [
        ("Lewati", Intent.cancel, 0.96), ("lewati.", .cancel, 0.96), ("skip aja", .cancel, 0.97),
        ("tidak ada", .deny, 0.97), ("sudah cukup", .cancel, 0.97),
    ])
    func theOptionalCommentIsSkippedInWords(text: String, intent: Intent, confidence: Double) throws {
        var chat = try Self.surveying()
        for _ in 1...8 { _ = chat.type("4") }
        let done = render(chat.type(text, intent, confidence: confidence))
        #expect(done.contains("⚙ submitSurvey #7 [4, 4, 4, 4, 4, 4, 4, 4] -"), "\(done)")
        #expect(!done.contains("dibatalkan"), "\(done)")
    }

    /// Where the comment is optional, "ok", "👍" or "-" add nothing: they got "Mohon tulis minimal 3 karakter." and a
    /// wrong answer. A thanks got "Sama-sama" and the survey waited unsent; it is sent with the thanks as its
    /// comment. Each read with the shipped recognizer.
    @Test(
        arguments: [
            ("ok", nil), ("👍", nil), ("-", nil), ("sip min", nil), ("🙏", nil), ("makasih min", "makasih min"),
            ("terima kasih banyak", "terima kasih banyak"),
        ] as [(String, String?)])
    func anAcknowledgementWhereTheCommentIsOptionalSendsTheSurvey(text: String, comment: String?) throws {
        var chat = try Self.surveying()
        for _ in 1...8 { _ = chat.type("4") }
        let done = render(try chat.read(text))
        #expect(done.contains("⚙ submitSurvey #7 [4, 4, 4, 4, 4, 4, 4, 4] \(comment ?? "-")"), "\(done)")
        #expect(done.contains("Terima kasih atas penilaian Anda!"), "\(done)")
        #expect(chat.state.invalidAnswers == 0)
        // A comment required after a low answer is not skipped: it is asked for, or what was written is the comment.
        var low = try Self.surveying()
        for answer in ["1", "4", "4", "4", "4", "4", "4", "4"] { _ = low.type(answer) }
        let asked = render(try low.read(text))
        #expect(!asked.contains("4, 4] -"), "\(asked)")
    }

    /// A required comment (after a low answer) is not skipped by "tidak ada": what was written is the comment.
    @Test func aRequiredCommentIsNotSkippedInWords() throws {
        var chat = try Self.surveying()
        for answer in ["1", "4", "4", "4", "4", "4", "4", "4"] { _ = chat.type(answer) }
        let written = render(chat.type("tidak ada", .deny, confidence: 0.97))
        #expect(written.contains("⚙ submitSurvey #7 [1, 4, 4, 4, 4, 4, 4, 4] tidak ada"), "\(written)")
    }

    /// "cukup", a word of the scale that is also a command (the recognizer reads it as cancel), answers the
    /// question; so does "ok".
    @Test(arguments: [
        ("cukup", Intent.cancel, 3), ("ok", .affirm, 3), ("kurang", .unknown, 2), ("cukup puas min", .cancel, 3),
    ])
    func aScaleWordThatIsAlsoACommandAnswersTheQuestion(text: String, intent: Intent, value: Int) throws {
        var chat = try Self.surveying()
        let answer = render(chat.type(text, intent, confidence: 0.99))
        #expect(Self.answers(of: chat) == [value], "\(answer)")
        #expect(answer.contains("(2/8)"), "\(answer)")
    }

    /// An answer set apart before its reason answers with its own words, and the reason is kept for the comment:
    /// "kurang, lama banget prosesnya" got "Anda tidak memiliki tiket yang sedang terbuka" (its "proses" read as
    /// a status check). Chat words answer too: "puas bgt" was 3, "lama bgt" no answer.
    @Test(arguments: [
        ("kurang, lama banget prosesnya", Intent.checkStatus, 2, true),
        ("puas. petugasnya ramah sekali", .thanks, 3, true),
        ("mantap min! cepat prosesnya", .checkStatus, 4, true),
        ("puas bgt", .unknown, 4, false), ("lama bgt", .checkStatus, 1, false),
    ])
    func anAnswerBeforeItsReasonAndInChatWordsAnswersTheQuestion(
        text: String, intent: Intent, value: Int, kept: Bool
    ) throws {
        var chat = try Self.surveying()
        let answer = render(chat.type(text, intent, confidence: 0.95))
        guard case .survey(let progress) = chat.state.step else {
            Issue.record("the survey was left: \(answer)")
            return
        }
        #expect(progress.answers.map(\.value) == [value], "\(answer)")
        #expect(answer.contains("(2/8)"), "\(answer)")
        #expect((progress.remarks ?? []) == (kept ? [text] : []), "\(String(describing: progress.remarks))")
    }

    /// The comment takes a sentence whatever command it also reads as: "kenapa proses verifikasi lama sekali?" got
    /// "Anda tidak memiliki tiket yang sedang terbuka." and the comment was asked again.
    @Test(arguments: [
        ("kenapa proses verifikasi lama sekali?", Intent.checkStatus),
        ("jam layanan helpdesk tolong diperpanjang sampai sore?", .hours),
    ])
    func theCommentTakesASentenceWhateverItReadsAs(text: String, intent: Intent) throws {
        var chat = try Self.surveying()
        for _ in 1...8 { _ = chat.tap("survey.3") }
        let effects = chat.type(text, intent, confidence: 0.9)
        guard case .submitSurvey(let submission) = effects.first else {
            Issue.record("no survey: \(render(effects))")
            return
        }
        #expect(submission.comment == text)
    }

    /// A short answer with a word of its own is kept for the comment, as a longer one is: "kurang ramah petugasnya"
    /// at the question about the service's result answered it with 2, and whom it was about was gone. An answer
    /// in the scale's words, fillers and words of no opinion alone, a rating and an emoji are not kept.
    @Test(arguments: [
        ("kurang ramah petugasnya", 2, true), ("lumayan cepat", 3, true), ("mantap pelayanannya 👍", 4, true),
        ("sangat puas min", 4, false), ("tidak puas", 1, false), ("ok sesuai", 3, false), ("8/10 mantap", 3, false),
        ("cepat bgt kak", 4, false),
    ])
    func aShortAnswerWithAWordOfItsOwnIsKeptForTheComment(text: String, value: Int, kept: Bool) throws {
        var chat = try Self.surveying()
        let answer = render(chat.type(text, .unknown, confidence: 0.4))
        guard case .survey(let progress) = chat.state.step else {
            Issue.record("the survey was left: \(answer)")
            return
        }
        #expect(progress.answers.map(\.value) == [value], "\(answer)")
        #expect((progress.remarks ?? []) == (kept ? [text] : []), "\(String(describing: progress.remarks))")
    }

    /// "nanti aja surveynya" keeps the survey for later (its reminder still comes) without the menu; "survei"
    /// takes it up at the question it stopped at; "batal" and "cukup segini dulu" keep it too, and show the menu.
    @Test(arguments: [
        ("nanti aja surveynya", Intent.cancel, false), ("nanti", .unknown, false), ("batal", .cancel, true),
        ("cukup segini dulu", .cancel, true),
    ])
    func theSurveyPutOffIsKeptAndTakenUpAgain(text: String, intent: Intent, menu: Bool) throws {
        var chat = try Self.surveying()
        _ = chat.type("4")
        let parked = render(chat.type(text, intent, confidence: 0.95))
        #expect(parked.contains("Baik, survei tiket #7 kami simpan. Ketik *survei*"), "\(parked)")
        #expect(!parked.contains("dibatalkan") && !parked.contains("cancelTimer"), "\(parked)")
        #expect(parked.contains("Registrasi & Verifikasi") == menu, "\(parked)")
        #expect(chat.state.parkedSurvey?.answers.map(\.value) == [4])
        let resumed = render(chat.type("survei"))
        #expect(resumed.contains("(2/8)"), "\(resumed)")
        #expect(Self.answers(of: chat) == [4])
    }

    /// "4 semua", "semuanya sangat memuaskan": the questions left get that answer, the provider is told so, and
    /// the comment is asked; "tidak semua memuaskan" and "semua" alone answer nothing.
    @Test(arguments: [
        ("4 semua", 4, "Baik, 7 pertanyaan yang tersisa kami isi dengan jawaban 4 (Sangat memuaskan)."),
        ("semuanya memuaskan min", 3, "Baik, 7 pertanyaan yang tersisa kami isi dengan jawaban 3 (Memuaskan)."),
        ("all 4", 4, "Baik, 7 pertanyaan"),
    ])
    func oneAnswerForAllTheQuestionsLeft(text: String, value: Int, said: String) throws {
        var chat = try Self.surveying()
        _ = chat.type("2")
        let answer = render(chat.type(text))
        #expect(answer.contains(said), "\(answer)")
        guard case .survey(let progress) = chat.state.step else {
            Issue.record("the survey was left: \(answer)")
            return
        }
        #expect(progress.answers.map(\.value) == [2] + Array(repeating: value, count: 7))
        #expect(progress.askingComment, "\(answer)")
        let done = render(chat.type("Lewati"))
        #expect(
            done.contains(
                "⚙ submitSurvey #7 [2, \(Array(repeating: String(value), count: 7).joined(separator: ", "))]"),
            "\(done)")
        for unclear in ["tidak semua memuaskan", "semua", "4 dan 3 semua"] {
            var other = try Self.surveying()
            let reply = render(other.type(unclear))
            #expect(!reply.contains("pertanyaan yang tersisa"), "\(unclear): \(reply)")
        }
    }

    /// "1 2 3 4" was kept as a remark and the first question asked again: answers sent together, one for each of
    /// the next questions, answer them in order, and the provider is told which; a list longer than the questions
    /// left, or with a number out of the scale or another word, answers nothing.
    @Test(arguments: [
        ("1 2 3 4", [2, 1, 2, 3, 4], "jawaban pertanyaan 2–5 kami catat: 1, 2, 3, 4", "(6/8)"),
        ("4,4, 3,4", [2, 4, 4, 3, 4], "pertanyaan 2–5", "(6/8)"),
        ("nilai 3 4", [2, 3, 4], "pertanyaan 2–3", "(4/8)"),
        ("4 4 4 4 4 4 4", [2, 4, 4, 4, 4, 4, 4, 4], "pertanyaan 2–8", "Mohon tuliskan apa yang kurang"),
    ])
    func severalAnswersAnswerTheNextQuestions(text: String, answers: [Int], said: String, next: String) throws {
        var chat = try Self.surveying()
        _ = chat.type("2")
        let reply = render(chat.type(text, .unknown, confidence: 0.97))
        #expect(reply.contains(said) && reply.contains(next), "\(reply)")
        guard case .survey(let progress) = chat.state.step else {
            Issue.record("the survey was left: \(reply)")
            return
        }
        #expect(progress.answers.map(\.value) == answers)
        #expect((progress.remarks ?? []).isEmpty)
        for refused in ["4 4 4 4 4 4 4 4", "3 5", "3 atau 4", "4 4 hari"] {
            var other = try Self.surveying()
            _ = other.type("2")
            let answer = render(other.type(refused, .unknown, confidence: 0.97))
            #expect(!answer.contains("kami catat:"), "\(refused): \(answer)")
            #expect(Self.answers(of: other) == [2], "\(refused): \(answer)")
        }
        var last = try Self.surveying()
        for _ in 1...6 { _ = last.type("3") }
        let tooMany = render(last.type("4 4 4"))
        #expect(tooMany.contains("Ada 3 jawaban, sedangkan pertanyaan yang tersisa tinggal 2"), "\(tooMany)")
        #expect(Self.answers(of: last) == Array(repeating: 3, count: 6))
    }

    /// "⭐⭐⭐" is three; more stars than the scale has is asked again.
    @Test func starsAreTheirCount() throws {
        var chat = try Self.surveying()
        #expect(render(chat.type("⭐⭐⭐")).contains("(2/8)"))
        #expect(render(chat.type("★ ★ ★ ★")).contains("(3/8)"))
        #expect(render(chat.type("⭐⭐⭐⭐⭐")).contains("Mohon pilih jawaban 1–4"))
        #expect(Self.answers(of: chat) == [3, 4])
    }

    /// A rating out of 5, 10 or 100 answers with its share of the scale, also when the recognizer reads "10/10"
    /// as a date and asks for the office hours (which it answered before); so does one out of the scale's own
    /// highest, "4/4" and "3/4" on the 4-point scale (which got the office hours); "5/12" is no rating.
    @Test func aRatingOutOfTenIsItsShareOfTheScale() throws {
        var chat = try Self.surveying()
        let dated = Entities(datetime: Date(timeIntervalSince1970: 1_807_376_400))
        let first = render(chat.type("10/10", .schedule, confidence: 0.75, entities: dated))
        #expect(first.contains("(2/8)") && !first.contains("Layanan helpdesk"), "\(first)")
        for rating in ["8/10", "5/10", "9/10 mantap", "4/5", "1/10", "100/100"] { _ = chat.type(rating) }
        #expect(render(chat.type("5/12")).contains("Mohon pilih jawaban 1–4"))
        #expect(Self.answers(of: chat) == [4, 3, 2, 4, 3, 1, 4])
        var outOfFour = try Self.surveying()
        let fourOfFour = render(outOfFour.type("4/4", .hours, confidence: 0.8, entities: dated))
        #expect(fourOfFour.contains("(2/8)") && !fourOfFour.contains("Layanan helpdesk"), "\(fourOfFour)")
        _ = outOfFour.type("3/4")
        #expect(Self.answers(of: outOfFour) == [4, 3])
    }

    /// "nilai 4", "4 lah", "yg 3" got "Mohon pilih jawaban 1–4." and, on the third, the offer of staff: a number
    /// with words that only say it is the answer answers; one with two numbers, another word, or out of the scale
    /// does not (a remark of three words is kept for the comment, as before).
    @Test func aNumberWithWordsThatGiveItAnswers() throws {
        var chat = try Self.surveying()
        for answer in ["nilai 4", "4 lah", "yg 3", "saya kasih 4 min", "skor 2 aja"] {
            let reply = render(chat.type(answer))
            #expect(!reply.contains("Mohon pilih jawaban"), "\(answer): \(reply)")
        }
        for refused in ["nilai 5", "3 atau 4", "3 hari baru selesai"] {
            #expect(render(chat.type(refused)).contains("(6/8)"), "asked again: \(refused)")
        }
        #expect(Self.answers(of: chat) == [4, 4, 3, 4, 2])
    }

    /// "gratis kan?" asked during the survey is answered from the FAQ and the question asked again, without
    /// counting a wrong answer: it got "Mohon pilih jawaban 1–4." and, on the third, the offer of staff.
    @Test func aFAQQuestionDuringTheSurveyIsAnswered() throws {
        var chat = try Self.surveying()
        let answer = render(chat.type("eh ini gratis kan?"))
        #expect(answer.contains("tidak dipungut biaya"), "\(answer)")
        #expect(answer.contains("(1/8)") && !answer.contains("Mohon pilih jawaban"), "\(answer)")
        #expect(chat.state.invalidAnswers == 0)
        // Without a question mark it is no question: the survey asks for an answer as before.
        #expect(render(chat.type("gratis")).contains("Mohon pilih jawaban 1–4"))
        // A question that also thanks is the question, not thanks.
        let thanks = render(chat.type("ok makasih, berapa lama prosesnya?", .thanks, confidence: 0.8))
        #expect(!thanks.contains("Sama-sama") && thanks.contains("sekitar 1 jam kerja"), "\(thanks)")
        #expect(thanks.contains("(1/8)"), "\(thanks)")
    }

    /// Words answer the question; a longer message keeps what it says beyond the answer for the comment.
    @Test func wordsAnswerAndWhatTheySayMoreReachesTheComment() throws {
        var chat = try Self.surveying()
        let second = render(chat.type("sangat puas"))
        #expect(second.contains("(2/8)"), "\(second)")
        for answer in ["puas", "4", "kurang puas", "3", "3", "3"] { _ = chat.type(answer) }
        let comment = render(chat.type("mantap pelayanannya cepat sekali min"))
        #expect(comment.contains("Mohon tuliskan apa yang kurang memuaskan"), "a 2 asks why: \(comment)")
        let done = render(chat.type("terus tingkatkan"))
        #expect(done.contains("⚙ submitSurvey #7 [4, 3, 4, 2, 3, 3, 3, 4]"), "\(done)")
        #expect(done.contains("mantap pelayanannya cepat sekali min\nterus tingkatkan"), "\(done)")
    }
}

/// An opinion in the scale's words with more around it answers the survey's question, whatever the recognizer
/// reads it as ("petugasnya sopan min" as a hand-off, "terima kasih, pelayanannya bagus" as thanks); a request to
/// reach staff and an acknowledgment alone do not. "ga usah survei min" drops the survey.
struct SurveyOpinionAndDeclineTests {
    @Test(arguments: [
        ("petugasnya sopan min", Intent.human, 0.98, 3),
        ("terima kasih, pelayanannya bagus", .thanks, 0.99, 3),
        ("bagus min pelayanannya", .greeting, 0.788, 3),
        ("makasih min, petugasnya sangat ramah", .thanks, 0.83, 4),
    ])
    func anOpinionAnswersWhateverTheRecognizerReads(text: String, intent: Intent, confidence: Double, value: Int)
        throws
    {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), survey: try SurveyInWordsTests.shipped())
        _ = chat.event(.ticketClosed(ticket: 7))
        let answer = render(chat.type(text, intent, confidence: confidence))
        #expect(answer.contains("(2/8)"), "\(answer)")
        guard case .survey(let progress) = chat.state.step else {
            Issue.record("the survey was left: \(answer)")
            return
        }
        #expect(progress.answers.map(\.value) == [value])
        // Each says more than its answer (whom, or what: "petugasnya", "pelayanannya"): kept for the comment.
        #expect(progress.remarks == [text])
    }

    @Test func aRequestToReachStaffIsStillAHandOff() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), survey: try SurveyInWordsTests.shipped())
        _ = chat.event(.ticketClosed(ticket: 7))
        let answer = render(chat.type("mau bicara dengan petugas, pelayanan kurang", .human, confidence: 0.99))
        #expect(!answer.contains("(2/8)"), "\(answer)")
        #expect(answer.contains("kami hubungkan dengan petugas"), "\(answer)")
    }

    @Test func anAcknowledgmentIsNoAnswer() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), survey: try SurveyInWordsTests.shipped())
        _ = chat.event(.ticketClosed(ticket: 7))
        let answer = render(chat.type("ok makasih min", .thanks, confidence: 0.97))
        #expect(answer.contains("Sama-sama") && answer.contains("(1/8)"), "\(answer)")
        guard case .survey(let progress) = chat.state.step else {
            Issue.record("the survey was left: \(answer)")
            return
        }
        #expect(progress.answers.isEmpty)
    }

    @Test(arguments: [
        ("ga usah survei min", Intent.deny), ("skip surveynya", .cancel), ("tidak usah", .deny),
        ("no thanks, skip the survey", .deny),
    ])
    func aDeclineDropsTheSurveyAndItsReminder(text: String, intent: Intent) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), survey: try SurveyInWordsTests.shipped())
        _ = chat.event(.ticketClosed(ticket: 7))
        _ = chat.type("4")
        let answer = render(chat.type(text, intent, confidence: 0.95))
        #expect(answer.contains("survei tiket #7 tidak kami lanjutkan"), "\(answer)")
        #expect(!answer.contains("submitSurvey"), "\(answer)")
        #expect(chat.state.step == .idle && chat.state.parkedSurvey == nil)
        #expect(render(chat.event(.surveyReminderDue(ticket: 7))).isEmpty, "no reminder comes")
        let later = render(chat.type("jelek", .unknown))
        #expect(!later.contains("(3/8)"), "\(later)")
    }

    /// "males ah", "ogah" at a survey question were told "Mohon pilih jawaban 1–4." as often as they were sent:
    /// they decline it, as read by the shipped recognizer.
    @Test(arguments: ["males ah", "ogah", "malas ngisi survei"])
    func notFeelingLikeItDeclinesTheSurvey(text: String) throws {
        var chat = try SurveyInWordsTests.surveying()
        let answer = render(try chat.read(text))
        #expect(answer.contains("survei tiket #7 tidak kami lanjutkan"), "\(answer)")
        #expect(chat.state.step == .idle && chat.state.parkedSurvey == nil)
    }

    /// "lupa password lagi min", "min saya mau tanya lagi soal tender" at a survey question got "Mohon pilih jawaban
    /// 1–4." again: the request was lost unless the recognizer was sure of it. The service named starts with the
    /// message, as from the menu, and the survey is kept for later; a remark that names a service still answers.
    @Test(arguments: [
        ("lupa password lagi min", "Reset Password / Lupa User ID"),
        ("min saya mau tanya lagi soal tender", "Konsultasi SPSE"),
        ("akun kami terkunci lagi nih", "Reset Password / Lupa User ID"),
    ])
    func aRequestAtASurveyQuestionStartsIt(text: String, service: String) throws {
        var chat = try SurveyInWordsTests.surveying()
        _ = chat.type("4")
        let answer = render(try chat.read(text))
        #expect(answer.contains("kita mulai permohonan \(service)"), "\(answer)")
        #expect(chat.draft != nil, "\(answer)")
        #expect(chat.state.parkedSurvey?.answers.map(\.value) == [4], "the survey is kept for later")
        var answering = try SurveyInWordsTests.surveying()
        let remark = render(try answering.read("pelayanan registrasi cepat"))
        #expect(remark.contains("(2/8)") && SurveyInWordsTests.answers(of: answering) == [3], "\(remark)")
    }
}

/// What a provider says about the service at a survey question without answering it ("penjelasan adminnya jelas
/// dan lengkap", "jadwal vc nya kelamaan", which the recognizer reads as asking the call's schedule) is kept for the
/// survey's comment and the question is asked again, counting no wrong answer; a request for another journey, a
/// question and a bare acknowledgement are not remarks.
struct SurveyRemarkTests {
    @Test(arguments: [
        ("penjelasan adminnya jelas dan lengkap", Intent.checkStatus, 0.557),
        ("jadwal vc nya kelamaan", .schedule, 0.912),
        ("adminnya sabar jawab pertanyaan saya", .thanks, 0.427),
    ])
    func aRemarkIsKeptForTheComment(text: String, intent: Intent, confidence: Double) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), survey: try SurveyInWordsTests.shipped())
        _ = chat.event(.ticketClosed(ticket: 7))
        _ = chat.type("4")
        let answer = render(chat.type(text, intent, confidence: confidence))
        #expect(answer.contains("masukan Anda kami catat") && answer.contains("(2/8)"), "\(answer)")
        #expect(!answer.contains("Layanan helpdesk:") && !answer.contains("Mohon pilih jawaban"), "\(answer)")
        #expect(chat.state.invalidAnswers == 0)
        _ = chat.type("semuanya sangat memuaskan")
        let done = render(chat.type("tidak ada", .deny, confidence: 0.97))
        #expect(done.contains("⚙ submitSurvey #7 [4, 4, 4, 4, 4, 4, 4, 4] \(text)"), "\(done)")
    }

    /// A remark kept along the way is a comment already: the optional comment asks only for more, and *Lewati*
    /// sends the survey with the remark. After a low answer the reason is still asked for.
    @Test func aRemarkKeptMakesTheOptionalCommentAskForMore() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), survey: try SurveyInWordsTests.shipped())
        _ = chat.event(.ticketClosed(ticket: 7))
        _ = chat.type("penjelasan adminnya jelas dan lengkap", .checkStatus, confidence: 0.557)
        for _ in 1...7 { _ = chat.type("4") }
        let asked = render(chat.type("4"))
        #expect(asked.contains("Masukan yang Anda tulis tadi sudah kami catat sebagai komentar."), "\(asked)")
        let done = render(chat.tap("survey.skip"))
        #expect(
            done.contains("⚙ submitSurvey #7 [4, 4, 4, 4, 4, 4, 4, 4] penjelasan adminnya jelas dan lengkap"), "\(done)"
        )
    }

    @Test(arguments: [
        ("mau bicara dengan petugas soal tiket lain", Intent.human, 0.95),
        ("kenapa verifikasinya lama sekali", .checkStatus, 0.8),
        ("ok siap min", .affirm, 0.9),
        ("mau daftar lagi untuk CV Sari Dua", .createTicket, 0.97),
    ])
    func otherMessagesAreNoRemark(text: String, intent: Intent, confidence: Double) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), survey: try SurveyInWordsTests.shipped())
        _ = chat.event(.ticketClosed(ticket: 7))
        let answer = render(chat.type(text, intent, confidence: confidence))
        #expect(!answer.contains("masukan Anda kami catat"), "\(answer)")
    }
}
