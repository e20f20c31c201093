import Foundation
import Intents
import Support
import Testing

@testable import Conversation

/// A provider who asks Loket to stop sending what they did not ask for ("stop", "jangan kirim pesan lagi") is
/// told what still comes, gets no survey when a ticket closes, and loses a survey put off with its reminder;
/// inside a form "stop" still quits it, and "aktifkan pesan" brings surveys back.
struct StopMessagesTests {
    @Test(arguments: [
        ("tolong jangan kirim pesan lagi", Intent.unknown), ("stop", .cancel), ("STOP!", .cancel),
        ("berhenti", .cancel), ("ga usah kirim pesan lagi min", .unknown),
    ])
    func noSurveyComesAfterMessagesWereStopped(text: String, intent: Intent) throws {
        let ticket = TicketSummary(
            number: 9, title: "Registrasi", stateText: "Diproses", waitingOn: "petugas", due: nil)
        var chat = Transcript(
            catalogue: try Fixtures.catalogue(), openTickets: [ticket], survey: try SurveyInWordsTests.shipped())
        let stopped = render(chat.type(text, intent, confidence: 0.9))
        #expect(stopped.contains("kami tidak akan mengirim survei atau pesan lain"), "\(stopped)")
        #expect(stopped.contains("appendToTicket #9"), "staff read it: \(stopped)")
        #expect(chat.state.messagesStoppedAt != nil)
        let closed = render(chat.event(.ticketClosed(ticket: 9)))
        #expect(closed.contains("Tiket #9 telah ditutup. Terima kasih."), "\(closed)")
        #expect(!closed.contains("(1/8)") && !closed.contains("schedule"), "no survey: \(closed)")
        #expect(chat.state.step == .idle)

        let allowed = render(chat.type("aktifkan pesan lagi ya", .unknown))
        #expect(allowed.contains("survei kepuasan akan kami kirim lagi"), "\(allowed)")
        let next = render(chat.event(.ticketClosed(ticket: 10)))
        #expect(next.contains("(1/8)"), "the survey comes again: \(next)")
    }

    @Test func anEnglishRequestIsAnsweredInEnglish() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), survey: try SurveyInWordsTests.shipped())
        let stopped = render(chat.type("please stop sending me messages", .unknown))
        #expect(stopped.contains("we will not send surveys or other messages you did not ask for"), "\(stopped)")
        #expect(chat.state.messagesStoppedAt != nil)
    }

    @Test func aSurveyPutOffIsDroppedWithItsReminder() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), survey: try SurveyInWordsTests.shipped())
        _ = chat.event(.ticketClosed(ticket: 7))
        _ = chat.type("4")
        _ = chat.type("nanti aja surveynya", .cancel, confidence: 0.9)
        #expect(chat.state.parkedSurvey?.ticket == 7)
        let stopped = render(chat.type("jangan kirim pesan lagi", .unknown))
        #expect(stopped.contains("cancelTimer surveyReminder(ticket: 7)"), "\(stopped)")
        #expect(chat.state.parkedSurvey == nil)
        #expect(render(chat.event(.surveyReminderDue(ticket: 7))).isEmpty, "no reminder comes")
    }

    @Test func stopInsideAFormStillQuitsIt() throws {
        var chat = try Transcript.atRegistrationChecklist()
        let quit = render(chat.type("stop", .cancel, confidence: 0.97))
        #expect(!quit.contains("kami tidak akan mengirim survei"), "\(quit)")
        #expect(chat.state.messagesStoppedAt == nil)
        #expect(chat.draft == nil, "the form was quit: \(quit)")
    }
}
