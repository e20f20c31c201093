import Foundation
import Intents
import Support
import Testing

@testable import Conversation

/// What providers say beside an answer rather than as one: another number to come, a short question on an open
/// ticket that only staff can answer. Each message read with the shipped recognizer.
struct SaidInPassingTests {
    /// A registration at the director's number, the company named.
    static func atDirectorNumber() throws -> Transcript {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        _ = try chat.read("CV Sinar Terang")
        return chat
    }

    /// "pakai nomor lain" answers the button *Pakai nomor ini*: the number comes next. It got "Pesan itu belum berisi
    /// nomor HP." and counted as a wrong answer, three of which hand the provider to staff.
    @Test(arguments: [
        "pakai nomor lain", "nomor lain min", "no direktur beda min", "bukan nomor saya", "bukan saya direkturnya",
        "beda nomor kak", "direkturnya orang lain", "I will use another number",
    ])
    func anotherNumberAnnouncedIsWaitedFor(text: String) throws {
        var chat = try Self.atDirectorNumber()
        let reply = render(try chat.read(text))
        #expect(reply == "› Baik, tulis nomor WhatsApp direksi/pimpinan di sini, misalnya 0812 3456 7890.", "\(reply)")
        #expect(chat.state.invalidAnswers == 0)
        #expect(chat.draft?.answers["director_phone"] == nil)
        _ = try chat.read("0813 1122 3344")
        #expect(chat.draft?.answers["director_phone"] == "+6281311223344")
    }

    /// The provider's own number is still taken in words, and a message with no number that announces none is
    /// still told it has none.
    @Test func theOwnNumberAndNoNumberAreAsBefore() throws {
        var own = try Self.atDirectorNumber()
        _ = try own.read("nomor ini aja")
        #expect(own.draft?.answers["director_phone"] == "+6281234567890")
        var none = try Self.atDirectorNumber()
        let reply = render(try none.read("direktur kami pak Budi"))
        #expect(reply.contains("Pesan itu belum berisi nomor HP."), "\(reply)")
    }

    /// "kenapa ditolak?" on an open ticket got the ticket's status and reached staff without the provider being
    /// told: a status says nothing of why. A bare status check still gets only the status.
    @Test(
        arguments: [
            ("kenapa ditolak?", true), ("ditolak?", true), ("knp ditolak min", true), ("status?", false),
            ("gimana tiketnya?", false), ("udah diproses?", false),
        ])
    func aShortQuestionOnlyStaffAnswerIsSaidToReachThem(text: String, told: Bool) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        chat.context.openTickets = [
            TicketSummary(
                number: 1259, title: "Registrasi PT Maju Jaya", stateText: "Diproses Level 1", waitingOn: "petugas",
                due: nil)
        ]
        let reply = render(try chat.read(text))
        #expect(reply.contains("Status: Diproses Level 1."), "\(reply)")
        #expect(reply.contains("⚙ appendToTicket #1259: \(text)"), "\(reply)")
        #expect(reply.contains("diteruskan ke petugas pada tiket #1259") == told, "\(reply)")
    }
}

/// The first message after a long pause in a journey: it was dropped for "continue or start over?", so the
/// provider had to type it again.
struct BackAfterAPauseTests {
    /// A registration at the company question, left for an hour.
    static func leftAtTheCompany() throws -> Transcript {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        chat.now = chat.now.addingTimeInterval(3600)
        return chat
    }

    /// "lanjut" says it already: the question comes again, with no choice to make.
    @Test(arguments: ["lanjut", "lanjut min", "lanjutkan ya", "continue"])
    func goingOnContinues(text: String) throws {
        var chat = try Self.leftAtTheCompany()
        let reply = render(try chat.read(text))
        #expect(reply.hasPrefix("› Tulis nama badan usaha Anda"), "\(reply)")
        #expect(chat.draft != nil && chat.state.heldAfterPause == nil)
    }

    /// An answer typed instead of the choice continues with it; a no is still asked to choose.
    @Test func anAnswerTypedAtTheChoiceContinuesWithIt() throws {
        var chat = try Self.leftAtTheCompany()
        _ = try chat.read("halo")
        #expect(chat.state.heldAfterPause == nil, "a greeting is not held")
        let reply = render(try chat.read("CV Sinar Terang"))
        #expect(reply.contains("Nomor WhatsApp direksi/pimpinan"), "\(reply)")
        #expect(chat.draft?.answers["company"] == "Sinar Terang")

        var no = try Self.leftAtTheCompany()
        _ = try no.read("halo")
        let asked = render(try no.read("tidak"))
        #expect(asked.contains("Lanjutkan atau mulai ulang?"), "\(asked)")
    }

    /// Starting over drops what was held; a command word is not held, so continuing after "menu" is no menu.
    @Test func startingOverOrACommandHoldsNothing() throws {
        var chat = try Self.leftAtTheCompany()
        _ = try chat.read("PT Maju Jaya")
        #expect(chat.state.heldAfterPause?.text == "PT Maju Jaya")
        _ = chat.tap("resume.restart")
        #expect(chat.state.step == .menu && chat.state.heldAfterPause == nil)

        var command = try Self.leftAtTheCompany()
        _ = try command.read("menu")
        #expect(command.state.heldAfterPause == nil)
        let reply = render(command.tap("resume.continue"))
        #expect(reply.hasPrefix("› Tulis nama badan usaha Anda"), "\(reply)")
    }

    /// The held message survives the state's storage: its reading comes back with it.
    @Test func theHeldMessageIsStored() throws {
        var chat = try Self.leftAtTheCompany()
        _ = try chat.read("PT Maju Jaya 0812 3456 7890")
        let stored = try JSONEncoder().encode(chat.state)
        chat.state = try JSONDecoder().decode(ConversationState.self, from: stored)
        #expect(chat.state.heldAfterPause?.classification.entities.phone == "+6281234567890")
        _ = chat.tap("resume.continue")
        #expect(chat.draft?.answers["company"] == "Maju Jaya")
    }
}

/// A request said beside an answer about the ticket or the call: it was dropped, or read as something else.
struct RequestBesideAnAnswerTests {
    /// Ticket #1259 resolved by staff: the provider is asked whether it is solved.
    static func askedIfSolved() throws -> Transcript {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        chat.context.openTickets = [
            TicketSummary(number: 1259, title: "Reset Password", stateText: "Selesai", waitingOn: "Anda", due: nil)
        ]
        _ = chat.event(.ticketResolved(ticket: 1259, note: "Sudah direset"))
        return chat
    }

    /// "sudah min, tapi sekarang saya lupa password lagi" to "is ticket #… solved?" closed the ticket and dropped
    /// the new request: the service after the "but" starts, as from the menu.
    @Test(arguments: [
        ("sudah min tapi sekarang saya lupa password lagi", "reset_password"),
        ("udah beres, tapi saya mau ganti email perusahaan", "perubahan_data"),
    ])
    func aRequestAfterTheButStartsOnceTheTicketCloses(text: String, service: String) throws {
        var chat = try Self.askedIfSolved()
        let reply = render(try chat.read(text))
        #expect(reply.contains("⚙ confirmResolution #1259"), "\(reply)")
        #expect(chat.draft?.serviceID == service, "\(reply)")
    }

    /// A "yes" with no request after it only closes the ticket.
    @Test(arguments: ["sudah min makasih", "udah bisa, tapi tadi agak lama"])
    func aYesAloneOnlyCloses(text: String) throws {
        var chat = try Self.askedIfSolved()
        let reply = render(try chat.read(text))
        #expect(reply.contains("⚙ confirmResolution #1259"), "\(reply)")
        #expect(chat.draft == nil, "\(reply)")
    }

    /// "tolong kirim link zoom ke email saya" with a call booked offered new times to move it to: it asks for a
    /// link, and is told the call is a WhatsApp video call from the helpdesk's number, with the booking kept.
    @Test(arguments: ["tolong kirim link zoom ke email saya", "minta link meeting nya min", "kirim undangan zoom nya"])
    func aLinkAskedForIsToldHowTheCallComes(text: String) throws {
        var chat = try VerificationBookingTests.chat(
            VerificationBookingTests.offer(booking: VerificationBookingTests.instant(2026, 12, 2, 10, 0)))
        let reply = render(try chat.read(text))
        #expect(reply.contains("dijadwalkan pada Rabu, 2 Desember 2026 pukul 10.00 WIB"), "\(reply)")
        #expect(reply.contains("video call WhatsApp dari 0811-2345-678"), "\(reply)")
        #expect(!reply.contains("Pilih waktu baru"), "\(reply)")
        #expect(chat.state.step == .idle)
    }
}

/// Answers to what staff asked for on a ticket (the feedback step), each read with the shipped recognizer.
struct AnswerToStaffTests {
    static func asked(_ request: String) throws -> Transcript {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        chat.context.openTickets = [
            TicketSummary(number: 1259, title: "Registrasi", stateText: "Menunggu Anda", waitingOn: "Anda", due: nil)
        ]
        _ = chat.event(.staffRequestedFeedback(ticket: 1259, text: request))
        return chat
    }

    /// "ya" to "Apakah email perusahaan masih aktif?" was taken as done alone: staff were told the provider answered
    /// and never read the answer. It reaches the ticket, then the request is done.
    @Test(arguments: ["ya", "iya masih min", "tidak", "ga min"])
    func aYesOrNoToAQuestionReachesStaff(text: String) throws {
        var chat = try Self.asked("Apakah email perusahaan masih aktif?")
        let reply = render(try chat.read(text))
        #expect(reply.contains("⚙ appendToTicket #1259: \(text)"), "\(reply)")
        #expect(reply.contains("⚙ provideFeedback #1259"), "\(reply)")
    }

    /// A bare "ok" to "Mohon kirim akta perubahan terbaru" closed the request before anything came: it waits for
    /// the files, and says so. "selesai" and "sudah saya kirim semua" still close it.
    @Test func anOkToARequestForFilesWaitsForThem() throws {
        var chat = try Self.asked("Mohon kirim akta perubahan terbaru.")
        let wait = render(try chat.read("ok"))
        #expect(!wait.contains("provideFeedback"), "\(wait)")
        #expect(wait.contains("bila semuanya sudah terkirim, tekan *Selesai*"), "\(wait)")
        if case .feedback = chat.state.step {} else { Issue.record("the request was left: \(chat.state.step)") }
        let done = render(try chat.read("sudah saya kirim semua"))
        #expect(done.contains("⚙ appendToTicket #1259: sudah saya kirim semua"), "\(done)")
        #expect(done.contains("⚙ provideFeedback #1259"), "\(done)")

        var typed = try Self.asked("Mohon kirim akta perubahan terbaru.")
        #expect(render(try typed.read("selesai")).contains("⚙ provideFeedback #1259"))
    }
}
