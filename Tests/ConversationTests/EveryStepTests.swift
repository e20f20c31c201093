import Foundation
import Intents
import Support
import Testing

@testable import Conversation

/// A conversation brought to one step of the journey.
enum StepFixture: String, CaseIterable, CustomTestStringConvertible {
    case menu, faq, companyName, businessForm, directorPhone, consent, documents, summary, choosingChange
    case editingDescription, choosingTicket, feedback, confirmingResolution, reopenReason, surveyQuestion
    case surveyComment, resumeOffer

    var testDescription: String { rawValue }

    static let tickets = [
        TicketSummary(number: 1259, title: "Registrasi", stateText: "Diproses", waitingOn: "petugas", due: nil),
        TicketSummary(number: 1301, title: "Reset Password", stateText: "Baru", waitingOn: "petugas", due: nil),
    ]

    func make() throws -> Transcript {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: Self.tickets, survey: Fixtures.survey)
        func intake(upTo stop: StepFixture) {
            _ = chat.type("menu")
            _ = chat.tap("menu.registrasi")
            if stop == .companyName { return }
            _ = chat.type(stop == .businessForm ? "Maju Jaya" : "PT Maju Jaya")
            if stop == .businessForm || stop == .directorPhone { return }
            _ = chat.tap("phone.self")
            if stop == .consent { return }
            _ = chat.tap("consent.yes")
            if stop == .documents { return }
            _ = chat.pdf("m1", "ktp.pdf")
            _ = chat.stored("m1", "ktp.pdf")
            _ = chat.pdf("m2", "npwp.pdf")
            _ = chat.stored("m2", "npwp.pdf")
            if stop == .summary { return }
            _ = chat.tap("summary.change")
            if stop == .choosingChange { return }
            _ = chat.tap("change._description")
        }
        switch self {
        case .menu: _ = chat.type("menu")
        case .faq:
            _ = chat.type("menu")
            _ = chat.tap("menu.faq")
        case .companyName, .businessForm, .directorPhone, .consent, .documents, .summary, .choosingChange,
            .editingDescription:
            intake(upTo: self)
        case .choosingTicket: _ = chat.type("Berkas sudah saya kirim")
        case .feedback: _ = chat.event(.staffRequestedFeedback(ticket: 1259, text: "Mohon kirim akta perusahaan."))
        case .confirmingResolution: _ = chat.event(.ticketResolved(ticket: 1259, note: "Sudah."))
        case .reopenReason:
            _ = chat.event(.ticketResolved(ticket: 1259, note: "Sudah."))
            _ = chat.tap("resolve.no.1259")
        case .surveyQuestion: _ = chat.event(.ticketClosed(ticket: 1259))
        case .surveyComment:
            _ = chat.event(.ticketClosed(ticket: 1259))
            for _ in 1...8 { _ = chat.tap("survey.1") }
        case .resumeOffer:
            intake(upTo: .directorPhone)
            chat.now = chat.now.addingTimeInterval(3600)
            _ = chat.type("halo", .greeting)
        }
        return chat
    }

    /// Whether the provider is in the middle of something at this step.
    var inProgress: Bool {
        switch self {
        case .menu, .faq: return false
        case .companyName, .businessForm, .directorPhone, .consent, .documents, .summary, .choosingChange,
            .editingDescription, .choosingTicket, .feedback, .confirmingResolution, .reopenReason, .surveyQuestion,
            .surveyComment, .resumeOffer:
            return true
        }
    }
}

struct EveryStepTests {
    @Test(arguments: StepFixture.allCases)
    func menuShowsTheMainMenuFromEveryStep(_ fixture: StepFixture) throws {
        var chat = try fixture.make()
        let effects = chat.type("menu")
        #expect(chat.state.step == .menu)
        #expect(chat.state.suspended.isEmpty)
        #expect(offeredIDs(effects).first == "menu.registrasi")
    }

    @Test(arguments: StepFixture.allCases)
    func batalCancelsFromEveryStepAndSaysSoWhenSomethingWasGoingOn(_ fixture: StepFixture) throws {
        var chat = try fixture.make()
        let effects = chat.type("batal")
        #expect(chat.state.step == .menu)
        let first = sentTexts(effects).first ?? ""
        // Only a form is a request that "batal" cancels; a survey is kept for later, a step about a ticket
        // leaves it as it is, and the choice of a ticket goes back to the menu.
        let said: String
        switch fixture {
        case .surveyQuestion, .surveyComment: said = "Baik, survei tiket #1259 kami simpan."
        case .feedback, .confirmingResolution, .reopenReason: said = "Baik. Tiket #1259 tidak berubah;"
        case .choosingTicket: said = "Baik, kita kembali ke menu."
        default: said = "Baik, permohonan dibatalkan."
        }
        #expect(first.hasPrefix(said) == fixture.inProgress, "\(first)")
    }

    @Test(arguments: StepFixture.allCases)
    func petugasHandsOffFromEveryStep(_ fixture: StepFixture) throws {
        var chat = try fixture.make()
        let effects = chat.type("petugas")
        #expect(effects.contains { if case .handOff = $0 { return true } else { return false } })
        #expect(chat.state.step == .handingOff(pending: []))
    }

    @Test(arguments: StepFixture.allCases)
    func languageSwitchKeepsTheStepAndAsksAgainInEnglish(_ fixture: StepFixture) throws {
        var chat = try fixture.make()
        let before = chat.state.step
        let effects = chat.type("english")
        #expect(chat.state.language == .english)
        #expect(sentTexts(effects).first == "Language switched to English.")
        #expect(effects.count >= 2)
        if fixture.inProgress { #expect(chat.state.step == before) }
    }

    @Test(arguments: StepFixture.allCases)
    func thanksIsAnsweredWithoutLosingTheStep(_ fixture: StepFixture) throws {
        var chat = try fixture.make()
        let before = chat.state.step
        let effects = chat.type("makasih", .thanks)
        #expect(sentTexts(effects).first == "Sama-sama, senang membantu.")
        #expect(chat.state.step == before || !fixture.inProgress)
    }

    @Test(arguments: StepFixture.allCases)
    func greetingIsAnsweredWithoutLosingTheStep(_ fixture: StepFixture) throws {
        var chat = try fixture.make()
        let before = chat.state.step
        let effects = chat.type("halo", .greeting)
        #expect(!effects.isEmpty)
        if fixture.inProgress { #expect(chat.state.step == before) }
    }

    @Test(arguments: StepFixture.allCases)
    func statusIsAnsweredWithoutLosingTheStep(_ fixture: StepFixture) throws {
        var chat = try fixture.make()
        let before = chat.state.step
        let effects = chat.type("status")
        #expect(sentTexts(effects).first?.hasPrefix("Tiket Anda yang masih terbuka:") == true)
        if fixture.inProgress { #expect(chat.state.step == before) }
    }

    @Test(arguments: StepFixture.allCases)
    func kembaliAlwaysAnswersAndNeverDropsTheDraftSilently(_ fixture: StepFixture) throws {
        var chat = try fixture.make()
        let effects = chat.type("kembali")
        #expect(!sentTexts(effects).isEmpty)
    }

    @Test(arguments: StepFixture.allCases)
    func stickerIsAnsweredAndTheStepKept(_ fixture: StepFixture) throws {
        var chat = try fixture.make()
        let before = chat.state.step
        let effects = chat.message(.sticker)
        #expect(
            sentTexts(effects).first?.hasSuffix("Loket dapat menerima pesan teks, pilihan tombol, dan dokumen PDF.")
                == true)
        #expect(chat.state.step == before)
    }

    /// A location, a contact card or a reaction never leaves the step: it is answered, or reaches a ticket;
    /// a contact card answers the director's number and corrects it at the consent, the checklist and the
    /// summary, and nowhere else moves the form.
    @Test(arguments: StepFixture.allCases)
    func aLocationCardOrReactionKeepsTheStep(_ fixture: StepFixture) throws {
        let card = ContactCard(name: "Pak Budi", phones: [ContactCard.Phone(number: "0813 2222 3333", waID: nil)])
        let kinds: [InboundChatMessage.Kind] = [
            .location(SharedLocation(latitude: -6.2, longitude: 106.8)), .reaction(emoji: "👍"), .contacts([card]),
        ]
        for kind in kinds {
            var chat = try fixture.make()
            let before = chat.state.step
            let effects = chat.message(kind)
            if case .contacts = kind, [.directorPhone, .consent, .documents, .summary].contains(fixture) {
                #expect(chat.draft?.answers["director_phone"] == "+6281322223333", "\(render(effects))")
                continue
            }
            #expect(chat.state.step == before, "\(kind): \(render(effects))")
            let relayed = effects.contains { if case .appendToTicket = $0 { true } else { false } }
            if case .reaction = kind, relayed { continue }
            #expect(!sentTexts(effects).isEmpty || relayed, "\(kind): \(render(effects))")
        }
    }

    @Test(arguments: StepFixture.allCases.filter { $0 != .feedback })
    func badTextIsExplainedAndTheStepKept(_ fixture: StepFixture) throws {
        var chat = try fixture.make()
        let before = chat.state.step
        let effects = chat.type("?")
        #expect(!sentTexts(effects).isEmpty)
        #expect(chat.state.step == before)
        #expect(chat.state.invalidAnswers == 1)
    }
}
