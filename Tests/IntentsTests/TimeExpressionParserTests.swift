import Foundation
import Testing

@testable import Intents

struct TimeExpressionParserTests {
    /// Thursday 3 December 2026, 09:00 in Jakarta.
    let now = ISO8601DateFormatter().date(from: "2026-12-03T09:00:00+07:00")!

    private func parsed(_ text: String) -> String? {
        TimeExpressionParser(now: self.now).parse(text).map { Entities.jakartaTimestamp($0.date) }
    }

    @Test(arguments: [
        ("besok jam 10", "2026-12-04T10:00:00+07:00"),
        ("bsk jam 10 bisa?", "2026-12-04T10:00:00+07:00"),
        ("senin depan pukul 13.30", "2026-12-07T13:30:00+07:00"),
        ("tgl 5 des jam 11", "2026-12-05T11:00:00+07:00"),
        ("tomorrow 2pm", "2026-12-04T14:00:00+07:00"),
        ("10:30", "2026-12-03T10:30:00+07:00"),
        ("jmt jam 11", "2026-12-04T11:00:00+07:00"),
        ("sls dpn jam 10", "2026-12-08T10:00:00+07:00"),
        ("kms dpn jam 13", "2026-12-10T13:00:00+07:00"),
        ("jam 2 siang", "2026-12-03T14:00:00+07:00"),
        ("lusa", "2026-12-05T00:00:00+07:00"),
        ("hari ini jam 3 sore", "2026-12-03T15:00:00+07:00"),
        ("jumat depan jam 9 pagi", "2026-12-11T09:00:00+07:00"),
        ("next monday at 10am", "2026-12-07T10:00:00+07:00"),
        ("tanggal 9/12 jam 10", "2026-12-09T10:00:00+07:00"),
        ("10 desember 2026 pukul 10.00 wib", "2026-12-10T10:00:00+07:00"),
        ("dec 24 at 1:30 pm", "2026-12-24T13:30:00+07:00"),
    ])
    func resolvesExpressionsAgainstNowInJakarta(_ text: String, _ expected: String) {
        #expect(self.parsed(text) == expected)
    }

    @Test(arguments: [
        ("jam 10.30 direktur rapat, bisa diundur jam 13.00?", "2026-12-03T13:00:00+07:00"),
        ("besok jam 10 dimajukan jam 9 pagi bisa?", "2026-12-04T09:00:00+07:00"),
        ("jadwal senin jam 10, tolong dipindah ke selasa", "2026-12-08T10:00:00+07:00"),
        ("can we move friday 10am to monday 1pm", "2026-12-07T13:00:00+07:00"),
        ("jam 11 bisa diundur?", "2026-12-03T11:00:00+07:00"),
        ("jadi besok jam 10 ya", "2026-12-04T10:00:00+07:00"),
    ])
    func readsTheTimeAMessageMovesToAsTheWish(_ text: String, _ expected: String) {
        #expect(self.parsed(text) == expected)
    }

    @Test func readsATimeThatHasPassedTodayAsTomorrow() {
        #expect(self.parsed("08:00") == "2026-12-04T08:00:00+07:00")
    }

    @Test func readsADateWhoseDayHasPassedAsNextYear() {
        #expect(self.parsed("tgl 1 des") == "2027-12-01T00:00:00+07:00")
    }

    @Test func readsADateSpokenOfInThePastAsPast() {
        #expect(self.parsed("verifikasi tgl 1 kemarin") == "2026-12-01T00:00:00+07:00")
    }

    @Test func readsAnHourWithoutPeriodFromOneToSixAsAfternoon() {
        #expect(self.parsed("jam 2") == "2026-12-03T14:00:00+07:00")
    }

    @Test func saysWhetherATimeOfDayWasGiven() {
        let parser = TimeExpressionParser(now: self.now)
        #expect(parser.parse("besok")?.includesTime == false)
        #expect(parser.parse("besok jam 10")?.includesTime == true)
    }

    @Test func saysWhetherADayWasGiven() {
        let parser = TimeExpressionParser(now: self.now)
        #expect(parser.parse("yg jam 10 aja")?.includesDay == false)
        #expect(parser.parse("10:30")?.includesDay == false)
        #expect(parser.parse("besok jam 10")?.includesDay == true)
        #expect(parser.parse("senin jam 10")?.includesDay == true)
        #expect(parser.parse("tgl 9/12 jam 10")?.includesDay == true)
        #expect(parser.parse("lusa")?.includesDay == true)
    }

    @Test(arguments: ["jam 25", "besok jam 25", "tgl 31 feb", "25:00", "10:61", "tgl 32", "29 feb 2027"])
    func rejectsImpossibleTimes(_ text: String) {
        #expect(self.parsed(text) == nil)
    }

    /// Found by the time-expression fuzz target: a one- or three-digit year, or one outside 2000–2100, made
    /// a date centuries away.
    @Test(arguments: ["22/3/8", "1/1/999", "5-12-0999", "0999-12-05", "9999-01-01", "5/12/123456"])
    func rejectsNumericDatesWithoutAPlausibleYear(_ text: String) {
        #expect(self.parsed(text) == nil)
    }

    @Test(arguments: ["sudah 3 hari belum ada kabar", "minggu depan", "tiket 1259", "helpdesk online 24 jam?"])
    func findsNoTimeInOrdinaryText(_ text: String) {
        #expect(self.parsed(text) == nil)
    }
}
