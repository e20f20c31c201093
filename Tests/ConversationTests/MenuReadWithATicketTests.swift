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
}
