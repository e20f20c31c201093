import Testing

@testable import Conversation

/// "berapa lama proses verifikasi?" was answered with the handling times of "permintaan layanan", "permasalahan"
/// and "gangguan", categories a provider does not know: the answer names the services each time is for, and when
/// the verification call is held.
struct ProcessingTimeAnswerTests {
    @Test(arguments: [
        ("berapa lama proses verifikasi?", "verifikasi berkas", "10.00–14.00 WIB"),
        ("verifikasi berapa hari?", "verifikasi berkas", "10.00–14.00 WIB"),
        ("hi, how long does verification take?", "document checks", "10:00–14:00 WIB"),
    ])
    func theAnswerNamesTheServicesAndTheCallsHours(text: String, service: String, hours: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(try chat.read(text))
        #expect(answer.contains(service) && answer.contains(hours), "\(answer)")
        #expect(!answer.contains("permintaan layanan") && !answer.contains("Service requests"), "\(answer)")
    }
}
