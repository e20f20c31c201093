import Foundation
import Storage
import Support
import Testing

@testable import Ticketing

struct TicketReportsTests {
    static let level1 = SQLiteTicketStoreTests.level1
    static let monday = SQLiteTicketStoreTests.monday

    /// Three tickets in March 2026 (two Reset Password, one Pengaduan) and one in April.
    static func populatedStore() throws -> SQLiteTicketStore {
        let store = try SQLiteTicketStoreTests.makeStore()
        try store.write { tx in
            let first = try tx.open(SQLiteTicketStoreTests.draft(), at: monday).ticket
            let classification = SQLiteTicketStoreTests.classification
            try tx.apply(.take(classification), to: first.number, by: level1, at: monday.addingTimeInterval(600))
            try tx.apply(.resolve(text: "ok"), to: first.number, by: level1, at: monday.addingTimeInterval(1800))
            try tx.apply(.confirm, to: first.number, by: SQLiteTicketStoreTests.reporter(of: first), at: monday)
            try tx.submitSurvey(
                SurveyResponse(
                    ticket: first.number, answers: ["p1": 4, "p2": 3], comment: nil,
                    submittedAt: monday.addingTimeInterval(3600)))

            let second = try tx.open(SQLiteTicketStoreTests.draft(), at: monday).ticket
            try tx.apply(.take(classification), to: second.number, by: level1, at: monday.addingTimeInterval(1200))
            try tx.apply(.resolve(text: "ok"), to: second.number, by: level1, at: monday.addingTimeInterval(7200))

            _ = try tx.open(SQLiteTicketStoreTests.draft(title: "Pengaduan, \"umum\""), at: monday)
            _ = try tx.open(SQLiteTicketStoreTests.draft(), at: wib(2026, 4, 6, 9, 0))
        }
        return store
    }

    static func reports(_ store: SQLiteTicketStore, _ body: (TicketReports) throws -> Void) throws {
        try store.writer.read { db in try body(TicketReports(database: db, calendar: WorkingCalendar(holidays: .none)))
        }
    }

    @Test func countsTicketsOfThePeriodByStatus() throws {
        try Self.reports(try Self.populatedStore()) { reports throws in
            let rows = try reports.counts(by: .status, in: .month(2026, 3))
            #expect(
                rows == [
                    ReportRows.Count(key: "closed", tickets: 1), ReportRows.Count(key: "new", tickets: 1),
                    ReportRows.Count(key: "resolved", tickets: 1),
                ])
        }
    }

    /// A report reads a month's tickets from the `tickets_report` index alone: a column added to its query but
    /// not to the index would have it read every row again, three times the pages.
    @Test(arguments: [ReportPeriod.month(2026, 3), ReportPeriod.month(2026, 3, service: "Reset Password")])
    func periodQueriesReadOnlyTheReportIndex(period: ReportPeriod) throws {
        try Self.reports(try Self.populatedStore()) { reports throws in
            let filter = reports.filter(period)
            for (sql, values) in [
                (TicketReports.summarySQL(filter.sql), [.millis(Self.monday)] + filter.values),
                (TicketReports.timingSQL(filter.sql), filter.values),
            ] {
                let plan = try reports.database.query("EXPLAIN QUERY PLAN " + sql, values) { $0.string(3) }
                #expect(plan == ["SEARCH tickets USING COVERING INDEX tickets_report (created_at>? AND created_at<?)"])
            }
            // And the figures are those of the rows.
            #expect(try reports.timing(in: period).tickets == (period.service == nil ? 3 : 2))
        }
    }

    @Test func countsByMonthUseWIBMonths() throws {
        try Self.reports(try Self.populatedStore()) { reports throws in
            let period = ReportPeriod(from: LocalDate(iso: "2026-01-01")!, through: LocalDate(iso: "2026-12-31")!)
            #expect(try reports.counts(by: .month, in: period).map(\.key) == ["2026-03", "2026-04"])
            #expect(try reports.counts(by: .level, in: period) == [ReportRows.Count(key: "1", tickets: 4)])
        }
    }

    @Test func serviceFilterLimitsEveryReport() throws {
        try Self.reports(try Self.populatedStore()) { reports throws in
            let period = ReportPeriod.month(2026, 3, service: "Reset Password")
            #expect(
                try reports.counts(by: .service, in: period) == [ReportRows.Count(key: "Reset Password", tickets: 2)])
        }
    }

    @Test func slaReportSeparatesMetAndBreached() throws {
        try Self.reports(try Self.populatedStore()) { reports throws in
            // Permintaan Layanan: 1 working hour. #1 resolved after 30 min, #2 after 2 h, #3 still new at 12:00.
            let rows = try reports.slaCompliance(in: .month(2026, 3), now: wib(2026, 3, 2, 12, 0))
            #expect(rows == [ReportRows.SLA(type: "permintaan_layanan", met: 1, breached: 1, openBreached: 1)])
        }
    }

    @Test func timingReportGivesMediansInWorkingMinutes() throws {
        try Self.reports(try Self.populatedStore()) { reports throws in
            let timing = try reports.timing(in: .month(2026, 3))
            #expect(timing.tickets == 3)
            #expect(timing.medianFirstResponseMinutes == 15)
            #expect(timing.medianResolutionMinutes == 75)
        }
    }

    @Test func satisfactionReportGradesTheSurveysOfThePeriod() throws {
        try Self.reports(try Self.populatedStore()) { reports throws in
            let index = try reports.satisfaction(
                in: .month(2026, 3), survey: try SatisfactionSurveyTests.shippedSurvey())
            #expect(index.respondents == 1)
            #expect(index.index == 3.5)
            #expect(index.grade == .b)
            let empty = try reports.satisfaction(
                in: .month(2026, 3, service: "Pengaduan"), survey: try SatisfactionSurveyTests.shippedSurvey())
            #expect(empty.respondents == 0 && empty.grade == nil)
        }
    }

    @Test func summaryGivesTheFiguresOfEachReportInOnePass() throws {
        let store = try Self.populatedStore()
        // More variety: other types, categories, a Level 2 ticket, a resolution past its due time.
        try store.write { tx in
            let classification = SQLiteTicketStoreTests.classification
            for (offset, type) in [TicketType.permasalahan, .gangguan, .permasalahan].enumerated() {
                var draft = SQLiteTicketStoreTests.draft(title: offset == 0 ? "Pengaduan" : "Ärger ✓")
                draft.type = type
                draft.category = offset == 2 ? nil : "Kategori \(offset)"
                let ticket = try tx.open(draft, at: wib(2026, 3, 10 + offset, 9, 0)).ticket
                try tx.apply(
                    .take(classification), to: ticket.number, by: Self.level1, at: wib(2026, 3, 10 + offset, 10, 0))
                if offset == 1 {
                    try tx.apply(.escalate(text: nil), to: ticket.number, by: Self.level1, at: wib(2026, 3, 11, 11, 0))
                } else {
                    try tx.apply(.resolve(text: "ok"), to: ticket.number, by: Self.level1, at: wib(2026, 3, 20, 10, 0))
                }
            }
        }
        let now = wib(2026, 3, 25, 12, 0)
        try Self.reports(store) { reports throws in
            for period in [
                ReportPeriod.month(2026, 3), .month(2026, 3, service: "Reset Password"), .month(2026, 5),
                ReportPeriod(from: LocalDate(iso: "2026-01-01")!, through: LocalDate(iso: "2026-12-31")!),
            ] {
                let summary = try reports.summary(in: period, now: now)
                for dimension in ReportDimension.allCases {
                    #expect(summary.counts(by: dimension) == (try reports.counts(by: dimension, in: period)))
                }
                #expect(summary.sla == (try reports.slaCompliance(in: period, now: now)))
            }
            let year = try reports.summary(
                in: ReportPeriod(from: LocalDate(iso: "2026-01-01")!, through: LocalDate(iso: "2026-12-31")!),
                now: now)
            #expect(year.counts(by: .level).map(\.key) == ["1", "2"])
            #expect(year.counts(by: .status).reduce(0) { $0 + $1.tickets } == 7)
        }
    }

    @Test func satisfactionSumsInSQLAgreeWithTheIndexOfTheAnswers() throws {
        let store = try SQLiteTicketStoreTests.makeStore()
        let survey = try SatisfactionSurveyTests.shippedSurvey()
        var answers: [[String: Int]] = []
        try store.write { tx in
            for index in 0..<9 {
                let ticket = try tx.open(SQLiteTicketStoreTests.draft(), at: Self.monday).ticket
                try tx.apply(
                    .take(SQLiteTicketStoreTests.classification), to: ticket.number, by: Self.level1, at: Self.monday)
                try tx.apply(.resolve(text: "ok"), to: ticket.number, by: Self.level1, at: Self.monday)
                try tx.apply(
                    .confirm, to: ticket.number, by: SQLiteTicketStoreTests.reporter(of: ticket), at: Self.monday)
                // Some respondents skip questions.
                let answer = Dictionary(
                    uniqueKeysWithValues: survey.questions.enumerated().filter { ($0.offset + index) % 3 != 0 }.map {
                        ($0.element.id, 1 + ($0.offset * 7 + index) % 4)
                    })
                answers.append(answer)
                try tx.submitSurvey(
                    SurveyResponse(
                        ticket: ticket.number, answers: answer,
                        comment: answer.values.contains { $0 <= 2 } ? "Kurang cepat" : nil, submittedAt: Self.monday))
            }
        }
        try Self.reports(store) { reports throws in
            let index = try reports.satisfaction(in: .month(2026, 3), survey: survey)
            let expected = SatisfactionIndex(answers: answers, questions: survey.questions.map { ($0.id, $0.element) })
            #expect(index == expected)
            #expect(index.respondents == 9)
        }
    }

    @Test func csvQuotesPerRFC4180WithBOMAndCRLF() {
        let table = CSVTable(
            header: ["service", "tickets"], rows: [["Pengaduan, \"umum\"", "1"], ["Baris\nbaru", "2"]])
        #expect(table.render() == "\u{FEFF}service,tickets\r\n\"Pengaduan, \"\"umum\"\"\",1\r\n\"Baris\nbaru\",2\r\n")
        #expect(table.render(byteOrderMark: false).hasPrefix("service,tickets\r\n"))
    }

    @Test func satisfactionCSVEndsWithIndexAndGrade() {
        let index = SatisfactionIndex(answers: [["q": 4]], questions: [(id: "q", element: "waktu")])
        let csv = CSVTable(satisfaction: index).render(byteOrderMark: false)
        #expect(csv.contains("IKM x 25,,1,100.00\r\n"))
        #expect(csv.contains("grade,A (Sangat Baik),1,\r\n"))
    }
}
