import Foundation
import Storage
import Support

/// The helpdesk reports over a period: counts by dimension, SLA compliance, median times and the IKM.
///
/// Tickets belong to the period in which they were created; surveys to the period in which they were submitted.
public struct TicketReports {
    public let database: Database
    public let calendar: WorkingCalendar

    public init(database: Database, calendar: WorkingCalendar) {
        self.database = database
        self.calendar = calendar
    }

    func filter(_ period: ReportPeriod) -> (sql: String, values: [SQLiteValue]) {
        var values: [SQLiteValue] = [.millis(period.start), .millis(period.end)]
        var sql = "created_at >= ? AND created_at < ?"
        if let service = period.service {
            sql += " AND title = ?"
            values.append(.text(service))
        }
        return (sql, values)
    }

    /// Tickets created in the period, counted per value of `dimension`, ordered by the value.
    public func counts(by dimension: ReportDimension, in period: ReportPeriod) throws -> [ReportRows.Count] {
        let filter = self.filter(period)
        return try self.database.query(
            """
            SELECT \(dimension.expression) AS value, count(*) FROM tickets WHERE \(filter.sql)
            GROUP BY value ORDER BY value
            """, filter.values
        ) { ReportRows.Count(key: $0.string(0), tickets: $0.int(1)) }
    }

    /// Per type: resolutions within and past the SLA, and unresolved tickets past due at `now`.
    public func slaCompliance(in period: ReportPeriod, now: Date) throws -> [ReportRows.SLA] {
        let filter = self.filter(period)
        return try self.database.query(
            """
            SELECT coalesce(type, ''),
                sum(resolved_within_sla = 1),
                sum(resolved_within_sla = 0),
                sum(resolved_within_sla IS NULL AND is_open = 1 AND sla_paused_at IS NULL AND due_at < ?)
            FROM tickets WHERE \(filter.sql)
            GROUP BY 1 ORDER BY 1
            """, [.millis(now)] + filter.values
        ) { ReportRows.SLA(type: $0.string(0), met: $0.int(1), breached: $0.int(2), openBreached: $0.int(3)) }
    }

    /// Every dimension's counts and the SLA compliance of the period's tickets, read in one pass over their
    /// rows and added up here (SQLite would sort the rows once per dimension). What the dashboard shows; the
    /// same figures as `counts(by:in:)` and `slaCompliance(in:now:)`.
    public func summary(in period: ReportPeriod, now: Date) throws -> ReportRows.Summary {
        let filter = self.filter(period)
        let textDimensions: [ReportDimension] = [.status, .type, .category, .service, .applicationVersion]
        var tallies = [TextTally](repeating: TextTally(), count: textDimensions.count)
        var months: [String: Int] = [:]
        var levels: [Int: Int] = [:]
        // By the position of the ticket's type in its tally (column 1).
        var sla: [(met: Int, breached: Int, openBreached: Int)] = []
        // Rows come in creation order: the month of the previous row is almost always the month of the next.
        var month = (key: "", from: Int64.max, to: Int64.max)
        let statement = try self.database.prepare(Self.summarySQL(filter.sql), [.millis(now)] + filter.values)
        defer { statement.reset() }
        while try statement.step() {
            var type = 0
            for column in tallies.indices {
                let position = statement.withText(Int32(column)) { tallies[column].count($0) }
                if column == 1 { type = position }
            }
            let created = statement.int64(5)
            if created < month.from || created >= month.to {
                let day = JakartaTime.localDate(of: Date(timeIntervalSince1970: TimeInterval(created / 1000)))
                let first = LocalDate(year: day.year, month: day.month, day: 1)!.dayNumber
                let next = LocalDate(year: day.year + day.month / 12, month: day.month % 12 + 1, day: 1)!.dayNumber
                let milliseconds = { (day: Int) in
                    Int64(JakartaTime.instant(day: day, second: 0).timeIntervalSince1970) * 1000
                }
                month = (String(format: "%04d-%02d", day.year, day.month), milliseconds(first), milliseconds(next))
            }
            months[month.key, default: 0] += 1
            levels[statement.int(6), default: 0] += 1
            if type == sla.count { sla.append((0, 0, 0)) }
            if !statement.isNull(7) {
                if statement.int(7) == 1 {
                    sla[type].met += 1
                } else if statement.int(7) == 0 {
                    sla[type].breached += 1
                }
            }
            sla[type].openBreached += statement.int(8)
        }
        // SQLite orders text by its UTF-8 bytes; so do the rows here.
        func inSQLiteOrder<Value>(_ values: [String: Value]) -> [(key: String, value: Value)] {
            values.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        }
        func ordered(_ values: [String: Int]) -> [ReportRows.Count] {
            inSQLiteOrder(values).map { ReportRows.Count(key: $0.key, tickets: $0.value) }
        }
        var summary: [ReportDimension: [ReportRows.Count]] = [
            .month: ordered(months),
            .level: ordered(Dictionary(uniqueKeysWithValues: levels.map { (String($0.key), $0.value) })),
        ]
        for (column, dimension) in textDimensions.enumerated() {
            summary[dimension] = ordered(tallies[column].counts)
        }
        var slaByType: [String: (met: Int, breached: Int, openBreached: Int)] = [:]
        for (position, row) in sla.enumerated() {
            let type = tallies[1].text(at: position)
            let earlier = slaByType[type] ?? (0, 0, 0)
            slaByType[type] = (
                earlier.met + row.met, earlier.breached + row.breached, earlier.openBreached + row.openBreached
            )
        }
        return ReportRows.Summary(
            counts: summary,
            sla: inSQLiteOrder(slaByType).map {
                ReportRows.SLA(
                    type: $0.key, met: $0.value.met, breached: $0.value.breached, openBreached: $0.value.openBreached)
            })
    }

    /// The rows `summary(in:now:)` reads, for tickets matching `filter`: every column is in the `tickets_report`
    /// index, so the rows themselves are not read.
    static func summarySQL(_ filter: String) -> String {
        """
        SELECT status, coalesce(type, ''), coalesce(category, ''), title, coalesce(application_version, ''),
            created_at, level, resolved_within_sla,
            resolved_within_sla IS NULL AND is_open = 1 AND sla_paused_at IS NULL AND due_at < ?
        FROM tickets WHERE \(filter)
        """
    }

    /// The rows `timing(in:)` reads, from the `tickets_report` index too.
    static func timingSQL(_ filter: String) -> String {
        "SELECT created_at, first_response_at, resolved_at FROM tickets WHERE \(filter)"
    }

    /// Median first response and resolution times in working minutes for tickets created in the period.
    public func timing(in period: ReportPeriod) throws -> ReportRows.Timing {
        let filter = self.filter(period)
        var responses: [Int] = []
        var resolutions: [Int] = []
        var count = 0
        let statement = try self.database.prepare(Self.timingSQL(filter.sql), filter.values)
        defer { statement.reset() }
        while try statement.step() {
            count += 1
            let created = statement.date(0)
            if let first = statement.optionalDate(1) {
                responses.append(self.calendar.workingSeconds(from: created, to: first))
            }
            if let resolved = statement.optionalDate(2) {
                resolutions.append(self.calendar.workingSeconds(from: created, to: resolved))
            }
        }
        return ReportRows.Timing(
            tickets: count, responded: responses.count, medianFirstResponseMinutes: Self.medianMinutes(responses),
            resolved: resolutions.count, medianResolutionMinutes: Self.medianMinutes(resolutions))
    }

    static func medianMinutes(_ seconds: [Int]) -> Double? {
        guard !seconds.isEmpty else { return nil }
        let sorted = seconds.sorted()
        let middle = sorted.count / 2
        let value = sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
        return value / 60
    }

    /// The IKM of the surveys submitted in the period (for the period's service, when set), from each
    /// question's answer count and sum (one answer per ticket and question: the table's key).
    public func satisfaction(in period: ReportPeriod, survey: SurveyDefinition) throws -> SatisfactionIndex {
        var values: [SQLiteValue] = [.millis(period.start), .millis(period.end)]
        var sql = """
            SELECT a.ticket_number, a.question_id, a.value FROM survey_responses r
            JOIN survey_answers a ON a.ticket_number = r.ticket_number
            """
        if period.service != nil { sql += " JOIN tickets t ON t.number = r.ticket_number" }
        sql += " WHERE r.submitted_at >= ? AND r.submitted_at < ?"
        if let service = period.service {
            sql += " AND t.title = ?"
            values.append(.text(service))
        }
        var questions = TextTally()
        var sums: [Int] = []  // by the question's position in `questions`
        var respondents = Set<Int>()
        var previous: Int?
        let statement = try self.database.prepare(sql, values)
        defer { statement.reset() }
        while try statement.step() {
            // A respondent's answers usually come together: the set is asked once per respondent.
            let ticket = statement.int(0)
            if ticket != previous {
                respondents.insert(ticket)
                previous = ticket
            }
            let question = statement.withText(1) { questions.count($0) }
            if question == sums.count { sums.append(0) }
            sums[question] += statement.int(2)
        }
        var totals: [String: (respondents: Int, sum: Int)] = [:]
        for (position, value) in questions.values.enumerated() {
            let earlier = totals[questions.text(at: position)] ?? (0, 0)
            totals[questions.text(at: position)] = (earlier.respondents + value.count, earlier.sum + sums[position])
        }
        return SatisfactionIndex(
            totals: totals, respondents: respondents.count, questions: survey.questions.map { ($0.id, $0.element) })
    }
}

extension TicketReports {
    /// Verification calls whose slot lies in the period, per Jakarta day and verifier: booked (still
    /// ahead), done, no-shows and cancelled, the median lead time from ticket creation to the call in
    /// calendar days, and the no-show rate among calls that took place or were missed.
    public func verification(in period: ReportPeriod) throws -> [ReportRows.Verification] {
        struct Key: Hashable, Comparable {
            var day: LocalDate
            var verifier: Int
            static func < (lhs: Key, rhs: Key) -> Bool { (lhs.day, lhs.verifier) < (rhs.day, rhs.verifier) }
        }
        var rows: [Key: ReportRows.Verification] = [:]
        var leads: [Key: [Double]] = [:]
        let statement = try self.database.prepare(
            """
            SELECT c.slot_start, c.seat, c.state, t.created_at FROM verification_calls c
            JOIN tickets t ON t.number = c.ticket_number
            WHERE c.slot_start >= ? AND c.slot_start < ? AND c.state != 'held'
            """ + (period.service == nil ? "" : " AND t.title = ?"),
            [.millis(period.start), .millis(period.end)] + (period.service.map { [.text($0)] } ?? []))
        while try statement.step() {
            let start = statement.date(0)
            let key = Key(day: JakartaTime.localDate(of: start), verifier: statement.int(1) + 1)
            var row = rows[key] ?? ReportRows.Verification(day: key.day, verifier: key.verifier)
            switch statement.string(2) {
            case "booked": row.booked += 1
            case "done": row.done += 1
            case "no_show": row.noShows += 1
            default: row.cancelled += 1
            }
            if statement.string(2) != "cancelled" {
                leads[key, default: []].append(start.timeIntervalSince(statement.date(3)) / 86_400)
            }
            rows[key] = row
        }
        return rows.keys.sorted().map { key in
            var row = rows[key]!
            let sorted = (leads[key] ?? []).sorted()
            row.medianLeadDays = sorted.isEmpty ? nil : sorted[sorted.count / 2]
            return row
        }
    }
}

extension TicketReports {
    /// Every ticket created in the period, one row each, oldest first: for the console's "Daftar Tiket" export.
    public func ticketRows(in period: ReportPeriod) throws -> CSVTable {
        let header = [
            "number", "created_wib", "service", "company", "business_form", "npwp_or_nip", "reporter_name",
            "reporter_wa_id",
            "director_phone", "status", "type", "category", "priority", "application_version", "level", "assignee",
            "resolved_wib", "closed_wib", "resolved_within_sla",
        ]
        let rows = try self.database.query(
            """
            SELECT number, created_at, title, company_name, business_form, tax_or_staff_id, reporter_name, reporter_wa_id,
                director_phone, status, type, category, priority, application_version, level, assignee, resolved_at,
                closed_at, resolved_within_sla
            FROM tickets WHERE created_at >= ? AND created_at < ? ORDER BY number
            """, [.millis(period.start), .millis(period.end)]
        ) { row -> [String] in
            func text(_ column: Int32) -> String { row.optionalString(column) ?? "" }
            func time(_ column: Int32) -> String { row.optionalDate(column).map(JakartaTime.format) ?? "" }
            let sla = row.isNull(18) ? "" : (row.int(18) != 0 ? "yes" : "no")
            return [
                String(row.int(0)), time(1), text(2), text(3), text(4), text(5), text(6), text(7), text(8), text(9),
                text(10),
                text(11), text(12), text(13), String(row.int(14)), text(15), time(16), time(17), sla,
            ]
        }
        return CSVTable(header: header, rows: rows)
    }

    /// Every survey response submitted in the period with its answers per question and the comment.
    public func surveyRows(in period: ReportPeriod, survey: SurveyDefinition) throws -> CSVTable {
        let questions = survey.questions.map(\.id)
        var answers: [Int: [String: Int]] = [:]
        let answerRows = try self.database.query(
            """
            SELECT a.ticket_number, a.question_id, a.value FROM survey_answers a
            JOIN survey_responses r ON r.ticket_number = a.ticket_number
            WHERE r.submitted_at >= ? AND r.submitted_at < ?
            """, [.millis(period.start), .millis(period.end)]
        ) { ($0.int(0), $0.string(1), $0.int(2)) }
        for (ticket, question, value) in answerRows { answers[ticket, default: [:]][question] = value }
        let rows = try self.database.query(
            """
            SELECT r.ticket_number, r.submitted_at, t.title, r.comment FROM survey_responses r
            JOIN tickets t ON t.number = r.ticket_number
            WHERE r.submitted_at >= ? AND r.submitted_at < ? ORDER BY r.submitted_at
            """, [.millis(period.start), .millis(period.end)]
        ) { row -> [String] in
            let ticket = row.int(0)
            return [String(ticket), JakartaTime.format(row.date(1)), row.string(2)]
                + questions.map { answers[ticket]?[$0].map(String.init) ?? "" } + [row.optionalString(3) ?? ""]
        }
        return CSVTable(header: ["ticket", "submitted_wib", "service"] + questions + ["comment"], rows: rows)
    }
}
