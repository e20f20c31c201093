import Foundation
import Intents
import Testing

@testable import Conversation

/// A first message in English with one function word, "my tender submission failed, package 10234567", was
/// answered in Indonesian; "why is my account locked?", read as a status check with no ticket open, got "You have
/// no open tickets." and the menu, with the question dropped; "hi, I need to change our company's director data"
/// got the menu, its possessive hiding the service's words ("our company director"), with a straight or a curly
/// apostrophe, as phones type either. Each message read with the shipped recognizer.
struct EnglishRequestTests {
    @Test(arguments: [
        ("my tender submission failed, package 10234567", "tender"), ("I forgot my account password", "reset_password"),
        ("why is my account locked?", "reset_password"), ("why did my tender submission fail?", "tender"),
        ("hi, I need to change our company's director data", "perubahan_data"),
        ("hi, I need to change our company\u{2019}s director data", "perubahan_data"),
        ("We need to update the company's address in SPSE", "perubahan_data"),
        ("My company's director changed, how do I update it?", "perubahan_data"),
    ])
    func anEnglishRequestStartsInEnglish(text: String, service: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(try chat.read(text))
        #expect(chat.draft?.serviceID == service, "\(answer)")
        #expect(answer.contains("All right, let us start your request"), "\(answer)")
    }

    /// Chat Indonesian borrows "failed", "upload", "cannot": still Indonesian.
    @Test(arguments: ["upload penawaran failed terus min", "akun saya di suspend, cannot login"])
    func borrowedWordsKeepIndonesian(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(try chat.read(text))
        #expect(answer.contains("Baik, kita mulai permohonan"), "\(answer)")
    }

    /// Something not done yet, or a status named, is still a status question: with no ticket, how to reach staff
    /// about a request made elsewhere, with the English command word.
    @Test(arguments: ["why is my registration still not verified?", "why is my account still locked?"])
    func aStatusAskedWithoutATicketSaysHowToReachStaff(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(try chat.read(text))
        #expect(chat.draft == nil, "\(answer)")
        #expect(answer.contains("You have no open tickets."), "\(answer)")
    }

    @Test func theStatusHintNamesTheEnglishCommand() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(try chat.read("why is my registration still not verified?"))
        #expect(answer.contains("type *staff*"), "\(answer)")
    }
}
