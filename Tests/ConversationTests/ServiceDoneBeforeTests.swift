import Foundation
import Intents
import Support
import Testing

@testable import Conversation

/// "sy udh daftar tp blm bs login2 udh seminggu" registered before and asks about it: no new registration
/// starts. "mau daftar lagi, yang kemarin sudah daftar ditolak" asks for one.
@Suite struct ServiceDoneBeforeTests {
    @Test(arguments: ["sy udh daftar tp blm bs login2 udh seminggu", "saya pernah registrasi tapi belum ada kabar"])
    func aServiceDoneBeforeDoesNotStart(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(chat.type(text, .checkStatus, confidence: 0.536))
        #expect(!answer.contains("kita mulai permohonan"), "\(answer)")
        #expect(chat.draft == nil)
    }

    /// A change already made in the world is what a data change records: "sudah" before a word of `changed`
    /// does not make it a request done before.
    @Test(arguments: ["email kami sudah berubah", "min, direktur pt kami sudah diganti", "alamat kantor udh pindah"])
    func aChangeAlreadyMadeStartsTheDataChange(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(chat.type(text))
        #expect(answer.contains("kita mulai permohonan Verifikasi Perubahan Data"), "\(answer)")
        #expect(chat.draft?.serviceID == "perubahan_data")
    }

    @Test func aServiceAskedForAgainStarts() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(
            chat.type("mau daftar lagi, yang kemarin sudah daftar ditolak", .checkStatus, confidence: 0.5))
        #expect(answer.contains("kita mulai permohonan Registrasi"), "\(answer)")
    }
}
