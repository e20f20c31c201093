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

    @Test func aServiceAskedForAgainStarts() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(
            chat.type("mau daftar lagi, yang kemarin sudah daftar ditolak", .checkStatus, confidence: 0.5))
        #expect(answer.contains("kita mulai permohonan Registrasi"), "\(answer)")
    }
}
