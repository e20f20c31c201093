import Foundation
import Intents
import Support
import Testing

@testable import Conversation

/// "tiket saya batalkan saja min, sudah diurus langsung ke kantor" with a ticket open withdraws it; it reached
/// the ticket as any message ("Pesan Anda sudah diteruskan"), and a ticket staff had not even taken stayed in their
/// queue. A ticket not taken yet is cancelled with the message as the reason; one staff work on gets the request;
/// a ticket the message does not name, among several, is asked for.
@Suite struct TicketWithdrawalTests {
    static let registration = TicketSummary(
        number: 5, title: "Registrasi dan Verifikasi Berkas (bagi pengguna baru di SPSE)", stateText: "Diproses",
        waitingOn: "petugas", due: nil)
    static let reset = TicketSummary(
        number: 7, title: "Reset Password / Lupa User ID", stateText: "Baru", waitingOn: "petugas", due: nil,
        isNew: true)

    @Test(arguments: [
        ("tiket saya batalkan saja min, sudah diurus langsung ke kantor", Intent.human, 0.45),
        ("tolong batalkan permohonan saya", .cancel, 0.9),
        ("cancel my request please, we solved it", .unknown, 0.5),
        // The words the answer to "how?" gives, in English.
        ("cancel ticket #7", .cancel, 0.9),
    ])
    func aTicketNotTakenYetIsCancelled(text: String, intent: Intent, confidence: Double) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [Self.reset])
        let answer = render(chat.type(text, intent, confidence: confidence))
        #expect(answer.contains("⚙ cancelTicket #7: \(text)"), "\(answer)")
        #expect(
            answer.contains("Tiket #7 sudah kami batalkan") || answer.contains("Ticket #7 is cancelled"), "\(answer)")
        #expect(!answer.contains("appendToTicket"), "\(answer)")
        #expect(chat.state.step == .idle, "\(answer)")
    }

    @Test func aTicketStaffWorkOnGetsTheRequest() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [Self.registration])
        let text = "tiket saya batalkan saja min, sudah diurus langsung ke kantor"
        let answer = render(chat.type(text, .human, confidence: 0.45))
        #expect(answer.contains("⚙ appendToTicket #5: \(text)"), "\(answer)")
        #expect(answer.contains("Permintaan pembatalan Anda kami teruskan ke petugas tiket #5"), "\(answer)")
        #expect(!answer.contains("cancelTicket"), "\(answer)")
    }

    /// The ticket's service named between the ticket and the word that withdraws it: "tiket registrasi saya
    /// batalkan saja" started a new registration, whose first question it got.
    @Test(arguments: [
        ("tiket registrasi saya batalkan saja", "⚙ appendToTicket #5"),
        ("permohonan reset password kami dibatalkan aja min", "⚙ cancelTicket #7"),
    ])
    func theServiceNamedInTheWithdrawalNamesTheTicket(text: String, withdrawn: String) throws {
        var chat = Transcript(
            catalogue: try Fixtures.catalogue(), openTickets: [Self.registration, Self.reset])
        let answer = render(try chat.read(text))
        #expect(answer.contains(withdrawn), "\(answer)")
        #expect(!answer.contains("kita mulai permohonan") && chat.draft == nil, "\(answer)")
    }

    @Test func theTicketNamedAmongSeveralIsTheOneWithdrawn() throws {
        var chat = Transcript(
            catalogue: try Fixtures.catalogue(), openTickets: [Self.registration, Self.reset])
        let answer = render(chat.type("batalkan permohonan reset password, sudah bisa login", .cancel))
        #expect(answer.contains("⚙ cancelTicket #7"), "\(answer)")
        #expect(!answer.contains("#5"), "\(answer)")
    }

    @Test func aTicketNamedThatIsNotOpenCancelsNoOther() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [Self.reset])
        var entities = Entities()
        entities.ticketNumber = 3
        let answer = render(chat.type("tolong batalkan tiket #3", .cancel, confidence: 0.9, entities: entities))
        #expect(!answer.contains("cancelTicket"), "\(answer)")
        #expect(answer.contains("#3") && answer.contains("#7"), "\(answer)")
    }

    @Test func withSeveralOpenAndNoneNamedTheProviderIsAsked() throws {
        var chat = Transcript(
            catalogue: try Fixtures.catalogue(), openTickets: [Self.registration, Self.reset])
        let answer = render(chat.type("tolong batalkan tiketnya min", .cancel))
        #expect(answer.contains("Tiket mana yang ingin dibatalkan?"), "\(answer)")
        #expect(answer.contains("#5") && answer.contains("#7"), "the open tickets are listed: \(answer)")
        #expect(!answer.contains("cancelTicket"), "\(answer)")
    }

    /// "gimana cara batalin tiket?" is told the words that do it, naming the ticket; nothing is cancelled.
    @Test(arguments: ["gimana cara batalin tiket?", "how do I cancel my request?"])
    func aQuestionHowToWithdrawIsToldTheWords(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [Self.reset])
        let answer = render(chat.type(text, .unknown, confidence: 0.5))
        #expect(answer.contains("batalkan tiket #7") || answer.contains("cancel ticket #7"), "\(answer)")
        #expect(!answer.contains("cancelTicket"), "\(answer)")
    }

    @Test(arguments: [
        "jangan batalkan tiket saya ya min, direktur masih di luar kota",
        "kalau tiket dibatalkan, dokumen saya dihapus?",
    ])
    func aRefusalOrAQuestionCancelsNothing(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [Self.reset])
        let answer = render(chat.type(text, .unknown, confidence: 0.5))
        #expect(!answer.contains("cancelTicket"), "\(answer)")
        #expect(answer.contains("appendToTicket #7"), "the message still reaches staff: \(answer)")
    }

    /// Asked which ticket, "yang registrasi" started a new registration: the answer picks the ticket from the list
    /// it is asked with, by its number or a word of its title, and withdraws it; *Tidak jadi* withdraws none.
    @Test(arguments: [("yang registrasi", 5), ("#7", 7), ("2", 7)])
    func theTicketNamedAfterTheQuestionIsWithdrawn(text: String, ticket: Int) throws {
        var chat = Transcript(
            catalogue: try Fixtures.catalogue(), openTickets: [Self.registration, Self.reset])
        _ = try chat.read("tolong batalkan tiketnya min")
        let answer = render(try chat.read(text))
        #expect(chat.draft == nil, "\(answer)")
        #expect(answer.contains("#\(ticket)"), "\(answer)")
        #expect(answer.contains("cancelTicket #\(ticket)") || answer.contains("appendToTicket #\(ticket)"), "\(answer)")
        #expect(chat.state.step == .idle)

        var none = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [Self.registration, Self.reset])
        _ = try none.read("tolong batalkan tiketnya min")
        let kept = render(none.tap("ticket.none"))
        #expect(kept.contains("tidak ada tiket yang dibatalkan") && !kept.contains("cancelTicket"), "\(kept)")
    }

    /// "yang reset password gimana?" with a reset open started a new one: a short question pointing at an open
    /// ticket gets its status, and reaches it.
    @Test(arguments: ["yang reset password gimana?", "tiket registrasi gimana min?"])
    func aQuestionPointingAtAnOpenTicketGetsItsStatus(text: String) throws {
        var chat = Transcript(
            catalogue: try Fixtures.catalogue(), openTickets: [Self.registration, Self.reset])
        let answer = render(try chat.read(text))
        #expect(chat.draft == nil, "\(answer)")
        #expect(answer.contains("Status:"), "\(answer)")
    }
}
