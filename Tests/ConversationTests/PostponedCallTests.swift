import Foundation
import Intents
import Testing

@testable import Conversation

/// "direktur sedang sakit, bisa ditunda minggu depan?" with the call booked got the office hours: "ditunda"
/// (postponed) was no word about the call. Read with the shipped recognizer.
struct PostponedCallTests {
    @Test(arguments: [
        ("direktur sedang sakit, bisa ditunda minggu depan?", "minggu depan, mulai Senin"),
        ("can we postpone the call to next week?", "next week, from Monday"),
    ])
    func aCallPostponedToNextWeekIsOfferedItsTimes(text: String, said: String) throws {
        var chat = try BookedCallStaysTests.booked()
        let answer = render(try chat.read(text))
        #expect(answer.contains(said), "\(answer)")
        #expect(answer.contains("appendToTicket #1259"), "the reason reaches staff: \(answer)")
        #expect(!answer.contains("Layanan helpdesk") && !answer.contains("Helpdesk hours"), "\(answer)")
        #expect(chat.state.step.isBooking, "\(answer)")
    }

    @Test func aCallPostponedIsOfferedNewTimes() throws {
        var chat = try BookedCallStaysTests.booked()
        let answer = render(try chat.read("vc nya ditunda dulu ya min"))
        #expect(answer.contains("Pilih waktu baru untuk video call verifikasi tiket #1259"), "\(answer)")
    }
}
