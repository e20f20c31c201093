import Foundation
import Intents
import Testing

@testable import Conversation

/// An official named as who asked for something is not the request: "pokja minta saya update data perusahaan"
/// started a tender problem (the Pokja's word) with the provider taken to be the Pokja, where it asks for a data
/// change.
struct ReportedSpeakerTests {
    @Test(arguments: [
        ("pokja minta saya update data perusahaan", "perubahan_data"),
        ("diminta ppk untuk ganti email akun", "perubahan_data"),
        ("kata pokja penawaran saya gugur karena dokumen tidak lengkap", "tender"),
    ])
    func theRequestIsWhatTheOfficialAskedFor(text: String, service: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(try chat.read(text))
        #expect(chat.draft?.serviceID == service, "\(answer)")
        #expect(chat.draft?.answers["role"] != "Pokja/PP", "\(answer)")
    }

    @Test func aMessageOnlyReportingAnOfficialStartsNoTenderProblem() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(try chat.read("pokja minta kami perbarui data kbli di sikap"))
        #expect(chat.draft?.serviceID != "tender", "\(answer)")
    }

    /// An official who says they are one is still taken at their word.
    @Test func anOfficialSayingSoIsTheRole() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(try chat.read("saya pokja, paket 10234567 tidak bisa diumumkan"))
        #expect(chat.draft?.serviceID == "tender", "\(answer)")
        #expect(chat.draft?.answers["role"] == "Pokja/PP", "\(answer)")
    }
}
