import Intents
import Support
import Testing

@testable import Conversation

/// Contact cards and locations: what a provider shares from the phone instead of typing.
@Suite struct SharedCardTests {
    static let ticket = TicketSummary(
        number: 41, title: "Registrasi", stateText: "Baru", waitingOn: "petugas", due: nil)

    /// A registration at the director's WhatsApp number.
    static func atPhoneQuestion() throws -> Transcript {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        let asked = render(chat.type("CV Maju Jaya"))
        #expect(asked.contains("Nomor WhatsApp direksi"), "\(asked)")
        return chat
    }

    static func card(_ name: String?, _ phones: [(String?, String?)]) -> ContactCard {
        ContactCard(name: name, phones: phones.map { ContactCard.Phone(number: $0.0, waID: $0.1) })
    }

    /// The director's contact card where their number is asked answers it: the card's number was refused
    /// ("kami tidak dapat membaca kartu kontak") and the question asked again.
    @Test(arguments: [
        [card("Pak Budi", [("0812-3456-7891", nil)])],
        [card("Pak Budi", [("+62 812-3456-7891", "6281234567891")])],
        // The number on WhatsApp, of a mobile and a landline saved on one card.
        [card("Pak Budi", [("021 555 1234", nil), ("0812 3456 7891", "6281234567891")])],
        // No WhatsApp id: the mobile one; a landline cannot take the call.
        [card("Pak Budi", [("(021) 555-1234", nil), ("0812-3456-7891", nil)])],
        // The same number saved twice.
        [card("Pak Budi", [("0812-3456-7891", nil)]), card("Budi kantor", [("+6281234567891", nil)])],
    ])
    func aContactCardAnswersThePhoneQuestion(cards: [ContactCard]) throws {
        var chat = try Self.atPhoneQuestion()
        let answer = render(chat.message(.contacts(cards)))
        #expect(answer.contains("Nomor dari kartu kontak: +6281234567891."), "\(answer)")
        #expect(chat.draft?.answers["director_phone"] == "+6281234567891", "\(String(describing: chat.draft))")
        #expect(!answer.contains("Nomor WhatsApp direksi"), "the next question follows: \(answer)")
    }

    /// At the summary, the director's card with another number corrects it, as the number typed there does; at
    /// the checklist too, once the number was given. It was answered "kami tidak dapat membaca kartu kontak".
    @Test func aContactCardAtTheSummaryCorrectsTheNumber() throws {
        var chat = try Transcript.atRegistrationChecklist()
        let atChecklist = render(
            chat.message(.contacts([Self.card("Pak Budi", [("0813-2222-3333", "6281322223333")])])))
        #expect(atChecklist.contains("No. WA direksi kami ubah menjadi +6281322223333"), "\(atChecklist)")
        #expect(atChecklist.contains("1. ⬜ KTP/KITAS Direktur"), "the checklist again: \(atChecklist)")
        let summary = render(chat.sendDocuments("ktp.pdf", "npwp.pdf"))
        #expect(summary.contains("No. WA direksi: +6281322223333"), "\(summary)")
        let corrected = render(chat.message(.contacts([Self.card("Pak Budi", [("0812 4444 5555", nil)])])))
        #expect(corrected.contains("No. WA direksi kami ubah menjadi +6281244445555"), "\(corrected)")
        #expect(corrected.contains("No. WA direksi: +6281244445555"), "the summary again: \(corrected)")
        // The same number again is said to be the one recorded.
        let same = render(chat.message(.contacts([Self.card("Pak Budi", [("+62 812 4444 5555", nil)])])))
        #expect(same.contains("Nomor dari kartu kontak: +6281244445555."), "\(same)")
        #expect(chat.draft?.answers["director_phone"] == "+6281244445555")
    }

    /// A card whose numbers leave a choice lists them and asks for the one meant; one without a number, or
    /// with a landline only, is refused as a typed one would be. The question stays.
    @Test func aContactCardThatDoesNotSayTheNumberAsksAgain() throws {
        var several = try Self.atPhoneQuestion()
        let listed = render(
            several.message(.contacts([Self.card("Pak Budi", [("0812-3456-7891", nil), ("0813-9999-0000", nil)])])))
        #expect(
            listed.contains("Kartu kontak itu berisi beberapa nomor: 0812-3456-7891, 0813-9999-0000."), "\(listed)")
        #expect(listed.contains("Nomor WhatsApp direksi"), "\(listed)")
        #expect(several.draft?.answers["director_phone"] == nil)

        var empty = try Self.atPhoneQuestion()
        let none = render(empty.message(.contacts([Self.card("Kantor", [])])))
        #expect(none.contains("Kartu kontak itu tidak berisi nomor telepon."), "\(none)")
        #expect(none.contains("Nomor WhatsApp direksi"), "\(none)")

        var landline = try Self.atPhoneQuestion()
        let refused = render(landline.message(.contacts([Self.card("Kantor", [("021 555 1234", nil)])])))
        #expect(refused.contains("nomor telepon kantor atau rumah"), "\(refused)")
        #expect(!refused.contains("Nomor dari kartu kontak"), "\(refused)")
        #expect(landline.draft?.answers["director_phone"] == nil)
    }

    /// With a ticket open, a location or a card reaches staff as text, a location with a map link: both were
    /// answered "kami tidak memerlukan lokasi" and lost to staff.
    @Test func aLocationOrCardWithATicketOpenReachesStaff() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [Self.ticket])
        let place = SharedLocation(latitude: -6.2, longitude: 106.8, name: "Kantor CV Maju", address: "Jl. Sudirman 1")
        let located = render(chat.message(.location(place)))
        #expect(
            located.contains(
                "appendToTicket #41: 📍 Kantor CV Maju, Jl. Sudirman 1 (-6.2, 106.8) https://maps.google.com/?q=-6.2,106.8"
            ), "\(located)")
        #expect(located.contains("Pesan Anda sudah diteruskan ke tiket #41."), "\(located)")
        let carded = render(
            chat.message(.contacts([Self.card("Bu Ani", [("0813-1111-2222", "6281311112222"), ("021 555", nil)])])))
        #expect(carded.contains("appendToTicket #41: 📇 Bu Ani: 0813-1111-2222, 021 555"), "\(carded)")
        // A message with very many cards is read up to ten of them.
        let many = chat.message(.contacts((1...50).map { Self.card("Kontak \($0)", [("0813-1111-2222", nil)]) }))
        let appended = many.compactMap { effect -> String? in
            if case .appendToTicket(_, let message) = effect { return message.text }
            return nil
        }
        #expect(appended.first?.split(separator: "\n").count == 10, "\(appended)")

        // Where staff asked for more, to that ticket, and the request still waits for "selesai".
        var asked = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [Self.ticket])
        _ = asked.event(.staffRequestedFeedback(ticket: 41, text: "Mohon kirim alamat kantor."))
        let answered = render(asked.message(.location(SharedLocation(latitude: 1.5, longitude: 2.25))))
        #expect(answered.contains("appendToTicket #41: 📍 (1.5, 2.25)"), "\(answered)")
        #expect(asked.state.step == .feedback(ticket: 41, request: "Mohon kirim alamat kantor."))
    }

    /// Without a ticket, and outside the phone question, Loket says what it takes; nothing is sent anywhere.
    @Test func aLocationOrCardWithNoTicketIsDeclined() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let located = render(chat.message(.location(SharedLocation(latitude: 1, longitude: 2))))
        #expect(located.contains("kami tidak memerlukan lokasi"), "\(located)")
        let carded = render(chat.message(.contacts([Self.card("Bu Ani", [("0813-1111-2222", nil)])])))
        #expect(carded.contains("kami memakainya saat menanyakan nomor HP"), "\(carded)")
        #expect(!located.contains("appendToTicket") && !carded.contains("appendToTicket"))
        // At the form's company name, a card is not taken as the name.
        var form = Transcript(catalogue: try Fixtures.catalogue())
        _ = form.tap("menu.registrasi")
        let atName = render(form.message(.contacts([Self.card("Pak Budi", [("0812-3456-7891", nil)])])))
        #expect(atName.contains("Tulis nama badan usaha"), "\(atName)")
        #expect(form.draft?.answers.isEmpty ?? false, "\(String(describing: form.draft))")
    }

    /// "👍" on staff's reply with a ticket open reaches staff, and the chat does not answer a reaction: it
    /// answered "Terima kasih atas reaksinya. Loket dapat menerima pesan teks…", and staff never saw it. A
    /// reaction taken back does nothing; without a ticket Loket still says what it takes.
    @Test func aReactionWithATicketOpenReachesStaffQuietly() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [Self.ticket])
        let effects = chat.message(.reaction(emoji: "👍"))
        #expect(render(effects) == "⚙ appendToTicket #41: Reaksi: 👍", "\(render(effects))")
        #expect(sentTexts(effects).isEmpty)
        #expect(chat.message(.reaction(emoji: nil)).isEmpty)
        var none = Transcript(catalogue: try Fixtures.catalogue())
        #expect(render(none.message(.reaction(emoji: "🙏"))).contains("Terima kasih atas reaksinya."))
        #expect(none.message(.reaction(emoji: nil)).isEmpty)
    }
}
