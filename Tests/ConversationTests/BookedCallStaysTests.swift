import Foundation
import Intents
import Support
import Testing

@testable import Conversation

/// With the verification call booked, what the provider writes about it that asks no new time leaves it where it
/// is, and a time the director cannot make is not taken as the time wished. "direktur ganti orang, jadi yang ikut vc
/// nanti direktur baru" and "terima kasih jadwalnya sudah saya catat" were offered new times to move the call to,
/// "kamis jam 10 direktur ga bisa" was told its own booked time was full, and "besok direktur ada rapat jam 10" held
/// that very slot.
struct BookedCallStaysTests {
    /// The call booked for Thursday 3 December at 10.00, read on Tuesday 1 December at 09.00.
    static func booked() throws -> Transcript {
        try VerificationBookingTests.chat(
            VerificationBookingTests.offer(booking: VerificationBookingTests.instant(2026, 12, 3, 10, 0)))
    }

    /// The days of a slot list's sections in `effects`, without its row for later dates.
    static func days(_ effects: [Effect]) -> [String]? {
        VerificationBookingTests.list(effects)?.map { $0.title ?? "" }.filter { $0 != "Lainnya" }
    }

    @Test(arguments: [
        "direktur ganti orang, jadi yang ikut vc nanti direktur baru",
        "vc nya nanti diwakili manajer ya min",
        "mohon maaf, nomor direktur untuk vc nanti ganti",
        "terima kasih jadwalnya sudah saya catat",
    ])
    func aMessageAboutTheCallThatAsksNoNewTimeKeepsIt(text: String) throws {
        var chat = try Self.booked()
        let answer = render(try chat.read(text))
        #expect(!answer.contains("Pilih waktu baru") && !answer.contains("holdVerificationSlot"), "\(answer)")
        #expect(answer.contains("dijadwalkan pada Kamis, 3 Desember 2026 pukul 10.00 WIB"), "\(answer)")
        #expect(answer.contains("Direktur wajib ikut"), "\(answer)")
        #expect(answer.contains("appendToTicket #1259: \(text)"), "\(answer)")
        #expect(answer.contains("sudah diteruskan ke petugas pada tiket #1259"), "\(answer)")
        #expect(chat.state.step == .idle)
    }

    @Test(arguments: ["ok siap vc nya", "siap min, vc kamis ya"])
    func aShortYesToTheBookedCallIsThanked(text: String) throws {
        var chat = try Self.booked()
        let answer = render(try chat.read(text))
        #expect(answer.contains("sampai jumpa pada Kamis, 3 Desember 2026 pukul 10.00 WIB"), "\(answer)")
        #expect(!answer.contains("Pilih waktu") && !answer.contains("penuh"), "\(answer)")
    }

    /// The booked call's own time named is no wish to move it: it was said to be full.
    @Test func theBookedTimeNamedIsNotFull() throws {
        var chat = try Self.booked()
        let answer = render(try chat.read("siap min, vc kamis jam 10 ya"))
        #expect(!answer.contains("penuh") && !answer.contains("Pilih waktu"), "\(answer)")
        #expect(answer.contains("Kamis, 3 Desember 2026 pukul 10.00 WIB"), "\(answer)")
    }

    /// A new time is still asked for: a change word, a time, a part of the day other than the call's, next week.
    @Test(arguments: [
        "bisa dimajukan?", "maaf direktur berhalangan hadir", "ganti jadwal vc, nomor direktur juga ganti",
        "minggu depan aja vc nya", "kamis siang aja", "jadwal",
    ])
    func aNewTimeAskedForStillMovesTheCall(text: String) throws {
        var chat = try Self.booked()
        let answer = render(try chat.read(text))
        #expect(answer.contains("Pilih waktu baru") || answer.contains("holdVerificationSlot"), "\(answer)")
    }

    @Test func theBookedTimeTheDirectorCannotMakeOffersOthers() throws {
        var chat = try Self.booked()
        let effects = try chat.read("kamis jam 10 direktur ga bisa")
        let answer = render(effects)
        #expect(!answer.contains("penuh"), "\(answer)")
        #expect(answer.contains("waktu selain Kamis, 3 Desember 2026 pukul 10.00 WIB"), "\(answer)")
        #expect(answer.contains("Pilih waktu baru"), "\(answer)")
        var day = try Self.booked()
        let other = try day.read("kamis direktur ada rapat")
        #expect(Self.days(other)?.contains("Kamis, 3 Des") == false, "\(render(other))")
        #expect(render(other).contains("waktu selain Kamis, 3 Desember 2026"), "\(render(other))")
    }

    /// A time the director cannot make that is not the booked call's leaves the call where it is.
    @Test func anotherTimeTheDirectorCannotMakeKeepsTheCall() throws {
        var chat = try Self.booked()
        let answer = render(try chat.read("besok direktur ada rapat jam 10"))
        #expect(!answer.contains("holdVerificationSlot") && !answer.contains("Pilih waktu"), "\(answer)")
        #expect(answer.contains("dijadwalkan pada Kamis, 3 Desember 2026 pukul 10.00 WIB"), "\(answer)")
        #expect(chat.state.step == .idle)
    }

    @Test func aTimeTheDirectorCannotMakeIsNotHeldWhileTheTimesAreOffered() throws {
        var chat = try VerificationBookingTests.offered()
        let effects = try chat.read("besok direktur ada rapat jam 10")
        let answer = render(effects)
        #expect(!answer.contains("holdVerificationSlot"), "\(answer)")
        #expect(answer.contains("waktu selain Rabu, 2 Desember 2026 pukul 10.00 WIB"), "\(answer)")
        let rows = VerificationBookingTests.list(effects)?.first?.rows.map(\.title) ?? []
        #expect(rows.first == "11.00–11.30 WIB", "\(rows)")
    }

    @Test func theDayAfterABusyOneIsTheWish() throws {
        var chat = try VerificationBookingTests.offered()
        let effects = try chat.read("rabu direktur sibuk, kamis bisa")
        #expect(Self.days(effects) == ["Kamis, 3 Des"], "\(render(effects))")
    }

    @Test func daysUntilTheDirectorIsBackAreLeftOut() throws {
        var chat = try VerificationBookingTests.offered()
        let effects = try chat.read("direktur dinas luar kota sampai jumat")
        let answer = render(effects)
        #expect(Self.days(effects) == ["Senin, 7 Des"], "\(answer)")
        #expect(answer.contains("waktu setelah Jumat, 4 Desember 2026"), "\(answer)")
    }

    /// "kamis pagi direktur ada rapat, siangnya bisa": Thursday's afternoon, not every day but Thursday.
    @Test func aBusyMorningLeavesTheDaysAfternoon() throws {
        var chat = try VerificationBookingTests.offered()
        let effects = try chat.read("kamis pagi direktur ada rapat, siangnya bisa")
        let answer = render(effects)
        #expect(answer.contains("waktu selain Kamis, 3 Desember 2026 pagi"), "\(answer)")
        #expect(Self.days(effects) == ["Kamis, 3 Des"], "\(answer)")
        let rows = VerificationBookingTests.list(effects)?.first?.rows.map(\.title) ?? []
        #expect(rows == ["12.30–13.00 WIB"], "\(rows)")
    }

    /// "jumat direktur ga sibuk" says Friday suits: its slots, not every day but Friday.
    @Test func aDayTheDirectorIsNotBusyIsTheWish() throws {
        var chat = try VerificationBookingTests.offered()
        let effects = try chat.read("jumat direktur ga sibuk")
        #expect(Self.days(effects) == ["Jumat, 4 Des"], "\(render(effects))")
    }

    /// Away past the last day the calls can be booked: said so, with the latest times, not every time from today
    /// under "times after" that day.
    @Test func awayPastTheLastDayIsSaid() throws {
        var chat = try VerificationBookingTests.offered()
        let answer = render(try chat.read("direktur cuti sampai tanggal 7"))
        #expect(answer.contains("hanya bisa dipilih sampai Senin, 7 Desember 2026"), "\(answer)")
        #expect(!answer.contains("waktu setelah"), "\(answer)")
    }
}

/// With the call booked and no reminder yet, "the director will join, thanks" was relayed to staff and "direktur
/// insyaallah hadir, terima kasih" answered "Sama-sama"; "direktur tidak bisa hadir" was relayed with the call left
/// as booked, and, while the times were offered, got "Maaf, waktunya belum saya pahami". Each message read with the
/// shipped recognizer.
struct AttendanceSaidTests {
    @Test(arguments: [
        ("the director will join, thanks", "Thank you, see you on Thursday 3 December 2026 at 10:00 WIB."),
        ("direktur insyaallah hadir, terima kasih", "Terima kasih, sampai jumpa pada Kamis, 3 Desember 2026"),
        ("direktur bisa hadir", "Terima kasih, sampai jumpa pada Kamis, 3 Desember 2026"),
    ])
    func attendanceSaidIsThanked(text: String, said: String) throws {
        var chat = try BookedCallStaysTests.booked()
        let answer = render(try chat.read(text))
        #expect(answer.contains(said), "\(answer)")
        #expect(!answer.contains("appendToTicket") && chat.state.step == .idle, "\(answer)")
    }

    @Test(arguments: ["direktur tidak bisa hadir", "maaf direktur gak bisa hadir min", "the director cannot attend"])
    func theDirectorUnableToComeIsOfferedOtherTimes(text: String) throws {
        var chat = try BookedCallStaysTests.booked()
        let answer = render(try chat.read(text))
        // Written in English, it is answered in English.
        let offered =
            text.hasPrefix("the ")
            ? "Choose a new time for the verification video call of ticket #1259"
            : "Pilih waktu baru untuk video call verifikasi tiket #1259"
        #expect(answer.contains(offered), "\(answer)")
        #expect(chat.state.step.isBooking, "\(answer)")
    }

    @Test func whileTheTimesAreOfferedWhichWouldSuitIsAsked() throws {
        var chat = try VerificationBookingTests.offered()
        let answer = render(try chat.read("direktur tidak bisa hadir"))
        #expect(answer.contains("Ketik hari dan jam yang bisa untuk direktur"), "\(answer)")
        #expect(!answer.contains("belum saya pahami") && chat.state.invalidAnswers == 0, "\(answer)")
    }
}

/// A booked call asked to be put later or earlier is offered the free times after it or before it: "bisa
/// diundur?" was offered the days before the call first.
struct LaterOrEarlierCallTests {
    @Test(arguments: ["bisa diundur min?", "vc nya ditunda dulu ya, direktur sakit", "jadwal vc nya mundur bisa?"])
    func laterOffersTheTimesAfterTheCall(text: String) throws {
        var chat = try BookedCallStaysTests.booked()
        let effects = try chat.read(text)
        let days = BookedCallStaysTests.days(effects)
        #expect(days == ["Kamis, 3 Des", "Jumat, 4 Des", "Senin, 7 Des"], "\(render(effects))")
        let rows = try #require(VerificationBookingTests.list(effects)).flatMap(\.rows).map(\.title)
        #expect(rows.prefix(2) == ["11.00–11.30 WIB", "12.30–13.00 WIB"], "after 10.00 on its day: \(rows)")
    }

    @Test func laterInEnglish() throws {
        var chat = try BookedCallStaysTests.booked()
        let effects = try chat.read("can we postpone the call?")
        #expect(BookedCallStaysTests.days(effects) == ["Thu 3 Dec", "Fri 4 Dec", "Mon 7 Dec"], "\(render(effects))")
    }

    @Test(arguments: ["jadwalnya bisa dimajukan?", "vc nya lebih cepat bisa?"])
    func earlierOffersTheTimesBeforeTheCall(text: String) throws {
        var chat = try BookedCallStaysTests.booked()
        let effects = try chat.read(text)
        #expect(BookedCallStaysTests.days(effects) == ["Rabu, 2 Des"], "\(render(effects))")
    }

    /// The wishes hold together: next week's slots after the call; any time after it takes the first of them.
    @Test func wishesInWordsHoldTogether() throws {
        var nextWeek = try BookedCallStaysTests.booked()
        let week = try nextWeek.read("diundur minggu depan aja")
        #expect(BookedCallStaysTests.days(week) == ["Senin, 7 Des"], "\(render(week))")
        var anytime = try BookedCallStaysTests.booked()
        let held = render(try anytime.read("diundur aja min, terserah jamnya"))
        #expect(held.contains("Kamis, 3 Desember 2026 pukul 11.00 WIB"), "the first free time after it: \(held)")
    }

    /// Nothing free before the call: every free time is offered, as for a change of time.
    @Test func earlierWithNothingBeforeOffersEveryTime() throws {
        var chat = try VerificationBookingTests.chat(
            VerificationBookingTests.offer(booking: VerificationBookingTests.instant(2026, 12, 2, 9, 30)))
        let effects = try chat.read("bisa dimajukan?")
        let days = BookedCallStaysTests.days(effects)
        #expect(days == ["Rabu, 2 Des", "Kamis, 3 Des", "Jumat, 4 Des"], "\(render(effects))")
    }
}
