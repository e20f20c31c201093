import Foundation
import Intents
import Support
import Testing

@testable import Conversation

/// "tolong dipercepat ya min, tender tutup besok" with a ticket open asks for that ticket to be handled soon: it
/// reaches the ticket and the provider is told where it stands, instead of starting the tender problem its words
/// name. A request in so many words still starts its service, and without a ticket nothing changes.
@Suite struct UrgencyTests {
    static let ticket = TicketSummary(
        number: 5, title: "Registrasi", stateText: "Diproses", waitingOn: "petugas", due: nil)

    @Test(arguments: [
        ("tolong dipercepat ya min, tender tutup besok", "tiket #5 segera diproses sudah kami teruskan"),
        ("urgent min, mau ikut lelang", "tiket #5 segera diproses sudah kami teruskan"),
        ("mohon segera diproses karena penawaran ditutup jumat", "tiket #5 segera diproses sudah kami teruskan"),
        ("can you speed it up please? the tender closes tomorrow", "that ticket #5 be handled soon"),
    ])
    func aPleaForSpeedReachesTheOpenTicket(text: String, said: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [Self.ticket])
        let answer = render(chat.type(text))
        #expect(answer.contains("⚙ appendToTicket #5: \(text)"), "\(answer)")
        #expect(answer.contains(said), "\(answer)")
        #expect(answer.contains("Diproses"), "where the ticket stands: \(answer)")
        #expect(!answer.contains("kita mulai permohonan") && chat.draft == nil, "\(answer)")
    }

    @Test func aComplaintAskedForStillStarts() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [Self.ticket])
        let answer = render(chat.type("mau komplain, tolong segera ditanggapi, petugas lambat"))
        #expect(answer.contains("kita mulai permohonan Pengaduan"), "\(answer)")
        #expect(!answer.contains("appendToTicket"), "\(answer)")
    }

    @Test func withoutATicketATenderProblemStarts() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(chat.type("upload penawaran gagal terus min, urgent"))
        #expect(answer.contains("kita mulai permohonan Permasalahan pada Tender"), "\(answer)")
    }
}

/// "kok lama ya", "udah sehari blm ada kabar" with a ticket open says the provider has waited; the recognizer
/// reads most of these as a status check, which answered with the status alone, as if nobody would read the
/// complaint. The message reaches the ticket, and the provider is told so, with an apology and where it stands.
@Suite struct WaitingTests {
    @Test(arguments: [
        ("kok lama ya", Intent.checkStatus), ("min kok lama banget", .checkStatus),
        ("udah sehari blm ada kabar", .checkStatus), ("belum ada respon dari kemarin min", .unknown),
        ("kok belum diproses juga?", .checkStatus), ("masih nunggu verifikasi nih kak", .checkStatus),
        ("still waiting for an answer", .checkStatus),
    ])
    func aWordOfWaitingReachesTheOpenTicket(text: String, intent: Intent) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [UrgencyTests.ticket])
        let answer = render(chat.type(text, intent))
        #expect(answer.contains("⚙ appendToTicket #5: \(text)"), "\(answer)")
        #expect(
            answer.contains("Mohon maaf atas waktu tunggunya") || answer.contains("sorry for the wait"), "\(answer)")
        #expect(answer.contains("Diproses"), "where the ticket stands: \(answer)")
        #expect(chat.draft == nil, "\(answer)")
    }

    @Test func aBareStatusCheckStillGetsTheStatusAlone() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [UrgencyTests.ticket])
        let answer = render(chat.type("gimana statusnya?", .checkStatus))
        #expect(!answer.contains("Mohon maaf atas waktu"), "\(answer)")
        #expect(answer.contains("Diproses"), "\(answer)")
    }

    @Test func aComplaintAboutWaitingAskedForStillStarts() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [UrgencyTests.ticket])
        let answer = render(chat.type("mau komplain, kok lama banget pelayanannya", .createTicket))
        #expect(answer.contains("kita mulai permohonan Pengaduan"), "\(answer)")
        #expect(!answer.contains("appendToTicket"), "\(answer)")
    }

    @Test func withoutATicketNothingIsRelayed() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(chat.type("kok lama ya", .checkStatus))
        #expect(!answer.contains("appendToTicket") && !answer.contains("Mohon maaf atas waktu"), "\(answer)")
    }
}

/// "pendaftaran CV Uji Coba Jaya sudah sampai mana ya min?" with the registration open asks where that ticket
/// stands; the recognizer, unsure with a company's name in it, left it to the service's word, and a second
/// registration started. With a ticket open, a question about progress gets the status of the ticket whose service
/// it names (or, naming none, of every open ticket), and no request starts.
@Suite struct ProgressQuestionTests {
    static let tickets = [
        TicketSummary(
            number: 5, title: "Registrasi dan Verifikasi Berkas (bagi pengguna baru di SPSE)", stateText: "Diproses",
            waitingOn: "petugas", due: nil),
        TicketSummary(
            number: 7, title: "Reset Password / Lupa User ID", stateText: "Baru", waitingOn: "petugas", due: nil),
    ]

    @Test(arguments: [
        ("pendaftaran CV Uji Coba Jaya sudah sampai mana ya min?", Intent.unknown, 5),
        ("registrasi kami kapan selesai min?", .createTicket, 5),
        ("reset password saya gimana perkembangannya?", .createTicket, 7),
        ("lupa password kemarin udah diproses belum ya?", .createTicket, 7),
        ("any update on my registration?", .unknown, 5),
    ])
    func aQuestionAboutProgressGetsTheStatusOfItsTicket(text: String, intent: Intent, ticket: Int) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: Self.tickets)
        let answer = render(chat.type(text, intent, confidence: 0.69))
        #expect(answer.contains("#\(ticket)"), "\(answer)")
        let other = ticket == 5 ? 7 : 5
        #expect(!answer.contains("#\(other)"), "only the ticket asked about: \(answer)")
        #expect(answer.contains("appendToTicket #\(ticket): \(text)"), "staff read it there: \(answer)")
        #expect(!answer.contains("kita mulai permohonan") && !answer.contains("let us start"), "\(answer)")
        #expect(chat.draft == nil, "\(answer)")
    }

    @Test func aQuestionNamingNoServiceDescribesEveryOpenTicket() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: Self.tickets)
        let answer = render(chat.type("min sudah sampai mana ya prosesnya?", .unknown, confidence: 0.5))
        #expect(answer.contains("#5") && answer.contains("#7"), "\(answer)")
        #expect(chat.draft == nil, "\(answer)")
    }

    @Test func aNewRequestForTheSameServiceStillStarts() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: Self.tickets)
        let answer = render(chat.type("mau daftar lagi untuk CV kami yang lain", .createTicket))
        #expect(answer.contains("kita mulai permohonan Registrasi"), "\(answer)")
    }
}
