import Foundation
import Intents
import Testing

@testable import Conversation

struct ConversationReducerTests {
    @Test func registrationWithTwoPDFsTakesAtMostNineProviderMessages() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.type("halo", .greeting)
        _ = chat.tap("menu.registrasi")
        _ = chat.type("PT Maju Jaya")
        _ = chat.tap("phone.self")
        _ = chat.tap("consent.yes")
        _ = chat.pdf("m1", "ktp.pdf")
        _ = chat.stored("m1", "ktp.pdf")
        _ = chat.pdf("m2", "npwp.pdf")
        _ = chat.stored("m2", "npwp.pdf")
        let effects = chat.tap("summary.confirm")
        let request = try #require(
            effects.compactMap { effect -> TicketRequest? in
                if case .openTicket(let request) = effect { return request }
                return nil
            }.first)
        print("messages sent by the provider to open a registration ticket with two PDFs: \(chat.sentByProvider)")
        #expect(chat.sentByProvider <= 9)
        #expect(request.attachments.map(\.requirementID) == ["ktp_direktur", "npwp_perusahaan"])
        #expect(request.companyName == "PT Maju Jaya")
        #expect(request.directorPhone == "+6281234567890")
        #expect(request.description.hasPrefix("Permohonan Registrasi dan Verifikasi Berkas atas nama PT Maju Jaya."))
        let opened = chat.event(.ticketOpened(number: 1259))
        #expect(sentTexts(opened).first?.contains("#1259") == true)
        #expect(chat.state.step == .idle)
    }

    @Test func everyServiceFormCanBeCompletedWithValidAnswers() throws {
        let catalogue = try Fixtures.catalogue()
        for service in catalogue.services {
            var chat = Transcript(catalogue: catalogue)
            _ = chat.type("menu", .menu)
            _ = chat.tap("menu.\(service.id)")
            var guardCount = 0
            var opened = false
            while !opened && guardCount < 40 {
                guardCount += 1
                guard case .intake(let draft) = chat.state.step else {
                    Issue.record("\(service.id): left the intake at \(chat.state.step)")
                    break
                }
                var effects: [Effect] = []
                switch draft.stage {
                case .field(let index, _):
                    let field = service.fields[index]
                    switch field.validator {
                    case .companyName: effects = chat.type("Maju Jaya")
                    case .businessForm: effects = chat.tap("form.PT")
                    case .phone: effects = chat.type("0812-3456-7890")
                    case .npwp: effects = chat.type("01.234.567.8-901.000")
                    case .nip: effects = chat.type("198501012010011001")
                    case .npwpOrNip: effects = chat.type("012345678901000")
                    case .kodeTender: effects = chat.type("12345678")
                    // A question: in the consultation, a statement of a tender problem starts the tender's form.
                    case .freeText: effects = chat.type("Dokumen penawaran tidak bisa diunggah, bagaimana caranya?")
                    case .choice: effects = chat.type("1")
                    }
                case .consent: effects = chat.tap("consent.yes")
                case .documents:
                    let missing = service.requiredDocuments(for: draft.businessForm).filter {
                        draft.documents[$0.id] == nil
                    }
                    let media = "m\(guardCount)"
                    _ = chat.pdf(media, "\(missing[0].id).pdf")
                    effects = chat.stored(media, "\(missing[0].id).pdf")
                case .summary: effects = chat.tap("summary.confirm")
                case .submitting: opened = true
                case .choosingChange, .editingDescription:
                    Issue.record("\(service.id): unexpected stage \(draft.stage)")
                    opened = true
                }
                #expect(!sentTexts(effects).contains { $0.contains("{") }, "\(service.id): unfilled placeholder")
            }
            #expect(opened, "\(service.id) did not reach submission")
        }
    }

    @Test func companyWithoutFormAsksTheBusinessForm() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        _ = chat.type("menu", .menu)
        _ = chat.tap("menu.registrasi")
        let effects = chat.type("Maju Jaya")
        #expect(offeredIDs(effects).contains("form.Perorangan"))
    }

    @Test func invalidPhoneIsExplainedAndAskedAgain() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        _ = chat.type("PT Maju Jaya")
        let effects = chat.type("12345")
        #expect(sentTexts(effects).first?.hasPrefix("Nomor itu bukan nomor HP Indonesia yang valid.") == true)
        #expect(offeredIDs(effects) == ["phone.self"])
    }

    @Test func thirdInvalidAnswerGivesAnExampleAndOffersStaff() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        _ = chat.type("PT Maju Jaya")
        _ = chat.type("12345")
        _ = chat.type("999")
        let effects = chat.type("abc")
        #expect(sentTexts(effects).first?.contains("Contoh: 0812 3456 7890") == true)
        #expect(offeredIDs(effects) == ["global.human", "global.menu"])
    }

    /// An image sent as a file at the checklist is kept for staff as an attachment, never as the checklist's
    /// document; once received, the provider is told so and how to make the PDF, in one message with the
    /// checklist (a second message said it was received and would be attached).
    @Test func photoOfADocumentIsKeptForStaffButNotTheChecklist() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        _ = chat.type("PT Maju Jaya")
        _ = chat.tap("phone.self")
        _ = chat.tap("consent.yes")
        let effects = chat.message(
            .document(mediaID: "x", filename: "ktp.jpg", mimeType: "image/jpeg", size: 10, sha256: nil, caption: nil))
        #expect(render(effects) == "⚙ fetchMedia x for attachment-1", "\(render(effects))")
        let stored = sentTexts(chat.stored("x", "ktp.jpg", mimeType: "image/jpeg"))
        #expect(stored.count == 1, "\(stored)")
        let said = try #require(stored.first)
        #expect(said.hasPrefix("Foto ini kami lampirkan untuk petugas"), "\(said)")
        #expect(said.contains("Simpan sebagai PDF"), "how to make the PDF: \(said)")
        #expect(said.contains("1. ⬜ KTP/KITAS Direktur") && !said.contains("akan dilampirkan ke tiket"), "\(said)")
        #expect(chat.draft?.documents["attachment-1"]?.filename == "ktp.jpg")
    }

    /// A Word or Excel file at the checklist is kept for staff the same way, with how to save it as a PDF; it
    /// was refused ("bukan file PDF") and gone. A zip file is still refused.
    @Test func aWordFileAtTheChecklistIsKeptForStaffButNotTheChecklist() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        _ = chat.type("PT Maju Jaya")
        _ = chat.tap("phone.self")
        _ = chat.tap("consent.yes")
        let word = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        let effects = chat.message(
            .document(mediaID: "w", filename: "ktp.docx", mimeType: word, size: 10, sha256: nil, caption: nil))
        #expect(render(effects) == "⚙ fetchMedia w for attachment-1", "\(render(effects))")
        let stored = sentTexts(chat.stored("w", "ktp.docx", mimeType: word))
        let said = try #require(stored.first)
        #expect(stored.count == 1 && said.hasPrefix("ktp.docx kami lampirkan untuk petugas"), "\(stored)")
        #expect(said.contains("Simpan Sebagai") && said.contains("1. ⬜ KTP/KITAS Direktur"), "\(said)")
        let zip = chat.message(
            .document(
                mediaID: "z", filename: "ktp.zip", mimeType: "application/zip", size: 10, sha256: nil, caption: nil))
        #expect(sentTexts(zip).first?.hasPrefix("Maaf, ktp.zip bukan file PDF.") == true, "\(render(zip))")
        #expect(!render(zip).contains("fetchMedia"))
    }

    /// A photo at the checklist found too large once downloaded is told the attachments' limit, not the 4 MB of
    /// a checklist's PDF it was never held to.
    @Test func aPhotoTooLargeIsToldTheAttachmentsLimit() throws {
        var chat = try Transcript.atRegistrationChecklist()
        _ = chat.message(.image(mediaID: "p", caption: nil))
        let said = try #require(sentTexts(chat.rejected("p", .tooLarge)).first)
        #expect(said.contains("lebih besar dari 16 MB") && said.contains("1. ⬜ KTP/KITAS Direktur"), "\(said)")
    }

    @Test func oversizedPDFIsRefusedBeforeDownload() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        _ = chat.type("PT Maju Jaya")
        _ = chat.tap("phone.self")
        _ = chat.tap("consent.yes")
        let effects = chat.pdf("big", "ktp.pdf", size: 5_000_000)
        #expect(sentTexts(effects).first?.hasPrefix("Maaf, ktp.pdf lebih besar dari 4 MB.") == true)
    }

    @Test func petugasHandsOffWithTheCollectedIntake() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        _ = chat.type("PT Maju Jaya")
        let effects = chat.type("petugas")
        guard case .handOff(let request) = effects.first else {
            Issue.record("no hand-off: \(effects)")
            return
        }
        #expect(request.collected?.companyName == "PT Maju Jaya")
        #expect(chat.state.step == .handingOff(pending: []))
    }

    /// "bisa telpon saya? nomor saya 081234567890", "petugasnya kurang ramah": asking for staff in more words than
    /// the keyword was answered "write your question here", and what it said never reached staff. It goes to the
    /// ticket staff open, and the provider is told so; "petugas" or "admin dong" alone still asks for the question.
    @Test(arguments: [
        ("bisa telpon saya? nomor saya 081234567890", true), ("petugasnya kurang ramah", true),
        ("petugas", false), ("admin dong", false),
    ])
    func askingForStaffInWordsPassesTheWordsOn(text: String, passed: Bool) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let asked = render(chat.type(text, .human, confidence: 0.95))
        #expect(asked.contains("pesan Anda sudah kami teruskan") == passed, "\(asked)")
        #expect(asked.contains("Silakan tulis pertanyaan Anda di sini") != passed, "\(asked)")
        let opened = render(chat.event(.ticketOpened(number: 31)))
        #expect(opened.contains("appendToTicket #31: \(text)") == passed, "\(opened)")
        #expect(opened.contains("tercatat di tiket #31"), "\(opened)")
    }

    @Test func staffResolutionThenBelumReopensWithTheMessage() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.event(.ticketResolved(ticket: 7, note: "Berkas sudah diverifikasi"))
        _ = chat.tap("resolve.no.7")
        let effects = chat.type("Akun saya belum aktif")
        #expect(effects.first == .reopen(ticket: 7, message: "Akun saya belum aktif"))
    }

    @Test func surveyRequiresACommentAfterALowAnswer() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), survey: Fixtures.survey)
        _ = chat.event(.ticketClosed(ticket: 7))
        _ = chat.type("1")
        for _ in 2...8 { _ = chat.tap("survey.4") }
        #expect(
            chat.state.step == .survey(SurveyProgress(ticket: 7, answers: [1, 4, 4, 4, 4, 4, 4, 4], comment: true)))
        let effects = chat.type("Respon lambat sekali")
        guard case .submitSurvey(let submission) = effects.first else {
            Issue.record("no survey: \(effects)")
            return
        }
        #expect(submission.comment == "Respon lambat sekali")
        #expect(submission.answers.map(\.value) == [1, 4, 4, 4, 4, 4, 4, 4])
    }

    @Test func statusAnswersOnlyTheContactsOwnTickets() throws {
        let ticket = TicketSummary(
            number: 12, title: "Konsultasi SPSE", stateText: "Diproses", waitingOn: "petugas", due: nil)
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [ticket])
        let effects = chat.type("cek tiket 99", .checkStatus, entities: Entities(ticketNumber: 99))
        #expect(
            sentTexts(effects) == [
                """
                Tiket #99 tidak ada di antara tiket Anda yang masih terbuka.

                Tiket Anda yang masih terbuka:

                Tiket #12 – Konsultasi SPSE
                Status: Diproses. Menunggu: petugas.
                """
            ])
    }

    @Test func aTicketAskedForWithNoneOpenIsNotAmongThem() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let effects = chat.type("cek tiket 99", .checkStatus, entities: Entities(ticketNumber: 99))
        #expect(
            sentTexts(effects).first?.hasPrefix("Tiket #99 tidak ada di antara tiket Anda yang masih terbuka.") == true)
    }

    @Test func longTextsAreSplitUnderTheLimit() {
        let text = String(repeating: "Kalimat panjang sekali. ", count: 400)
        let parts = TextSplitter.split(text)
        #expect(parts.count == 3)
        #expect(parts.allSatisfy { $0.count <= 4096 && $0.hasSuffix(".") })
    }
}

extension SurveyProgress {
    init(ticket: Int, answers: [Int], comment: Bool) {
        self.init(ticket: ticket)
        self.answers = answers.enumerated().map { SurveyAnswer(questionID: "q\($0.offset + 1)", value: $0.element) }
        self.askingComment = comment
    }
}

/// Asked which open ticket a message or a file is about, the provider names it in words: "yg registrasi min, ini
/// akta pendirian perusahaan kami" got "Mohon pilih salah satu." A word both titles have, or none, is no choice.
struct ATicketNamedInWordsTests {
    static let tickets = [
        TicketSummary(number: 2, title: "Konsultasi SPSE", stateText: "Baru", waitingOn: "petugas", due: nil),
        TicketSummary(
            number: 1, title: "Registrasi dan Verifikasi Berkas (bagi pengguna baru di SPSE)", stateText: "Baru",
            waitingOn: "petugas", due: nil),
    ]

    func choosing() throws -> Transcript {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: Self.tickets)
        let asked = render(chat.type("Berkas sudah saya kirim"))
        #expect(asked.contains("tiket yang mana"), "\(asked)")
        return chat
    }

    @Test(arguments: [
        ("yg registrasi min, ini akta pendirian perusahaan kami", 1), ("konsultasinya", 2), ("tiket #2", 2),
        ("yang verifikasi berkas", 1),
    ])
    func aTicketNamedInWordsTakesTheMessage(text: String, ticket: Int) throws {
        var chat = try self.choosing()
        let answer = render(chat.type(text, entities: EntityExtractor().extract(from: text, now: Date())))
        #expect(answer.contains("appendToTicket #\(ticket): Berkas sudah saya kirim"), "\(answer)")
    }

    @Test(arguments: ["yang spse", "akta pendirian", "tiket #7"])
    func wordsThatNameNoneOrBothAskAgain(text: String) throws {
        var chat = try self.choosing()
        let answer = render(chat.type(text, entities: EntityExtractor().extract(from: text, now: Date())))
        #expect(!answer.contains("appendToTicket"), "\(answer)")
    }
}
