import Foundation
import Intents
import Support
import Testing

@testable import Conversation

/// Repeated events, stale taps and oversized messages.
struct ConversationEdgeCaseTests {
    /// A command's keyword with only fillers around it is that command also where a name is asked: "bahasa
    /// indonesia aja" was stored as the company ("What is the legal form of bahasa indonesia aja?").
    @Test func aKeywordWithFillersIsItsCommandWhereANameIsAsked() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        chat.state.language = .english
        _ = chat.tap("menu.registrasi")
        let switched = render(chat.type("bahasa indonesia aja"))
        #expect(chat.state.language == .indonesian, "\(switched)")
        #expect(switched.contains("Tulis nama badan usaha"), "the name is asked again: \(switched)")
        #expect(chat.draft?.answers["company"] == nil)
        let back = render(chat.type("english please"))
        #expect(chat.state.language == .english, "\(back)")
        _ = chat.type("batal aja min")
        #expect(chat.draft == nil, "cancelled")
        var named = Transcript(catalogue: try Fixtures.catalogue())
        _ = named.tap("menu.registrasi")
        _ = named.type("Bahasa Kita Jaya")
        #expect(named.draft?.answers["company"] == "Bahasa Kita Jaya", "a name with a keyword's word stays a name")
    }

    /// "tidak ada" to the menu wants nothing more: told how to come back, not "Mohon pilih salah satu." with the
    /// whole menu again.
    @Test func aNoToTheMenuWantsNothingMore() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.type("menu")
        #expect(chat.state.step == .menu)
        let answer = render(chat.type("tidak ada", .deny, confidence: 0.97))
        #expect(answer.contains("Bila nanti perlu bantuan"), "\(answer)")
        #expect(!answer.contains("Mohon pilih"), "\(answer)")
        #expect(chat.state.step == .idle)
        _ = chat.type("menu")
        let unclear = render(chat.type("xyz", .unknown, confidence: 0.3))
        #expect(unclear.contains("Mohon pilih salah satu"), "\(unclear)")
    }

    @Test func repeatedTicketClosedDoesNotStartASecondSurvey() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), survey: Fixtures.survey)
        _ = chat.event(.ticketClosed(ticket: 9))
        _ = chat.tap("survey.4")
        let effects = chat.event(.ticketClosed(ticket: 9))
        #expect(effects.isEmpty)
        #expect(chat.state.step == .survey(SurveyProgress(ticket: 9, answers: [4], comment: false)))
        #expect(chat.state.suspended.isEmpty)
    }

    @Test func repeatedFeedbackRequestReplacesTheEarlierOne() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.event(.staffRequestedFeedback(ticket: 9, text: "Kirim akta."))
        _ = chat.event(.staffRequestedFeedback(ticket: 9, text: "Kirim akta dan NIB."))
        #expect(chat.state.step == .feedback(ticket: 9, request: "Kirim akta dan NIB."))
        #expect(chat.state.suspended.isEmpty)
    }

    @Test func tapOnAnEarlierButtonAfterAPauseAnswersThatQuestion() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        _ = chat.type("PT Maju Jaya")
        chat.now = chat.now.addingTimeInterval(2 * 3600)
        _ = chat.type("halo", .greeting)
        _ = chat.tap("phone.self")
        let draft = try #require(chat.draft, "left the intake: \(chat.state.step)")
        #expect(draft.stage == .consent)
        #expect(draft.answers["director_phone"] == "+6281234567890")
    }

    @Test func documentAfterAPauseStillGoesToTheChecklist() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        _ = chat.type("PT Maju Jaya")
        _ = chat.tap("phone.self")
        _ = chat.tap("consent.yes")
        chat.now = chat.now.addingTimeInterval(2 * 3600)
        _ = chat.type("halo", .greeting)
        let effects = chat.pdf("m1", "ktp.pdf")
        #expect(render(effects) == "⚙ fetchMedia m1 for ktp_direktur")
    }

    @Test func summaryTooLongForAnInteractiveMessageGoesFirstAsText() throws {
        // A tender problem, whose description repeats the problem with the tender's code and the role: a long
        // problem is shown twice, cut at 600 characters each time.
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.tender")
        _ = try chat.read("saya penyedia min")
        _ = try chat.read("npwp saya 01.234.567.8-901.000")
        _ = try chat.read("kode tendernya 1234567")
        _ = chat.type(String(repeating: "Dokumen penawaran gagal diunggah di SPSE sejak pagi. ", count: 30))
        let effects = chat.tap("consent.yes")
        let texts = sentTexts(effects)
        try #require(texts.count == 2)
        #expect(texts[0].hasPrefix("Ringkasan permohonan Anda:"))
        #expect(texts[0].hasSuffix("Kirim permohonan ini?"))
        #expect(texts[1] == "Kirim permohonan ini?\n\n(Atau balas dengan angka 1–3.)")
        #expect(offeredIDs(effects) == ["summary.confirm", "summary.change", "summary.cancel"])
    }

    @Test func consentIsAskedOnceAcrossRequests() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.konsultasi")
        _ = chat.type("Bagaimana cara mendaftar?")
        _ = chat.tap("consent.yes")
        _ = chat.tap("summary.confirm")
        _ = chat.event(.ticketOpened(number: 1))
        _ = chat.tap("menu.pengaduan")
        _ = chat.type("Telepon helpdesk tidak diangkat")
        let draft = try #require(chat.draft, "left the intake: \(chat.state.step)")
        #expect(draft.stage == .summary)
    }

    @Test func stateSurvivesAJSONRoundTrip() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), survey: Fixtures.survey)
        _ = chat.tap("menu.registrasi")
        _ = chat.type("PT Maju Jaya")
        _ = chat.event(.ticketClosed(ticket: 4))
        _ = chat.tap("survey.2")
        let data = try JSONEncoder().encode(chat.state)
        let decoded = try JSONDecoder().decode(ConversationState.self, from: data)
        #expect(decoded == chat.state)
    }

    @Test func replyButtonsAndRowsStayWithinWhatsAppLimits() throws {
        let catalogue = try Fixtures.catalogue()
        for fixture in StepFixture.allCases {
            var chat = try fixture.make()
            for language in Language.allCases {
                chat.state.language = language
                let effects = chat.type("?")
                for case .send(let reply) in effects {
                    switch reply {
                    case .text(let text):
                        #expect(text.count <= 4096)
                    case .buttons(let body, let buttons):
                        #expect(body.count <= 1024)
                        #expect((1...3).contains(buttons.count))
                        #expect(buttons.allSatisfy { $0.title.count <= 20 }, "\(fixture) \(buttons)")
                    case .list(let body, let label, let sections):
                        let rows = sections.flatMap(\.rows)
                        #expect(body.count <= 1024)
                        #expect(label.count <= 20)
                        #expect((1...10).contains(rows.count))
                        #expect(rows.allSatisfy { $0.title.count <= 24 && ($0.description?.count ?? 0) <= 72 })
                    case .document(_, let caption):
                        #expect(caption.count <= 1024)
                    }
                }
            }
        }
        #expect(catalogue.menu.count <= 10)
    }

    @Test func typingPartOfAMenuTitlePicksThatRow() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.type("menu")
        _ = chat.type("Reset password")
        let draft = try #require(chat.draft, "no intake: \(chat.state.step)")
        #expect(draft.serviceID == "reset_password")
    }

    @Test func typingAWordSharedByManyOptionsPicksNone() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), survey: Fixtures.survey)
        _ = chat.event(.ticketClosed(ticket: 2))
        _ = chat.type("puas")
        #expect(chat.state.step == .survey(SurveyProgress(ticket: 2)))
        #expect(chat.state.invalidAnswers == 1)
    }

    @Test func kembaliInTheSurveyAsksThePreviousQuestionAgain() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), survey: Fixtures.survey)
        _ = chat.event(.ticketClosed(ticket: 2))
        _ = chat.tap("survey.4")
        _ = chat.tap("survey.1")
        let effects = chat.type("kembali")
        #expect(chat.state.step == .survey(SurveyProgress(ticket: 2, answers: [4], comment: false)))
        #expect(sentTexts(effects).first?.hasPrefix("(2/8) Penanganan") == true)
    }
}

/// A WhatsApp name is greeted as it reads: "~Andi~" was sent back as "Halo ~Andi~", which WhatsApp strikes
/// through, and a name of emoji alone greeted as "Halo 🌸🌸". Formatting marks are left out, and a name with no
/// letter is not used.
@Suite struct GreetingNameTests {
    @Test(arguments: [
        ("~Andi~", "Halo Andi, selamat datang"), ("*Bu Sri*", "Halo Bu Sri, selamat datang"),
        ("_rina_", "Halo rina, selamat datang"), ("🌸🌸", "Halo, selamat datang"), (" ", "Halo, selamat datang"),
        ("CV. Sumber Jaya (Admin)", "Halo CV. Sumber Jaya (Admin), selamat datang"),
    ])
    func theWelcomeGreetsTheNameAsItReads(profileName: String, welcome: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        chat.context.profileName = profileName
        let answer = render(chat.type("halo", .greeting, confidence: 0.97))
        #expect(answer.contains(welcome), "\(answer)")
    }
}

/// Staff asking for more on one ticket while the provider fills in another request paused the form without a word:
/// the company's name typed next, for the paused form, went to the ticket as the answer to staff. The request says
/// the form goes on after *Selesai*.
@Suite struct PausedFormTests {
    @Test func aRequestFromStaffSaysTheFormGoesOnAfterIt() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        let asked = render(chat.event(.staffRequestedFeedback(ticket: 9, text: "Mohon kirim NIB.")))
        #expect(asked.contains("Mohon kirim NIB."), "\(asked)")
        #expect(
            asked.contains(
                "Setelah Anda menekan Selesai, kita lanjutkan permohonan Registrasi dan Verifikasi Berkas "
                    + "(bagi pengguna baru di SPSE) yang sedang Anda isi."), "\(asked)")
        let resumed = render(chat.tap("feedback.done.9"))
        #expect(resumed.contains("Tulis nama badan usaha"), "\(resumed)")
    }

    @Test func withNoFormPausedNothingIsSaid() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let asked = render(chat.event(.staffRequestedFeedback(ticket: 9, text: "Mohon kirim NIB.")))
        #expect(!asked.contains("kita lanjutkan permohonan"), "\(asked)")
    }
}

/// A message sent twice, its copy arriving at the next question: "PT Maju Jaya" again at the director's number got
/// "Nomor itu bukan nomor HP Indonesia yang valid", and an NPWP again at the data change's free-text question
/// became its answer. The copy is said to be noted, and the question asked again.
@Suite struct RepeatedAnswerTests {
    @Test func aNameSentTwiceIsNotARefusedNumber() throws {
        var chat = try ProviderHabitsTests.atPhoneQuestion()
        let again = render(chat.type("PT Maju Jaya"))
        #expect(again.contains("✅ PT Maju Jaya sudah kami catat."), "\(again)")
        #expect(!again.contains("bukan nomor HP"), "\(again)")
        #expect(again.contains("Nomor WhatsApp direksi"), "the question again: \(again)")
    }

    @Test func anNPWPSentTwiceIsNoAnswerToTheNextQuestion() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.perubahan_data")
        _ = chat.type("PT Cahaya Baru")
        _ = chat.type("01.234.567.8-901.000")
        let again = render(chat.type("01.234.567.8-901.000"))
        #expect(again.contains("✅ 01.234.567.8-901.000 sudah kami catat."), "\(again)")
        #expect(chat.draft?.answers["changes"] == nil, "\(again)")
        let answered = render(chat.type("email lama info@lama.co.id menjadi info@baru.co.id"))
        #expect(chat.draft?.answers["changes"] != nil, "\(answered)")
    }

    @Test func theNextAnswerIsTakenAsBefore() throws {
        var chat = try ProviderHabitsTests.atPhoneQuestion()
        let phone = render(chat.type("0812 3456 7890"))
        #expect(phone.contains("Pemberitahuan pelindungan data"), "\(phone)")
    }
}
