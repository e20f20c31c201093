import Intents
import Testing

@testable import Conversation

/// The ids of the buttons and rows the conversation offers read back as what they stand for.
struct ReplyIDTests {
    static let every: [ReplyID] = [
        .menu("registrasi"), .faq("lupa-password"), .form(.pt), .form(.perorangan), .option(0), .option(7),
        .ownNumber, .consentYes, .consentNo, .summaryConfirm, .summaryChange, .summaryCancel,
        .change(field: "npwp"), .changeDescription, .changeDocuments, .ticket(1259), .noTicket,
        .feedbackDone(ticket: 12), .resolved(ticket: 12), .notResolved(ticket: 12), .surveyAnswer(4), .surveySkip,
        .surveyResume, .resumeContinue, .resumeRestart, .showMenu, .askStaff, .cancel,
    ]

    @Test func everyIdReadsBackAsWhatItStandsFor() {
        for reply in Self.every {
            #expect(ReplyID(rawValue: reply.rawValue) == reply, "\(reply.rawValue)")
        }
        #expect(Set(Self.every.map(\.rawValue)).count == Self.every.count, "two replies share an id")
    }

    @Test(arguments: ["", "menu.", "ticket.abc", "form.LLC", "resolve.ok.", "survey.", "hello", "global.back"])
    func anIdNeverOfferedReadsAsNothing(_ id: String) {
        #expect(ReplyID(rawValue: id) == nil)
    }
}
