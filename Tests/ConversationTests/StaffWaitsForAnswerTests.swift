import Conversation
import Foundation
import Intents
import Testing

/// Where staff wait for the provider's answer (they asked for more, or the provider said the resolved ticket is
/// not solved), a sentence reaches them whatever else the recognizer reads it as: "nib nya blm ada min, masih
/// proses di oss. gpp kah?", read as a status check, got the ticket's status and never reached staff, and a reason
/// asked as a question did not reopen the ticket.
struct StaffWaitsForAnswerTests {
    static func chat() throws -> Transcript {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        chat.context.openTickets = [
            TicketSummary(
                number: 31, title: "Registrasi CV Maju Terus", stateText: "Menunggu tanggapan Anda",
                waitingOn: "Anda", due: nil)
        ]
        return chat
    }

    @Test(arguments: [
        ("nib nya blm ada min, masih proses di oss. gpp kah?", Intent.checkStatus, 0.82),
        ("akta nya masih di notaris, kapan paling lambat dikirim?", .schedule, 0.7),
        ("jam kerja kantor saya sampai sore, boleh dikirim besok?", .hours, 0.8),
    ])
    func aSentenceWhereStaffAskedForMoreReachesThem(text: String, intent: Intent, confidence: Double) throws {
        var chat = try Self.chat()
        _ = chat.event(.staffRequestedFeedback(ticket: 31, text: "Mohon kirim akta pendirian dan NIB."))
        let answer = render(chat.type(text, intent, confidence: confidence))
        #expect(answer.contains("appendToTicket #31: \(text)"), "\(answer)")
        #expect(answer.contains("Pesan diteruskan ke tiket #31"), "\(answer)")
        #expect(!answer.contains("Status:") && !answer.contains("Layanan helpdesk"), "\(answer)")
    }

    /// A command typed as its keyword still runs there, and a short question still gets the bot's own answer.
    @Test func aCommandOrAShortQuestionWhereStaffAskedForMoreIsNoAnswer() throws {
        var chat = try Self.chat()
        _ = chat.event(.staffRequestedFeedback(ticket: 31, text: "Mohon kirim akta pendirian dan NIB."))
        let status = render(chat.type("status", .checkStatus, confidence: 0.99))
        #expect(status.contains("Tiket #31") && !status.contains("appendToTicket"), "\(status)")
        let asked = render(chat.type("statusnya gimana?", .checkStatus, confidence: 0.95))
        #expect(!asked.contains("appendToTicket"), "\(asked)")
    }

    @Test(arguments: [
        ("masih ga bisa login, kenapa ya?", Intent.checkStatus, 0.85),
        ("email aktivasi belum masuk juga sampai sekarang", .checkStatus, 0.9),
    ])
    func aReasonTheTicketIsNotSolvedReopensItWhateverItReadsAs(text: String, intent: Intent, confidence: Double)
        throws
    {
        var chat = try Self.chat()
        _ = chat.event(.ticketResolved(ticket: 31, note: "Akun sudah aktif."))
        _ = chat.tap("resolve.no.31")
        let effects = chat.type(text, intent, confidence: confidence)
        #expect(effects.first == .reopen(ticket: 31, message: text), "\(render(effects))")
    }
}

/// The company's name as typed with how staff are addressed, or a word of correction, around it: "CV Sinar Jaya ya
/// min" was stored as "Sinar Jaya ya min", and "eh salah, CV Sinar Jaya maksudnya" after "PT Sinar" changed the
/// company to "CV Sinar Jaya Maksudnya".
struct WordsAroundTheCompanyTests {
    @Test func theNameIsStoredWithoutTheWordsAroundIt() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        let text = "CV Sinar Jaya ya min"
        _ = chat.type(text, entities: EntityExtractor().extract(from: text, now: Date()))
        #expect(chat.draft?.answers["company"] == "Sinar Jaya")
        #expect(chat.draft?.businessForm == .cv)
    }

    @Test func aCorrectionNamesTheCompanyAlone() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        _ = chat.type("PT Sinar", entities: EntityExtractor().extract(from: "PT Sinar", now: Date()))
        let text = "eh salah, CV Sinar Jaya maksudnya"
        let answer = render(chat.type(text, entities: EntityExtractor().extract(from: text, now: Date())))
        #expect(chat.draft?.answers["company"] == "Sinar Jaya", "\(answer)")
        #expect(answer.contains("CV Sinar Jaya.") || answer.contains("CV Sinar Jaya\n"), "\(answer)")
    }
}

/// A short message asking in a service's `asking.<id>` words is kept while the menu is asked, however unsure the
/// recognizer is: "mo tanya2 soal e-katalog" (a request at 0.66) got the menu and was gone.
struct AskingInAServicesWordsTests {
    @Test(arguments: ["mo tanya2 soal e-katalog", "mau nanya soal e-katalog"])
    func aShortQuestionInAServicesWordsIsKept(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(chat.type(text, .createTicket, confidence: 0.66))
        #expect(answer.contains("Pesan Anda kami catat"), "\(answer)")
        #expect(chat.state.messagesBeforeRequest?.map(\.text) == [text])
    }
}
