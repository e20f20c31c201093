import Foundation
import Intents
import Support
import Testing

@testable import Conversation

/// A short message the recognizer reads as asking for the menu ("ini filenya" at 0.76) while a ticket is open
/// still reaches that ticket, quietly, before the menu: nothing written about a ticket is lost to staff. The
/// menu typed as its keyword, and a message read as the menu inside a form, are not kept on a ticket.
@Suite struct MenuReadWithATicketTests {
    static let ticket = TicketSummary(
        number: 7, title: "Registrasi", stateText: "Diproses", waitingOn: "petugas", due: nil)

    @Test(arguments: ["ini filenya", "layanan apa saja yang ada?"])
    func aMessageReadAsTheMenuIsKeptOnTheOpenTicket(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [Self.ticket])
        let answer = render(chat.type(text, .menu, confidence: 0.76))
        #expect(answer.contains("⚙ appendToTicket #7: \(text)"), "\(answer)")
        #expect(answer.contains("Registrasi & Verifikasi"), "the menu still comes: \(answer)")
    }

    /// "min tolong dibantu ya" with a ticket open reached it, but the provider got only the welcome and the menu,
    /// with no word that staff have it. They are told, before the menu.
    @Test func theProviderIsToldTheMessageReachedTheTicket() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [Self.ticket])
        let answer = render(try chat.read("min tolong dibantu ya"))
        #expect(answer.contains("⚙ appendToTicket #7: min tolong dibantu ya"), "\(answer)")
        #expect(answer.contains("Pesan Anda juga sudah diteruskan ke petugas pada tiket #7."), "\(answer)")
        #expect(answer.contains("Registrasi & Verifikasi"), "the menu still comes: \(answer)")
    }

    @Test func theMenuTypedAsItsKeywordIsNotKept() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [Self.ticket])
        let answer = render(chat.type("menu", .menu, confidence: 0.97))
        #expect(!answer.contains("appendToTicket"), "\(answer)")
        #expect(answer.contains("Registrasi & Verifikasi"), "\(answer)")
    }

    @Test func aMessageReadAsTheMenuInAFormIsNotKeptOnAnotherTicket() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [Self.ticket])
        _ = chat.tap("menu.registrasi")
        #expect(chat.draft != nil)
        let answer = render(chat.type("layanan lainnya", .menu, confidence: 0.9))
        #expect(!answer.contains("appendToTicket"), "\(answer)")
    }

    @Test func withoutATicketNothingIsAppended() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(chat.type("ini filenya", .menu, confidence: 0.76))
        #expect(!answer.contains("appendToTicket"), "\(answer)")
        #expect(answer.contains("Registrasi & Verifikasi"), "\(answer)")
    }

    /// *Cek status tiket* tapped with no ticket open got "Anda tidak memiliki tiket yang sedang terbuka." and
    /// nothing after it: how to ask about a request made outside the chat, and the menu, come with it. With a
    /// ticket, its status alone.
    @Test func theStatusRowWithNoTicketOffersTheWayOn() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.type("menu")
        let none = render(chat.tap("menu.status"))
        #expect(none.contains("Anda tidak memiliki tiket yang sedang terbuka."), "\(none)")
        #expect(none.contains("ketik *petugas* dan tulis pertanyaan Anda"), "\(none)")
        #expect(none.contains("Registrasi & Verifikasi") && chat.state.step == .menu, "\(none)")

        var open = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [Self.ticket])
        _ = open.type("menu")
        let status = render(open.tap("menu.status"))
        #expect(status.contains("Tiket Anda yang masih terbuka:") && !status.contains("Registrasi & Verifikasi"))
    }
}
