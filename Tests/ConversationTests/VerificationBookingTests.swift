import Foundation
import Intents
import Support
import Testing

@testable import Conversation

/// Booking the verification video call in the chat: the list grouped by day, wishes in Indonesian and
/// English, impossible wishes with their reason, typing instead of tapping, holds, reminders, moves and
/// cancellations.
struct VerificationBookingTests {
    /// Tuesday 1 December 2026, 09:00 WIB.
    static let now = instant(2026, 12, 1, 9, 0)

    static func instant(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int) -> Date {
        JakartaTime.instant(
            day: LocalDate(year: year, month: month, day: day)!.dayNumber, second: hour * 3600 + minute * 60)
    }

    /// Free: Wed 2 Dec 10.00, 10.30, 11.00, 13.30; Thu 3 Dec 10.00, 11.00, 12.30; Fri 4 Dec 10.00–13.30;
    /// Mon 7 Dec 10.00, 12.00. Weekends and Christmas are closed.
    static func offer(booking: Date? = nil, hold: Date? = nil, directorNumber: String? = "+6281311223344")
        -> VerificationOffer
    {
        var free = [
            instant(2026, 12, 2, 10, 0), instant(2026, 12, 2, 10, 30), instant(2026, 12, 2, 11, 0),
            instant(2026, 12, 2, 13, 30), instant(2026, 12, 3, 10, 0), instant(2026, 12, 3, 11, 0),
            instant(2026, 12, 3, 12, 30),
        ]
        free += stride(from: 0, to: 8, by: 1).map { instant(2026, 12, 4, 10, 0).addingTimeInterval(Double($0) * 1800) }
        free += [instant(2026, 12, 7, 10, 0), instant(2026, 12, 7, 12, 0)]
        var closed: [Int: VerificationOffer.DayClosure] = [:]
        for day in [5, 6, 12, 13, 19, 20] { closed[LocalDate(year: 2026, month: 12, day: day)!.dayNumber] = .weekend }
        closed[LocalDate(year: 2026, month: 12, day: 25)!.dayNumber] = .holiday("Hari Raya Natal")
        return VerificationOffer(
            ticket: 1259, serviceID: "registrasi", businessForm: .pt, booking: booking, hold: hold,
            freeSlots: free.filter { $0 != booking }, earliest: instant(2026, 12, 1, 11, 0),
            horizonEnd: instant(2026, 12, 16, 0, 0), closedDays: closed,
            callerNumber: "0811-2345-678", directorNumber: directorNumber)
    }

    static func chat(_ offer: VerificationOffer? = offer()) throws -> Transcript {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        chat.now = Self.now
        chat.context.verification = offer
        chat.context.openTickets = [
            TicketSummary(
                number: 1259, title: "Registrasi PT Maju Jaya", stateText: "Diproses", waitingOn: "petugas", due: nil)
        ]
        return chat
    }

    /// The slots offered once staff found the documents complete.
    static func offered() throws -> Transcript {
        var chat = try Self.chat()
        _ = chat.event(.verificationReady(ticket: 1259))
        return chat
    }

    /// What the recognizer makes of a wish: the schedule intent with the time it names.
    static func wish(_ text: String, intent: Intent = .schedule) -> Classification {
        var entities = Entities()
        if let resolved = TimeExpressionParser(now: Self.now).parse(text) {
            entities.datetime = resolved.date
            entities.datetimeIncludesTime = resolved.includesTime
            entities.datetimeIncludesDay = resolved.includesDay
        }
        return Classification(intent: intent, confidence: 0.9, entities: entities)
    }

    static func list(_ effects: [Effect]) -> [ReplySection]? {
        for case .send(.list(_, _, let sections)) in effects { return sections }
        return nil
    }

    @Test func documentsCompleteOffersSlotsGroupedByDayWithinMetasLimits() throws {
        var chat = try Self.chat()
        let effects = chat.event(.verificationReady(ticket: 1259))
        let text = render(effects)
        #expect(text.contains("Dokumen tiket #1259 sudah lengkap"))
        let sections = try #require(Self.list(effects))
        #expect(sections.map(\.title) == ["Rabu, 2 Des", "Kamis, 3 Des", "Jumat, 4 Des", "Lainnya"])
        let rows = sections.flatMap(\.rows)
        #expect(rows.count <= 10 && rows.allSatisfy { $0.title.count <= 24 })
        #expect(sections.compactMap(\.title).allSatisfy { $0.count <= 24 })
        #expect(rows.first?.title == "10.00–10.30 WIB")
        #expect(rows.last?.title == "Tanggal lain")
        // "Tanggal lain": Monday's slots.
        let later = try #require(Self.list(chat.tap("slot.later")))
        #expect(later.first?.title == "Senin, 7 Des")
    }

    @Test func aTappedSlotIsHeldThenBookedWithEverythingTheDirectorNeeds() throws {
        var chat = try Self.offered()
        let slot = Self.instant(2026, 12, 2, 10, 30)
        let held = render(chat.tap("slot.\(Int(slot.timeIntervalSince1970))"))
        #expect(held.contains("⚙ holdVerificationSlot #1259 02/12/2026 10:30 WIB"))
        #expect(held.contains("Anda memilih Rabu, 2 Desember 2026 pukul 10.30 WIB. Waktu ini kami tahan 5 menit"))
        #expect(held.contains("[Ya, pilih ini] [Waktu lain]"))
        chat.context.verification = Self.offer(hold: slot)
        let booked = render(chat.tap("slot.confirm"))
        #expect(booked.contains("⚙ bookVerification #1259 02/12/2026 10:30 WIB"))
        #expect(booked.contains("dijadwalkan pada Rabu, 2 Desember 2026 pukul 10.30 WIB"))
        #expect(booked.contains("dari 0811-2345-678"))
        #expect(booked.contains("dokumen asli") && booked.contains("• KTP/KITAS Direktur"))
        #expect(booked.contains("*ganti jadwal*") && booked.contains("*batalkan jadwal*"))
        #expect(booked.contains("paling lambat Rabu, 2 Desember 2026 pukul 08.30 WIB"), "two hours before: \(booked)")
        #expect(chat.state.step == .idle)
    }

    @Test(arguments: [
        ("besok jam 11", "holdVerificationSlot #1259 02/12/2026 11:00 WIB"),
        ("bisa vc hari jumat jam 12.30?", "holdVerificationSlot #1259 04/12/2026 12:30 WIB"),
        ("tomorrow 11am", "holdVerificationSlot #1259 02/12/2026 11:00 WIB"),
    ])
    func aWishForAFreeSlotHoldsIt(text: String, expected: String) throws {
        var chat = try Self.offered()
        #expect(render(chat.type(text, .schedule, entities: Self.wish(text).entities)).contains(expected))
    }

    @Test func aDayOrAPartOfTheDayOffersThatDaysSlots() throws {
        var chat = try Self.offered()
        let thursday = try #require(
            Self.list(chat.type("kamis pagi", .schedule, entities: Self.wish("kamis pagi").entities)))
        #expect(thursday.flatMap(\.rows).map(\.title) == ["10.00–10.30 WIB", "11.00–11.30 WIB", "Tanggal lain"])
        let monday = try #require(
            Self.list(chat.type("senin depan siang", .schedule, entities: Self.wish("senin depan siang").entities)))
        #expect(monday.flatMap(\.rows).map(\.title) == ["12.00–12.30 WIB"], "no later day has an afternoon slot")
    }

    @Test(arguments: [
        ("sabtu jam 10", "Hari Sabtu tidak ada jadwal verifikasi"),
        (
            "besok jam 15.00",
            "Pukul 15.00 sudah lewat jam verifikasi (10.00–14.00 WIB): video call terakhir dimulai pukul 13.30 WIB."
        ),
        (
            "besok jam 2 siang",
            "Pukul 14.00 sudah lewat jam verifikasi (10.00–14.00 WIB): video call terakhir dimulai pukul 13.30 WIB."
        ),
        (
            "besok jam 8 pagi",
            "Pukul 08.00 belum masuk jam verifikasi (10.00–14.00 WIB): video call pertama dimulai pukul 10.00 WIB."
        ),
        ("tgl 25 des jam 10", "adalah hari libur (Hari Raya Natal)"),
        ("hari ini jam 10", "Waktu itu terlalu dekat. Jadwal paling cepat: Rabu, 2 Desember 2026 pukul 10.00 WIB."),
        ("besok jam 12", "Rabu, 2 Desember 2026 pukul 12.00 WIB sudah penuh."),
        ("tgl 28 des jam 10", "Jadwal verifikasi hanya bisa dipilih sampai Senin, 7 Desember 2026."),
    ])
    func anImpossibleWishSaysWhyAndOffersTheNearest(text: String, reason: String) throws {
        var chat = try Self.offered()
        let effects = chat.type(text, .schedule, entities: Self.wish(text).entities)
        let answer = render(effects)
        #expect(answer.contains(reason), "\(answer)")
        #expect(Self.list(effects)?.isEmpty == false, "free slots are offered at once")
        #expect(!answer.contains("holdVerificationSlot"))
    }

    /// "tgl 25 des bisa?", a holiday past the days offered: the holiday and the last day are both said, and the
    /// slots offered are the latest ones, closest to the wish, not the earliest.
    @Test func aHolidayPastTheDaysOfferedOffersTheLatestSlots() throws {
        var chat = try Self.offered()
        let text = "tgl 25 des bisa?"
        let effects = chat.type(text, .schedule, entities: Self.wish(text).entities)
        let answer = render(effects)
        #expect(answer.contains("hari libur (Hari Raya Natal)"), "\(answer)")
        #expect(answer.contains("hanya bisa dipilih sampai Senin, 7 Desember 2026"), "\(answer)")
        let days = Self.list(effects)?.map(\.title) ?? []
        #expect(days.contains("Senin, 7 Des") && !days.contains("Rabu, 2 Des"), "\(days)")
    }

    /// A reason given while choosing reaches the ticket for staff: "direktur lagi di luar negeri sampai akhir
    /// bulan" with a date past the horizon (also told how to have staff arrange one), and "direktur sedang
    /// sakit, mohon maaf" with no time at all, which is no wrong answer. Both were seen by no one.
    @Test func aReasonGivenWhileChoosingReachesTheTicket() throws {
        var chat = try Self.offered()
        let abroad = "maaf direktur lagi di luar negeri sampai akhir bulan, bisa vc tanggal 28 des?"
        let late = render(chat.type(abroad, .schedule, entities: Self.wish("tgl 28 des").entities))
        #expect(late.contains("⚙ appendToTicket #1259: " + abroad), "\(late)")
        #expect(late.contains("hanya bisa dipilih sampai") && late.contains("ketik *petugas*"), "\(late)")
        let ill = "direktur sedang sakit, mohon maaf ya min"
        let effects = chat.type(ill)
        let answer = render(effects)
        #expect(answer.contains("⚙ appendToTicket #1259: " + ill), "\(answer)")
        #expect(answer.contains("Pesan Anda kami teruskan ke petugas tiket #1259."), "\(answer)")
        #expect(!answer.contains("belum saya pahami"), "\(answer)")
        #expect(Self.list(effects)?.isEmpty == false, "the slots again: \(answer)")
        #expect(chat.state.invalidAnswers == 0)
        let short = render(chat.type("hmm"))
        #expect(!short.contains("appendToTicket") && short.contains("belum saya pahami"), "\(short)")
    }

    /// "nanti saya kabari jadwalnya" at the slots: the provider will choose later, and is told how ("ketik
    /// *jadwal*"), instead of the same list again; "jadwal" then offers the slots. A question that says more
    /// than a time ("direktur bisanya via zoom, bisa?") reaches the ticket and says so before the slots.
    @Test func aChoiceLeftForLaterIsToldHowToComeBack() throws {
        var chat = try Self.offered()
        let later = render(chat.type("nanti saya kabari jadwalnya", .schedule, confidence: 0.8))
        #expect(later.contains("ketik *jadwal* di chat ini"), "\(later)")
        #expect(chat.state.step == .idle)
        let zoom = "direktur bisanya via zoom, bisa?"
        let effects = chat.type(zoom, .schedule, confidence: 0.9)
        let answer = render(effects)
        #expect(answer.contains("⚙ appendToTicket #1259: " + zoom), "\(answer)")
        #expect(answer.contains("Pesan Anda kami teruskan ke petugas tiket #1259."), "\(answer)")
        #expect(Self.list(effects)?.isEmpty == false, "the slots again: \(answer)")
        let reason = "direktur sedang sakit, nanti kami kabari lagi ya min"
        let postponed = render(chat.type(reason, .schedule, confidence: 0.8))
        #expect(postponed.contains("⚙ appendToTicket #1259: " + reason), "\(postponed)")
        #expect(postponed.contains("ketik *jadwal* di chat ini"), "\(postponed)")
        let again = chat.type("jadwal", .schedule, confidence: 0.9)
        #expect(Self.list(again)?.isEmpty == false, "\(render(again))")
    }

    /// "senin jam 9" is outside the window and Monday's slots are shown; "jam 10 aja" then means Monday at
    /// ten, not today or tomorrow. A time alone under a list of several days keeps its own reading.
    @Test(arguments: [
        ("senin jam 9", "jam 10 aja", "holdVerificationSlot #1259 07/12/2026 10:00 WIB"),
        ("kamis jam 8", "yg jam 11", "holdVerificationSlot #1259 03/12/2026 11:00 WIB"),
        ("besok", "jam 13.30", "holdVerificationSlot #1259 02/12/2026 13:30 WIB"),
    ])
    func aTimeAloneUnderOneDaysSlotsIsOnThatDay(first: String, second: String, expected: String) throws {
        var chat = try Self.offered()
        _ = chat.type(first, .schedule, entities: Self.wish(first).entities)
        let answer = render(chat.type(second, .schedule, entities: Self.wish(second).entities))
        #expect(answer.contains(expected), "\(answer)")
    }

    /// "jam 10" under the slots of several days is the list's ten o'clock rows: today's ten, inside the lead
    /// time, was answered "Waktu itu terlalu dekat".
    @Test func aTimeAloneUnderSeveralDaysSlotsIsTheListsSuchTime() throws {
        var chat = try Self.offered()
        let effects = chat.type("jam 10", .schedule, entities: Self.wish("jam 10").entities)
        let answer = render(effects)
        #expect(!answer.contains("Waktu itu terlalu dekat"), "\(answer)")
        let rows = try #require(Self.list(effects), "\(answer)").flatMap(\.rows).filter { $0.id != "slot.later" }
        #expect(Set(rows.map(\.title)) == ["10.00–10.30 WIB"] && rows.count == 3, "\(answer)")
    }

    /// "jam 12" on a Friday evening is Monday at twelve: it was Saturday's, and answered "Hari Sabtu tidak ada
    /// jadwal verifikasi". A day named with it ("besok jam 12") is still that day.
    @Test func aTimeAloneOnAFridayEveningIsOnTheNextWorkingDay() throws {
        let friday = Self.instant(2026, 12, 4, 19, 0)
        func wish(_ text: String) -> Entities {
            var entities = Entities()
            let resolved = TimeExpressionParser(now: friday).parse(text)
            entities.datetime = resolved?.date
            entities.datetimeIncludesTime = resolved?.includesTime ?? false
            entities.datetimeIncludesDay = resolved?.includesDay ?? false
            return entities
        }
        var chat = try Self.offered()
        chat.now = friday
        let noon = render(chat.type("jam 12", .schedule, entities: wish("jam 12")))
        #expect(noon.contains("holdVerificationSlot #1259 07/12/2026 12:00 WIB"), "\(noon)")
        var full = try Self.offered()
        full.now = friday
        let eleven = render(full.type("jam 11 aja", .schedule, entities: wish("jam 11 aja")))
        #expect(eleven.contains("Senin, 7 Desember 2026 pukul 11.00 WIB sudah penuh"), "\(eleven)")
        var named = try Self.offered()
        named.now = friday
        let saturday = render(named.type("besok jam 12", .schedule, entities: wish("besok jam 12")))
        #expect(saturday.contains("Hari Sabtu tidak ada jadwal verifikasi"), "\(saturday)")
    }

    /// "kalau direktur berhalangan bisa diwakilkan?" with a call booked opened the dialog to move it (its
    /// "berhalangan" is a booking word): a question the FAQ answers is answered, reaches staff, and the call
    /// stays; where the slots were asked, they are asked again. "berhalangan, bisa diundur?" still moves it.
    @Test func aQuestionTheFAQAnswersLeavesTheCallAsItIs() throws {
        let question = "kalau direktur berhalangan bisa diwakilkan?"
        let booked = Self.instant(2026, 12, 3, 10, 0)
        var chat = try Self.chat(Self.offer(booking: booked))
        let answer = render(chat.type(question, .schedule, confidence: 0.9))
        #expect(answer.contains("Video call verifikasi tidak bisa diwakilkan"), "\(answer)")
        #expect(answer.contains("appendToTicket #1259: \(question)"), "\(answer)")
        #expect(answer.contains("diteruskan ke petugas pada tiket #1259"), "\(answer)")
        #expect(!answer.contains("Pilih waktu baru"), "\(answer)")
        #expect(chat.state.step == .idle, "\(chat.state.step)")

        var offered = try Self.offered()
        let effects = offered.type(question, .schedule, confidence: 0.9)
        #expect(render(effects).contains("Video call verifikasi tidak bisa diwakilkan"), "\(render(effects))")
        #expect(Self.list(effects) != nil, "the slots are asked again: \(render(effects))")

        var move = try Self.chat(Self.offer(booking: booked))
        let moved = render(move.type("direktur berhalangan, bisa diundur?", .schedule, confidence: 0.9))
        #expect(moved.contains("Pilih waktu baru"), "\(moved)")
    }

    /// "terserah", "secepatnya": the earliest free slot is held for confirmation; "minggu depan" offers next
    /// week's slots; "kapan aja?" is a question, and the list is shown again.
    @Test(arguments: [
        ("terserah min, kapan aja bisa", "holdVerificationSlot #1259 02/12/2026 10:00 WIB"),
        ("secepatnya", "holdVerificationSlot #1259 02/12/2026 10:00 WIB"),
        ("as soon as possible, anytime", "holdVerificationSlot #1259 02/12/2026 10:00 WIB"),
        // "pagi" in it named the mornings, and the list came again.
        ("yang paling pagi aja", "holdVerificationSlot #1259 02/12/2026 10:00 WIB"),
    ])
    func anyTimeHoldsTheEarliestSlot(text: String, expected: String) throws {
        var chat = try Self.offered()
        #expect(render(chat.type(text)).contains(expected))
    }

    @Test func nextWeekOffersNextWeeksSlotsAndAQuestionIsNoWish() throws {
        var chat = try Self.offered()
        let effects = chat.type("minggu depan aja", .schedule)
        let nextWeek = try #require(Self.list(effects))
        #expect(nextWeek.first?.title == "Senin, 7 Des", "\(nextWeek.map(\.title))")
        #expect(
            render(effects).contains("Waktu yang masih kosong minggu depan, mulai Senin, 7 Desember 2026:"),
            "said to be next week's: \(render(effects))")
        let question = render(chat.type("kapan aja?", .unknown))
        #expect(!question.contains("holdVerificationSlot"), "\(question)")
    }

    /// "direkturnya lagi dinas luar kota minggu ini, bisa minggu depan?" reaches the ticket and is said to, before
    /// next week's slots: on a Saturday those start on the Monday two days on, which is said, not left to guess.
    @Test func aReasonForNextWeekReachesStaffAndTheSlotsSayWhichWeek() throws {
        var offer = Self.offer()
        offer.freeSlots = offer.freeSlots.filter { $0 >= Self.instant(2026, 12, 7, 0, 0) }
        var chat = try Self.chat(offer)
        chat.now = Self.instant(2026, 12, 5, 7, 0)
        _ = chat.event(.verificationReady(ticket: 1259))
        let text = "direkturnya lagi dinas luar kota minggu ini, bisa minggu depan?"
        let effects = chat.type(text, .schedule, confidence: 0.7)
        let shown = render(effects)
        #expect(shown.contains("appendToTicket #1259"), "\(shown)")
        #expect(shown.contains("Pesan Anda kami teruskan ke petugas tiket #1259."), "\(shown)")
        #expect(shown.contains("minggu depan, mulai Senin, 7 Desember 2026:"), "\(shown)")
        #expect(Self.list(effects)?.first?.title == "Senin, 7 Des", "\(shown)")
    }

    /// "rabu atau kamis" offers both days' slots.
    @Test func twoDaysOfferBothDaysSlots() throws {
        var chat = try Self.offered()
        let text = "rabu atau kamis"
        let both = try #require(Self.list(chat.type(text, .schedule, entities: Self.wish(text).entities)))
        #expect(both.map(\.title).prefix(2) == ["Rabu, 2 Des", "Kamis, 3 Des"], "\(both.map(\.title))")
    }

    /// "jam 2" under Wednesday's slots is outside the window: the day's slots closest to 14.00 are offered.
    @Test func aTimeOutsideTheWindowOffersTheDaysClosestSlots() throws {
        var chat = try Self.offered()
        _ = chat.type("jumat", .schedule, entities: Self.wish("jumat").entities)
        let late = try #require(Self.list(chat.type("jam 2", .schedule, entities: Self.wish("jam 2").entities)))
        #expect(late.first?.rows.map(\.title) == ["12.30–13.00 WIB", "13.00–13.30 WIB", "13.30–14.00 WIB"])
    }

    /// The earliest bookable start is offered, so a wish for exactly that time is held, not "too soon".
    @Test func aWishForTheEarliestStartIsHeld() throws {
        var offer = Self.offer()
        offer.earliest = Self.instant(2026, 12, 2, 10, 0)
        var chat = try Self.chat(offer)
        _ = chat.event(.verificationReady(ticket: 1259))
        let answer = render(chat.type("besok jam 10", .schedule, entities: Self.wish("besok jam 10").entities))
        #expect(answer.contains("holdVerificationSlot #1259 02/12/2026 10:00 WIB"), "\(answer)")
    }

    @Test func anEnglishProviderIsAnsweredInEnglish() throws {
        var chat = try Self.chat()
        chat.state.language = .english
        _ = chat.event(.verificationReady(ticket: 1259))
        let answer = render(chat.type("saturday 10am", .schedule, entities: Self.wish("saturday 10am").entities))
        #expect(answer.contains("There are no verification calls on Saturday (Monday to Friday only)."))
        let outside = render(chat.type("tomorrow 3pm", .schedule, entities: Self.wish("tomorrow 3pm").entities))
        #expect(
            outside.contains(
                "15:00 is after the verification hours (10:00–14:00 WIB): the last call starts at 13:30 WIB."),
            "\(outside)")
    }

    /// A provider who began with buttons and short words and writes plain English while the times are offered is
    /// answered in English from then on: "is it possible to have the call on thursday at 11?" got "Anda memilih
    /// Kamis". A name of English words in a form ("The Best Company") changes nothing.
    @Test func plainEnglishInAJourneyIsAnsweredInEnglish() throws {
        var chat = try Self.offered()
        #expect(chat.state.language == nil)
        let answer = render(try chat.read("is it possible to have the call on thursday at 11?"))
        #expect(answer.contains("You chose Thursday 3 December 2026 at 11:00 WIB."), "\(answer)")
        var named = Transcript(catalogue: try Fixtures.catalogue())
        _ = named.tap("menu.registrasi")
        let form = render(try named.read("The Best Company"))
        #expect(form.contains("Apa bentuk usaha The Best Company?"), "\(form)")
        #expect(named.state.language == nil)
    }

    /// Without a configured number, the call is said to come from this helpdesk's number in the provider's
    /// language: an English booking said "from nomor WhatsApp helpdesk ini" before.
    @Test(arguments: [
        (
            Language.english,
            "will call the director's number +6281311223344 by WhatsApp video from this helpdesk WhatsApp number."
        ),
        (.indonesian, "video call WhatsApp dari nomor WhatsApp helpdesk ini."),
    ])
    func theCallersNumberIsNamedInTheProvidersLanguage(language: Language, expected: String) throws {
        var offer = Self.offer()
        offer.callerNumber = nil
        var chat = try Self.chat(offer)
        chat.state.language = language
        _ = chat.event(.verificationReady(ticket: 1259))
        let slot = Self.instant(2026, 12, 2, 10, 30)
        _ = chat.tap("slot.\(Int(slot.timeIntervalSince1970))")
        offer.hold = slot
        chat.context.verification = offer
        let booked = render(chat.tap("slot.confirm"))
        #expect(booked.contains(expected), "\(booked)")
    }

    /// Another time typed while a slot is held moves the hold: the new slot is held for the full time too
    /// ("kami tahan 0 menit" before, while the offer still showed the first slot's hold).
    @Test func anotherTimeTypedWhileASlotIsHeldIsHeldInFull() throws {
        var chat = try Self.offered()
        _ = chat.tap("slot.\(Int(Self.instant(2026, 12, 2, 10, 30).timeIntervalSince1970))")
        chat.context.verification = Self.offer(hold: Self.instant(2026, 12, 2, 10, 30))
        let text = "eh jgn deh, jumat jam 1 siang aja"
        let moved = render(chat.type(text, .schedule, entities: Self.wish(text).entities))
        #expect(moved.contains("holdVerificationSlot #1259 04/12/2026 13:00 WIB"), "\(moved)")
        #expect(moved.contains("Anda memilih Jumat, 4 Desember 2026 pukul 13.00 WIB. Waktu ini kami tahan 5 menit"))
    }

    @Test func aProviderWhoTypesInsteadOfTappingPicksByNumberAndConfirmsInWords() throws {
        var chat = try Self.offered()
        let held = render(chat.type("2", .unknown, entities: Entities(choice: 2)))
        #expect(held.contains("holdVerificationSlot #1259 02/12/2026 10:30 WIB"))
        chat.context.verification = Self.offer(hold: Self.instant(2026, 12, 2, 10, 30))
        #expect(render(chat.type("ya", .affirm)).contains("bookVerification #1259 02/12/2026 10:30 WIB"))
    }

    @Test func aSlotTakenMeanwhileIsSaidAndOthersOffered() throws {
        var chat = try Self.offered()
        let slot = Self.instant(2026, 12, 2, 10, 0)
        _ = chat.tap("slot.\(Int(slot.timeIntervalSince1970))")
        let taken = chat.event(.verificationSlotTaken(ticket: 1259, start: slot))
        #expect(render(taken).contains("Maaf, Rabu, 2 Desember 2026 pukul 10.00 WIB baru saja diambil penyedia lain."))
        #expect(
            Self.list(taken)?.flatMap(\.rows).contains { $0.id == "slot.\(Int(slot.timeIntervalSince1970))" } == false)
        // A slot gone from the free list before the tap (another provider's hold) is refused the same way.
        var other = Self.offer()
        other.freeSlots.removeAll { $0 == Self.instant(2026, 12, 2, 10, 30) }
        chat.context.verification = other
        let late = render(chat.tap("slot.\(Int(Self.instant(2026, 12, 2, 10, 30).timeIntervalSince1970))"))
        #expect(late.contains("baru saja diambil") && !late.contains("holdVerificationSlot"))
    }

    @Test func remindersCarryButtonsAndTheTemplateParametersAndStopOnceTheCallBegan() throws {
        let call = Self.instant(2026, 12, 2, 10, 30)
        var chat = try Self.chat(Self.offer(booking: call))
        chat.now = Self.instant(2026, 12, 1, 15, 0)
        let dayBefore = render(chat.event(.verificationReminderDue(ticket: 1259, reminder: .dayBefore)))
        #expect(
            dayBefore.contains(
                "⏰ Pengingat: video call verifikasi tiket #1259 pada Rabu, 2 Desember 2026 pukul 10.30 WIB."))
        #expect(dayBefore.contains("[Hadir] [Ganti jadwal] [Batalkan]"))
        #expect(dayBefore.contains("template: Rabu, 2 Desember 2026 | 10.30 WIB"))
        chat.now = Self.instant(2026, 12, 2, 10, 0)
        #expect(render(chat.event(.verificationReminderDue(ticket: 1259, reminder: .soon))).contains("30 menit lagi"))
        chat.now = Self.instant(2026, 12, 2, 10, 31)
        #expect(chat.event(.verificationReminderDue(ticket: 1259, reminder: .soon)).isEmpty, "too late: dropped")
        // The reminder of a ticket whose booking is gone says nothing.
        var cancelled = try Self.chat()
        #expect(cancelled.event(.verificationReminderDue(ticket: 1259, reminder: .soon)).isEmpty)
    }

    /// "jumat sore" (after the calls' window) gets that day's latest free slots and why, not its first ones from
    /// 11.00; "yang sore aja" the latest afternoon slots of each day.
    @Test func aWishForTheLateAfternoonGetsTheLatestSlots() throws {
        var chat = try Self.offered()
        let text = "kalau jumat sore?"
        let friday = chat.type(text, .schedule, entities: Self.wish(text).entities)
        #expect(render(friday).contains("Video call verifikasi hanya pukul 10.00–14.00 WIB."), "\(render(friday))")
        let rows = try #require(Self.list(friday)).flatMap(\.rows).map(\.title)
        #expect(rows.prefix(3) == ["12.30–13.00 WIB", "13.00–13.30 WIB", "13.30–14.00 WIB"], "\(rows)")
        var any = try Self.offered()
        let sections = try #require(Self.list(any.type("yang sore aja", .schedule)))
        let titles = sections.map { "\($0.title ?? ""): " + $0.rows.map(\.title).joined(separator: ", ") }
        #expect(
            titles.prefix(3) == [
                "Rabu, 2 Des: 11.00–11.30 WIB, 13.30–14.00 WIB", "Kamis, 3 Des: 11.00–11.30 WIB, 12.30–13.00 WIB",
                "Jumat, 4 Des: 12.30–13.00 WIB, 13.00–13.30 WIB, 13.30–14.00 WIB",
            ], "\(titles)")
    }

    /// A booked call moves only on a clear wish: "10/10 mantap", a rating whose "10/10" reads as a date (the
    /// recognizer: schedule at 0.75), reaches the ticket and leaves the call as it is; "kamis aja min" (0.97)
    /// and "bisa dimajukan ga min" move it.
    @Test func aRatingIsNoWishToMoveABookedCall() throws {
        let call = Self.instant(2026, 12, 2, 10, 30)
        var chat = try Self.chat(Self.offer(booking: call))
        let rating = render(
            chat.type("10/10 mantap", .schedule, confidence: 0.75, entities: Self.wish("10/10").entities))
        #expect(!rating.contains("Pilih waktu baru") && !rating.contains("tidak ada jadwal"), "\(rating)")
        #expect(rating.contains("appendToTicket #1259: 10/10 mantap"), "\(rating)")
        #expect(chat.state.step == .idle)
        let text = "kamis aja min"
        let moved = render(chat.type(text, .schedule, confidence: 0.97, entities: Self.wish(text).entities))
        #expect(moved.contains("Pilih waktu baru") || moved.contains("holdVerificationSlot"), "\(moved)")
        var named = try Self.chat(Self.offer(booking: call))
        let words = render(named.type("bisa dimajukan ga min", .unknown, confidence: 0.4))
        #expect(words.contains("Pilih waktu baru"), "\(words)")
        // Without a booked call, the same rating only offers slots, which loses nothing.
        var unbooked = try Self.chat()
        let offered = render(
            unbooked.type("10/10 mantap", .schedule, confidence: 0.75, entities: Self.wish("10/10").entities))
        #expect(offered.contains("Minggu"), "\(offered)")
    }

    /// A new time with a word of a change moves a booked call, however unsure the recognizer is that it asks the
    /// schedule: "senin direktur ada rapat, bisa diganti rabu jam 13?" (0.72) was only relayed to the ticket.
    @Test func aNewTimeWithAChangeMovesABookedCall() throws {
        let call = Self.instant(2026, 12, 2, 10, 30)
        var chat = try Self.chat(Self.offer(booking: call))
        let text = "maaf min, rabu direktur ternyata ada rapat, bisa diganti kamis jam 11?"
        let moved = render(chat.type(text, .schedule, confidence: 0.72, entities: Self.wish("kamis jam 11").entities))
        #expect(moved.contains("holdVerificationSlot"), "\(moved)")
        #expect(moved.contains("appendToTicket #1259: \(text)"), "staff read why: \(moved)")
    }

    /// A question about the booked call ("jam berapa vc nya?", "pakai zoom?", "yang telpon nomor berapa?",
    /// "dokumen asli apa aja?") is answered with the booking: its time, the caller and number, the originals;
    /// the call stays as it is. One that asks to move it ("bisa dimajukan?", "kapan bisa diganti jadwalnya?")
    /// offers new slots.
    @Test(arguments: [
        ("jam berapa ya vc nya?", Intent.hours),
        ("vc nya pakai zoom atau wa?", .schedule),
        ("nomor yang akan telpon nomor berapa min?", .human),
        ("dokumen asli apa aja yang harus disiapkan?", .requirements),
        ("link zoom nya mana min", .schedule),
        ("vcnya jadi kan min?", .greeting),
        ("what time is the call?", .schedule),
        ("apa yang perlu disiapkan direktur?", .requirements),
        ("what should the director prepare?", .requirements),
    ])
    func aQuestionAboutTheBookedCallIsAnsweredWithIt(text: String, intent: Intent) throws {
        var chat = try Self.chat(Self.offer(booking: Self.instant(2026, 12, 2, 10, 30)))
        let answer = render(chat.type(text, intent, confidence: 0.9))
        let english = text.hasPrefix("what")
        let when = english ? "Wednesday 2 December 2026 at 10:30 WIB" : "Rabu, 2 Desember 2026 pukul 10.30 WIB"
        #expect(answer.contains(when), "\(answer)")
        let document = english ? "• Director's ID card" : "• KTP/KITAS Direktur"
        #expect(answer.contains("0811-2345-678") && answer.contains(document), "\(answer)")
        #expect(!answer.contains("holdVerificationSlot") && !answer.contains("Pilih waktu baru"), "\(answer)")
        #expect(chat.state.step == .idle, "\(answer)")
        for move in ["bisa dimajukan jadi hari kamis?", "kapan bisa diganti jadwalnya?"] {
            var moving = try Self.chat(Self.offer(booking: Self.instant(2026, 12, 2, 10, 30)))
            let offered = render(moving.type(move, .schedule, entities: Self.wish(move).entities))
            #expect(offered.contains("Pilih waktu baru") || offered.contains("Kamis, 3 Des"), "\(move): \(offered)")
        }
    }

    /// Before staff find the documents complete there is no call to book: "kapan vc nya?", "besok jam 10 bisa
    /// vc?" are told the times come in the chat once the documents are checked, not the office hours; a wish or
    /// a longer message reaches the ticket. A verified call, and one staff arrange after no-shows, are said so.
    @Test(arguments: [
        ("kapan video callnya min?", Intent.schedule, false),
        ("jadwal verifikasi kapan ya", .schedule, false),
        ("besok jam 10 bisa vc?", .schedule, true),
        ("min direktur bisanya hari senin, vc nya bisa senin?", .hours, true),
    ])
    func aCallNotBookableYetIsExplained(text: String, intent: Intent, relayed: Bool) throws {
        var chat = try Self.chat(nil)
        chat.context.openTickets[0].call = .documentsInReview
        let answer = render(chat.type(text, intent, confidence: 0.95, entities: Self.wish(text).entities))
        #expect(answer.contains("setelah petugas selesai memeriksa dokumen"), "\(answer)")
        #expect(!answer.contains("Layanan helpdesk: Senin") && !answer.contains("Pilih waktu"), "\(answer)")
        #expect(answer.contains("appendToTicket #1259") == relayed, "\(answer)")
        #expect(answer.contains("diteruskan ke petugas pada tiket #1259") == relayed, "\(answer)")
        #expect(chat.state.step == .idle)

        var verified = try Self.chat(nil)
        verified.context.openTickets[0].call = .verified
        let done = render(verified.type(text, intent, confidence: 0.95, entities: Self.wish(text).entities))
        #expect(done.contains("sudah selesai; tidak perlu video call lagi"), "\(done)")
        var staff = try Self.chat(nil)
        staff.context.openTickets[0].call = .arrangedByStaff
        let arranged = render(staff.type(text, intent, confidence: 0.95, entities: Self.wish(text).entities))
        #expect(arranged.contains("diatur langsung oleh petugas"), "\(arranged)")

        // A ticket whose service needs no call: the office hours, as before.
        var noCall = try Self.chat(nil)
        let hours = render(noCall.type("jam buka kantor?", .hours, confidence: 0.95))
        #expect(hours.contains("Layanan helpdesk: Senin"), "\(hours)")
    }

    /// With no call booked, offered or waiting for a ticket's documents, "link zoom nya mana min" and "jadwal
    /// verifikasi saya kapan ya" get the hours with the call's window, and that no call is booked for the number
    /// and how one comes; a question about the office hours gets the hours alone.
    @Test(arguments: ["link zoom nya mana min", "jadwal verifikasi saya kapan ya"])
    func aCallAskedForWithoutOneIsSaidToBeNone(text: String) throws {
        var chat = try Self.chat(nil)
        chat.context.openTickets = []
        let answer = render(chat.type(text, .schedule, confidence: 0.97))
        #expect(answer.contains("Verifikasi video call: Senin–Jumat 10.00–14.00 WIB"), "\(answer)")
        #expect(answer.contains("Tidak ada video call verifikasi yang sedang dijadwalkan untuk nomor ini"), "\(answer)")
        #expect(chat.state.step == .idle)

        var asking = try Self.chat(nil)
        asking.context.openTickets = []
        let hours = render(asking.type("jam buka kantor?", .hours, confidence: 0.95))
        #expect(hours.contains("Layanan helpdesk: Senin") && !hours.contains("Tidak ada video call"), "\(hours)")
    }

    /// With a ticket open that needs no call, a question about when it is handled, which the recognizer reads as
    /// asking the schedule ("kira2 kapan bisa diproses ya min? besok udah jadwal pembukaan" on a tender problem),
    /// gets the hours and where the ticket stands, not that no call is booked and *menu* starts a request.
    @Test func aScheduleQuestionWithATicketThatNeedsNoCallGetsItsStatus() throws {
        var chat = try Self.chat(nil)
        let text = "kira2 kapan bisa diproses ya min? besok udah jadwal pembukaan"
        let answer = render(chat.type(text, .schedule, confidence: 0.77))
        #expect(answer.contains("Layanan helpdesk: Senin"), "\(answer)")
        #expect(answer.contains("Tiket #1259") && answer.contains("Status: Diproses"), "\(answer)")
        #expect(!answer.contains("Tidak ada video call verifikasi") && !answer.contains("*menu*"), "\(answer)")
        #expect(answer.contains("appendToTicket #1259"), "the question reaches the ticket: \(answer)")
    }

    /// "batal" while moving the booked call keeps the call and says so (a held slot let go); while choosing the
    /// first time, it leaves the choice for later with how to take it up. Neither is "permohonan dibatalkan",
    /// which told a provider their request was gone. (Where the cancellation is asked, "batal" picks "Ya, batalkan".)
    @Test func batalWhileChoosingTheCallKeepsItAndSaysSo() throws {
        let call = Self.instant(2026, 12, 2, 10, 30)
        var moving = try Self.chat(Self.offer(booking: call))
        _ = moving.type("ganti jadwal", .schedule, confidence: 0.97)
        _ = moving.tap("slot.\(Int(Self.instant(2026, 12, 3, 11, 0).timeIntervalSince1970))")
        let kept = render(moving.type("batal", .cancel, confidence: 0.99))
        #expect(kept.contains("Baik, jadwal Rabu, 2 Desember 2026 pukul 10.30 WIB tetap."), "\(kept)")
        #expect(kept.contains("releaseVerificationHold #1259") && !kept.contains("dibatalkan"), "\(kept)")
        #expect(moving.state.step == .idle)

        var first = try Self.offered()
        let later = render(first.type("batal", .cancel, confidence: 0.99))
        #expect(later.contains("ketik *jadwal* di chat ini untuk memilih jadwal video call tiket #1259"), "\(later)")
        #expect(!later.contains("dibatalkan"), "\(later)")
    }

    /// Staff book the call (or cancel it) while the provider is still choosing from the slots: the provider is
    /// told, and the slots are no longer the question, so a later message is read as any other ("hapus data
    /// saya" is a privacy request, not a wrong slot); a form the slots interrupted is asked again.
    @Test func aCallStaffBookWhileTheProviderChoosesEndsTheChoice() throws {
        var chat = try Self.offered()
        #expect(chat.state.step != .idle)
        let start = Self.instant(2026, 12, 3, 11, 0)
        chat.context.verification = Self.offer(booking: start)
        let told = render(
            chat.event(.verificationChanged(ticket: 1259, start: start, previous: nil, reason: "lewat telepon")))
        #expect(told.contains("Petugas menjadwalkan video call verifikasi tiket #1259 pada Kamis"), "\(told)")
        #expect(chat.state.step == .idle, "\(told)")
        let next = render(chat.type("tolong hapus data saya", .menu, confidence: 0.65))
        #expect(!next.contains("Mohon pilih") && !next.contains("Pilih waktu"), "\(next)")

        var cancelling = try Self.chat(Self.offer(booking: start))
        _ = cancelling.type("batalkan jadwal", .cancelBooking)
        cancelling.context.verification = Self.offer()
        let cancelled = render(
            cancelling.event(.verificationChanged(ticket: 1259, start: nil, previous: start, reason: "direktur sakit")))
        #expect(cancelled.contains("direktur sakit"), "\(cancelled)")
        #expect(cancelling.state.step == .idle, "\(cancelled)")
    }

    /// A reminder answered in words: "siap min", "insyaallah hadir", a thumbs-up are the *Hadir* button (and reach
    /// no one); "maaf direktur berhalangan hadir besok" reaches the ticket and offers new slots. Without a reminder
    /// just sent, "ok" is no answer to it.
    @Test(arguments: ["siap min", "insyaallah hadir", "👍", "oke siap, direktur standby"])
    func aReminderAnsweredInWordsIsTheAttendButton(text: String) throws {
        let call = Self.instant(2026, 12, 2, 10, 30)
        var chat = try Self.chat(Self.offer(booking: call))
        _ = chat.event(.verificationReminderDue(ticket: 1259, reminder: .dayBefore))
        let answer = render(chat.type(text, .affirm, confidence: 0.9))
        #expect(answer.contains("Terima kasih, sampai jumpa pada Rabu, 2 Desember 2026 pukul 10.30 WIB."), "\(answer)")
        #expect(!answer.contains("appendToTicket"), "\(answer)")
        // Once the reminder is answered, a bare "siap" answers nothing; attendance said in words ("hadir") is thanked
        // again, as it is with no reminder.
        let again = render(chat.type(text, .affirm, confidence: 0.9))
        #expect(again.contains("sampai jumpa") == text.contains("hadir"), "the reminder was answered: \(again)")

        var away = try Self.chat(Self.offer(booking: call))
        _ = away.event(.verificationReminderDue(ticket: 1259, reminder: .dayBefore))
        let reason = "maaf direktur berhalangan hadir besok"
        let moved = render(away.type(reason, .unknown, confidence: 0.5))
        #expect(moved.contains("appendToTicket #1259: \(reason)") && moved.contains("Pilih waktu baru"), "\(moved)")
        var unreminded = try Self.chat(Self.offer(booking: call))
        #expect(!render(unreminded.type("ok", .affirm, confidence: 0.9)).contains("sampai jumpa"))
    }

    /// In English as the recognizer reads it; a director who cannot join is no *Hadir*.
    @Test(arguments: [("the director will join", true), ("confirmed", true), ("the director cannot join", false)])
    func aReminderAnsweredInEnglish(text: String, attends: Bool) throws {
        var chat = try Self.chat(Self.offer(booking: Self.instant(2026, 12, 2, 10, 30)))
        _ = chat.event(.verificationReminderDue(ticket: 1259, reminder: .dayBefore))
        let answer = render(try chat.read(text))
        #expect((answer.contains("sampai jumpa") || answer.contains("see you")) == attends, "\(answer)")
    }

    @Test func aReminderAnsweredWithGantiJadwalMovesTheCall() throws {
        let call = Self.instant(2026, 12, 2, 10, 30)
        var chat = try Self.chat(Self.offer(booking: call))
        _ = chat.event(.verificationReminderDue(ticket: 1259, reminder: .dayBefore))
        let typed = render(chat.type("ganti jadwal", .unknown))
        #expect(
            typed.contains(
                "Pilih waktu baru untuk video call verifikasi tiket #1259 (jadwal sekarang: Rabu, 2 Desember 2026 pukul 10.30 WIB)"
            ))
        let moved = render(
            chat.type("mundurin ke jumat jam 11", .schedule, entities: Self.wish("jumat jam 11").entities))
        #expect(moved.contains("holdVerificationSlot #1259 04/12/2026 11:00 WIB"))
        chat.context.verification = Self.offer(booking: call, hold: Self.instant(2026, 12, 4, 11, 0))
        let confirmed = render(chat.tap("slot.confirm"))
        #expect(confirmed.contains("bookVerification #1259 04/12/2026 11:00 WIB"))
        #expect(confirmed.contains("dipindah ke Jumat, 4 Desember 2026 pukul 11.00 WIB"))
        #expect(
            confirmed.contains("paling lambat Jumat, 4 Desember 2026 pukul 09.00 WIB"),
            "the new call's deadline, not the old one's: \(confirmed)")
        // The reminder's own button works too.
        var tapped = try Self.chat(Self.offer(booking: call))
        #expect(render(tapped.tap("call.move.1259")).contains("Pilih waktu baru"))
    }

    /// "status" tells the call too: when it is booked, or that a time is still to be chosen, and how.
    @Test func theStatusTellsTheCall() throws {
        var booked = try Self.chat(Self.offer(booking: Self.instant(2026, 12, 2, 10, 30)))
        let status = render(booked.type("status"))
        #expect(status.contains("Tiket #1259"), "\(status)")
        #expect(status.contains("Video call verifikasi: Rabu, 2 Desember 2026 pukul 10.30 WIB."), "\(status)")
        var toChoose = try Self.chat()
        let waiting = render(toChoose.type("status"))
        #expect(waiting.contains("belum dipilih: ketik *jadwal*"), "\(waiting)")
        var other = try Self.chat(nil)
        #expect(!render(other.type("status")).contains("video call"), "no call to book, nothing said of one")
    }

    @Test func batalkanJadwalAsksThenCancels() throws {
        let call = Self.instant(2026, 12, 2, 10, 30)
        var chat = try Self.chat(Self.offer(booking: call))
        let question = render(chat.type("batalkan jadwal", .cancelBooking))
        #expect(
            question.contains("Batalkan video call verifikasi tiket #1259 pada Rabu, 2 Desember 2026 pukul 10.30 WIB?"))
        let done = render(chat.type("ya", .affirm))
        #expect(done.contains("⚙ cancelVerification #1259"))
        #expect(done.contains("dibatalkan"))
        // Too close to the call: not in the chat any more.
        var late = try Self.chat(Self.offer(booking: call))
        late.now = Self.instant(2026, 12, 2, 9, 0)
        let refused = render(late.type("batalkan jadwal", .cancelBooking))
        #expect(refused.contains("tidak bisa diubah lagi") && !refused.contains("cancelVerification"))
    }

    /// "ga jadi vc deh min, direktur lagi di luar kota" cancels, and its reason reaches the ticket for staff.
    @Test func gaJadiCancelsAndItsReasonReachesTheTicket() throws {
        var chat = try Self.chat(Self.offer(booking: Self.instant(2026, 12, 2, 10, 30)))
        let text = "ga jadi vc deh min, direktur lagi di luar kota"
        let question = render(chat.type(text, .cancel, confidence: 0.97))
        #expect(question.contains("⚙ appendToTicket #1259: \(text)"), "\(question)")
        #expect(question.contains("Batalkan video call verifikasi tiket #1259"), "\(question)")
        let done = render(chat.type("ya", .affirm))
        #expect(done.contains("⚙ cancelVerification #1259"), "\(done)")
    }

    /// A contact without the ticket in their context (another provider, a forged or forwarded tap) can
    /// neither hold, move nor cancel its call.
    @Test func onlyTheTicketsOwnReporterCanBookMoveOrCancel() throws {
        var stranger = try Self.chat(nil)
        let slot = "slot.\(Int(Self.instant(2026, 12, 2, 10, 0).timeIntervalSince1970))"
        for id in [slot, "slot.confirm", "call.move.1259", "call.cancel.1259", "callcancel.yes"] {
            let answer = render(stranger.tap(id))
            #expect(!answer.contains("⚙"), "\(id): \(answer)")
        }
        var other = try Self.chat(Self.offer(booking: Self.instant(2026, 12, 2, 10, 30)))
        let answer = render(other.tap("call.cancel.1300"))
        #expect(answer.contains("Pilihan itu sudah tidak berlaku") && !answer.contains("Batalkan video call"))
    }

    @Test func withoutATicketReadyForTheCallAScheduleQuestionGetsTheHours() throws {
        var chat = try Self.chat(nil)
        let answer = render(chat.type("mau jadwal vc", .schedule))
        #expect(
            answer.contains("10.00") && !answer.contains("holdVerificationSlot")
                && Self.list(chat.type("jadwal vc kapan", .schedule)) == nil)
    }

    @Test func theProviderAskingStartsTheBooking() throws {
        var chat = try Self.chat()
        let effects = chat.type("kapan bisa diverifikasi?", .schedule)
        #expect(Self.list(effects)?.isEmpty == false)
        #expect(render(effects).contains("Pilih waktu video call verifikasi tiket #1259"))
    }

    /// While the booked call's new time is asked, or about the call at all, a message that withdraws the change or
    /// keeps the time ("ga jadi ganti jadwal min", which was asked "Batalkan video call …?", "tidak usah diganti
    /// deh", "tetap yg rabu aja", which got Wednesday's times, a bare "ok", which was told the time was not
    /// understood) keeps the call and says so, the times no longer asked.
    @Test(arguments: [
        "ga jadi ganti jadwal min", "tidak usah diganti deh", "tetap yg rabu aja", "jadwal yang lama aja min",
        "ok min", "sip makasih min", "gak usah min, tetap jam 10.30", "never mind, keep the old time",
    ])
    func aMoveWithdrawnKeepsTheBookedCall(text: String) throws {
        let call = Self.instant(2026, 12, 2, 10, 30)
        var chat = try Self.chat(Self.offer(booking: call))
        _ = chat.type("ganti jadwal", .schedule, confidence: 0.97)
        let kept = render(try chat.read(text))
        #expect(kept.contains("jadwal Rabu, 2 Desember 2026 pukul 10.30 WIB tetap"), "\(kept)")
        #expect(!kept.contains("Batalkan video call") && !kept.contains("Pilih waktu"), "\(kept)")
        #expect(!kept.contains("cancelVerification") && !kept.contains("bookVerification"), "\(kept)")
        #expect(chat.state.step == .idle, "\(kept)")
    }

    /// Outside the choice of a new time, a change withdrawn is no cancellation either: "ga jadi ganti jadwal" after
    /// the booking keeps it; "ga jadi vc" and "batalkan jadwal" still ask to confirm the cancellation, and a new day
    /// with "tetap" ("tetap bisa ganti ke kamis kan?") is a wish to move the call.
    @Test func aChangeWithdrawnIsNoCancellationButAnotherDayIsAMove() throws {
        let call = Self.instant(2026, 12, 2, 10, 30)
        var chat = try Self.chat(Self.offer(booking: call))
        let kept = render(try chat.read("ga jadi ganti jadwal"))
        #expect(kept.contains("jadwal Rabu, 2 Desember 2026 pukul 10.30 WIB tetap"), "\(kept)")
        #expect(!kept.contains("Batalkan video call"), "\(kept)")
        for text in ["ga jadi vc min", "batalkan jadwal"] {
            var cancelling = try Self.chat(Self.offer(booking: call))
            let asked = render(try cancelling.read(text))
            #expect(asked.contains("Batalkan video call verifikasi tiket #1259"), "\(text): \(asked)")
        }
        var moving = try Self.chat(Self.offer(booking: call))
        _ = moving.type("ganti jadwal", .schedule, confidence: 0.97)
        let thursday = render(try moving.read("tetap bisa ganti ke kamis kan?"))
        #expect(!thursday.contains("tetap."), "\(thursday)")
        #expect(thursday.contains("11.00–11.30 WIB") && !thursday.contains("13.30–14.00 WIB"), "\(thursday)")
    }

    /// A slot tapped in a list the chat has moved on from (the choice left with "batal" or put off with "nanti")
    /// is still the provider's choice: held for them to confirm, where it got "Pilihan itu sudah tidak berlaku"
    /// and the menu; the booked time itself is said to stay, and a time taken since offers the nearest free ones.
    @Test func aSlotTappedInAnEarlierListIsStillAChoice() throws {
        let call = Self.instant(2026, 12, 2, 10, 30)
        let thursday = Self.instant(2026, 12, 3, 11, 0)
        var moving = try Self.chat(Self.offer(booking: call))
        _ = moving.type("ganti jadwal", .schedule, confidence: 0.97)
        _ = moving.type("batal", .cancel, confidence: 0.99)
        let held = render(moving.tap("slot.\(Int(thursday.timeIntervalSince1970))"))
        #expect(held.contains("Anda memilih Kamis, 3 Desember 2026 pukul 11.00 WIB"), "\(held)")
        #expect(held.contains("holdVerificationSlot #1259") && !held.contains("sudah tidak berlaku"), "\(held)")
        let moved = render(moving.tap("slot.confirm"))
        #expect(moved.contains("dipindah ke Kamis, 3 Desember 2026 pukul 11.00 WIB"), "\(moved)")

        var same = try Self.chat(Self.offer(booking: call))
        let kept = render(same.tap("slot.\(Int(call.timeIntervalSince1970))"))
        #expect(kept.contains("jadwal Rabu, 2 Desember 2026 pukul 10.30 WIB tetap"), "\(kept)")
        #expect(!kept.contains("holdVerificationSlot"), "\(kept)")

        var first = try Self.offered()
        _ = first.type("nanti saya kabari", .unknown, confidence: 0.5)
        #expect(first.state.step == .idle)
        let taken = Self.instant(2026, 12, 2, 12, 0)
        let gone = render(first.tap("slot.\(Int(taken.timeIntervalSince1970))"))
        #expect(gone.contains("Maaf, Rabu, 2 Desember 2026 pukul 12.00 WIB baru saja diambil"), "\(gone)")
        #expect(gone.contains("Pilih waktu video call verifikasi tiket #1259"), "\(gone)")

        var noOffer = try Self.chat(nil)
        let expired = render(noOffer.tap("slot.\(Int(thursday.timeIntervalSince1970))"))
        #expect(expired.contains("Pilihan itu sudah tidak berlaku"), "\(expired)")
    }

    /// A row of a list sent days ago, tapped now, names a time already gone, or one too soon to prepare the call
    /// for: neither was "taken by another provider", as it was told; the nearest free times follow.
    @Test(arguments: [
        (instant(2026, 11, 30, 10, 0), "Maaf, Senin, 30 November 2026 pukul 10.00 WIB sudah lewat."),
        (instant(2026, 12, 1, 8, 30), "Maaf, Selasa, 1 Desember 2026 pukul 08.30 WIB sudah lewat."),
        (instant(2026, 12, 1, 10, 30), "terlalu dekat. Jadwal paling cepat: Rabu, 2 Desember 2026 pukul 10.00"),
        (instant(2026, 12, 2, 12, 0), "Maaf, Rabu, 2 Desember 2026 pukul 12.00 WIB baru saja diambil penyedia lain."),
    ])
    func aSlotNoLongerFreeSaysWhy(start: Date, reason: String) throws {
        for var chat in [try Self.offered(), try Self.chat(Self.offer(booking: Self.instant(2026, 12, 3, 10, 0)))] {
            let reply = render(chat.tap("slot.\(Int(start.timeIntervalSince1970))"))
            #expect(reply.contains(reason), "\(reply)")
            #expect(reply.contains("Waktu terdekat yang masih kosong"), "\(reply)")
            #expect(!reply.contains("holdVerificationSlot"), "\(reply)")
        }
    }

    /// A time without a day under a list of several days ("yang jam 11", "jam 13.30 aja") was read as today's, which
    /// has no slot, and said to be full: it is the list's rows at that time, or the days' free slots at that time
    /// when the list shows none; the only one is held.
    @Test(
        arguments: [
            ("yang jam 11", ["Rabu, 2 Des", "Kamis, 3 Des", "Jumat, 4 Des"], nil),
            ("jam 13.30 aja", ["Rabu, 2 Des", "Jumat, 4 Des"], nil),
            ("jam 12.30", [], "Anda memilih Kamis, 3 Desember 2026 pukul 12.30 WIB"),
        ] as [(String, [String], String?)])
    func aTimeWithoutADayIsTheListsTime(text: String, days: [String], held: String?) throws {
        var chat = try Self.offered()
        let effects = try chat.read(text)
        let reply = render(effects)
        #expect(!reply.contains("sudah penuh"), "\(reply)")
        if let held {
            #expect(reply.contains(held), "\(reply)")
        } else {
            let sections = try #require(Self.list(effects), "\(reply)")
            #expect(sections.map(\.title).filter { $0 != "Lainnya" } == days, "\(reply)")
            let times = Set(sections.flatMap(\.rows).filter { $0.id != "slot.later" }.map(\.title))
            #expect(times.count == 1, "\(reply)")
        }
    }

    /// A day turned down before the one wished ("ga jadi rabu, kamis aja", "bukan rabu tapi jumat jam 11") is not
    /// the wish: the first day named was read, and its times offered.
    @Test func aDayTurnedDownBeforeTheWishIsNotTheWish() throws {
        let call = Self.instant(2026, 12, 2, 10, 30)
        var moving = try Self.chat(Self.offer(booking: call))
        _ = moving.type("ganti jadwal", .schedule, confidence: 0.97)
        let effects = try moving.read("ga jadi rabu, kamis aja")
        let days = try #require(Self.list(effects), "\(render(effects))").map(\.title)
        #expect(days.first == "Kamis, 3 Des" && !days.contains("Rabu, 2 Des"), "\(days)")
        let friday = render(try moving.read("bukan rabu tapi jumat jam 11"))
        #expect(friday.contains("Anda memilih Jumat, 4 Desember 2026 pukul 11.00 WIB"), "\(friday)")

        var first = try Self.offered()
        let chosen = render(try first.read("jangan rabu, kamis jam 12.30"))
        #expect(chosen.contains("Anda memilih Kamis, 3 Desember 2026 pukul 12.30 WIB"), "\(chosen)")
    }

    /// "ga bisa semua min" to the times offered got "Maaf, waktunya belum saya pahami", a wrong answer counted:
    /// none suits, and the provider is asked which day and time would, inside the call's hours.
    @Test(arguments: ["ga bisa semua min", "tidak ada yang cocok"])
    func noTimeThatSuitsIsAskedWhichWould(text: String) throws {
        var chat = try Self.offered()
        let reply = render(try chat.read(text))
        #expect(
            reply.contains("Ketik hari dan jam yang bisa untuk direktur (Senin–Jumat, 10.00–14.00 WIB)"), "\(reply)")
        #expect(reply.contains("Pilih waktu video call verifikasi tiket #1259"), "\(reply)")
        #expect(!reply.contains("belum saya pahami") && chat.state.invalidAnswers == 0, "\(reply)")
    }

    /// "vc nya pakai apa?" and "nanti yang telpon siapa?" while the times are offered got the list again, or "Baik.
    /// Bila sudah ada waktu yang cocok, ketik *jadwal*", the choice put off by the "nanti" in a question. How the
    /// call goes is said: who calls from which number, and the originals the director has at hand.
    @Test(arguments: ["vc nya pakai apa?", "nanti yang telpon siapa?"])
    func howTheCallGoesIsSaidBeforeItIsBooked(text: String) throws {
        var chat = try Self.offered()
        let reply = render(try chat.read(text))
        #expect(
            reply.contains(
                "akan menghubungi nomor direksi +6281311223344 melalui video call WhatsApp dari 0811-2345-678"),
            "\(reply)")
        #expect(reply.contains("• KTP/KITAS Direktur"), "\(reply)")
        #expect(reply.contains("Pilih waktu video call verifikasi tiket #1259"), "\(reply)")
        #expect(!reply.contains("ketik *jadwal*"), "\(reply)")
        // Putting the choice off is still that.
        var later = try Self.offered()
        #expect(render(try later.read("nanti saya kabari jadwalnya")).contains("ketik *jadwal*"))
    }

    /// The booked call's details and the reminder before it name the number the call goes to, the director's from
    /// the request, for the provider to check: "akan menghubungi melalui video call WhatsApp" named none, and a
    /// provider whose director uses another phone could not tell which. Without one, the director is named.
    @Test func theCallNamesTheNumberItGoesTo() throws {
        let booked = Self.instant(2026, 12, 3, 10, 0)
        var chat = try Self.chat(Self.offer(booking: booked))
        let details = render(try chat.read("dokumen asli apa aja yg disiapkan?"))
        #expect(details.contains("akan menghubungi nomor direksi +6281311223344 melalui video call"), "\(details)")
        chat.now = booked.addingTimeInterval(-30 * 60)
        let reminder = render(chat.event(.verificationReminderDue(ticket: 1259, reminder: .soon)))
        #expect(reminder.contains("akan menghubungi nomor direksi +6281311223344 dari 0811-2345-678"), "\(reminder)")
        var unknown = try Self.chat(Self.offer(booking: booked, directorNumber: nil))
        let plain = render(try unknown.read("dokumen asli apa aja yg disiapkan?"))
        #expect(plain.contains("akan menghubungi direktur melalui video call"), "\(plain)")
    }

    /// "nanti yg vc direktur pakai hp sendiri ya, nomornya 0812 9876 5432" with the call booked got the call's
    /// details again, naming the old number: the call now goes to the number written, the ticket keeps it (staff
    /// read the message there), and the provider is told so, with the booking that stays.
    @Test(arguments: [
        "nanti yg vc direktur pakai hp sendiri ya, nomornya 0812 9876 5432",
        "nomor direktur ganti ke 081298765432 min",
        "untuk video call hubungi 0812-9876-5432 saja",
    ])
    func aNewNumberForTheCallIsKept(text: String) throws {
        let booked = Self.instant(2026, 12, 3, 10, 0)
        var chat = try Self.chat(Self.offer(booking: booked))
        let effects = try chat.read(text)
        let answer = render(effects)
        #expect(effects.contains(.changeDirectorNumber(ticket: 1259, number: "+6281298765432")), "\(answer)")
        let message = ReporterMessage(messageID: "wamid.1", text: text)
        #expect(effects.contains(.appendToTicket(number: 1259, message: message)))
        #expect(answer.contains("kami ganti menjadi +6281298765432"), "\(answer)")
        #expect(answer.contains("dijadwalkan pada Kamis, 3 Desember 2026 pukul 10.00 WIB"), "\(answer)")
        #expect(!answer.contains("+6281311223344"), "the old number is not named: \(answer)")
    }

    /// While the slots are chosen, the number changes and the slots are asked again.
    @Test func aNewNumberWhileChoosingKeepsTheSlots() throws {
        var chat = try Self.offered()
        let effects = try chat.read("direkturnya pakai nomor lain ya: 0812 9876 5432")
        #expect(effects.contains(.changeDirectorNumber(ticket: 1259, number: "+6281298765432")), "\(render(effects))")
        #expect(Self.list(effects) != nil, "the slots again: \(render(effects))")
    }

    /// A question naming a number, the number the call already goes to, or a number with no word of the director
    /// or the call changes nothing.
    @Test(arguments: [
        "yang vc nanti ke 0812 9876 5432 kan?", "nomor direktur 0813 1122 3344 ya min", "0812 9876 5432",
        "kalau ada apa2 hubungi saya di 0812 9876 5432",
    ])
    func otherNumbersChangeNothing(text: String) throws {
        var chat = try Self.chat(Self.offer(booking: Self.instant(2026, 12, 3, 10, 0)))
        let effects = try chat.read(text)
        #expect(!effects.contains { if case .changeDirectorNumber = $0 { true } else { false } }, "\(render(effects))")
    }
}
