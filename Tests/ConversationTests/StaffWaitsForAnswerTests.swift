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

    /// Staff asked on the ticket ("Apakah direktur bisa dihubungi hari ini?") and the answer reads like the office
    /// hours ("bisa min, jam 2 siang"): it got the hours and the ticket's status before "Pesan Anda sudah
    /// diteruskan". It is staff's answer alone; a question about the hours still gets them.
    @Test(arguments: [
        ("bisa min, jam 2 siang", false), ("direktur bisa besok pagi jam 10", false),
        ("kantor lpse buka jam berapa?", true),
    ])
    func anAnswerToStaffThatNamesATimeIsTheirs(text: String, answered: Bool) throws {
        var chat = try Self.chat()
        _ = chat.event(.staffReplied(ticket: 31, text: "Apakah direktur bisa dihubungi hari ini?"))
        let answer = render(try chat.read(text))
        #expect(answer.contains("appendToTicket #31: \(text)"), "\(answer)")
        #expect(answer.contains("Layanan helpdesk") == answered, "\(answer)")
        #expect(!answer.contains("Status:"), "\(answer)")
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
