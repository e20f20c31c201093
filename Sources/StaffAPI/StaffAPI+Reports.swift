import Foundation
import HTTPServer
import Storage
import Support
import Ticketing

/// The dashboard's figures and the CSV downloads of the console, from the same reports as `loket report`.
extension StaffAPI {
    /// The dashboard of tickets created from `from` to `to` (Jakarta days, both included): open, in progress
    /// and total; per month, service, type and application version; SLA met and breached; the IKM with its
    /// grade and respondents; the verification calls' no-show rate.
    func dashboard(_ period: ReportPeriod, _ caller: StaffCaller) throws -> HTTPResponse {
        let survey = self.tickets.survey
        let calendar = self.tickets.lifecycle.calendar
        let now = self.now()
        try self.writer.read { database in
            _ = try self.actingStaff(
                caller, in: SQLiteTicketStore.transaction(on: database, configuration: self.tickets))
        }
        // The counts and SLA scan the period's tickets, the IKM its surveys: side by side, each in its own read.
        let (summary, (satisfaction, calls)) = try self.writer.readMapped(
            { database in try TicketReports(database: database, calendar: calendar).summary(in: period, now: now) },
            { database in
                let reports = TicketReports(database: database, calendar: calendar)
                return (
                    try survey.map { try reports.satisfaction(in: period, survey: $0) },
                    try reports.verification(in: period)
                )
            })
        let counts = { (dimension: ReportDimension) -> JSONValue in
            .array(
                summary.counts(by: dimension).map {
                    .object([("key", .string($0.key)), ("tickets", .int($0.tickets))])
                })
        }
        let statuses = summary.counts(by: .status)
        let total = statuses.reduce(0) { $0 + $1.tickets }
        let open = statuses.filter { !["closed", "cancelled", "resolved"].contains($0.key) }.reduce(0) {
            $0 + $1.tickets
        }
        let inProgress = statuses.filter {
            $0.key != "new" && !["closed", "cancelled", "resolved"].contains($0.key)
        }
        .reduce(0) { $0 + $1.tickets }
        let sla = summary.sla
        var ikm: JSONValue = .null
        if let index = satisfaction {
            ikm = .object([
                ("index", .string(String(format: "%.2f", index.converted))),
                ("grade", .string(index.grade?.rawValue)),
                ("grade_label", .string(index.grade?.label)), ("respondents", .int(index.respondents)),
            ])
        }
        let done = calls.reduce(0) { $0 + $1.done }
        let noShows = calls.reduce(0) { $0 + $1.noShows }
        let document: JSONValue = .object([
            ("from", .string(JakartaTime.localDate(of: period.start).description)),
            ("to", .string(JakartaTime.localDate(of: period.end.addingTimeInterval(-1)).description)),
            ("total", .int(total)), ("open", .int(open)), ("in_progress", .int(inProgress)),
            ("by_month", counts(.month)), ("by_service", counts(.service)), ("by_type", counts(.type)),
            ("by_version", counts(.applicationVersion)),
            (
                "sla",
                .object([
                    ("met", .int(sla.reduce(0) { $0 + $1.met })),
                    ("breached", .int(sla.reduce(0) { $0 + $1.breached })),
                    ("open_breached", .int(sla.reduce(0) { $0 + $1.openBreached })),
                ])
            ),
            ("ikm", ikm),
            (
                "verification",
                .object([
                    ("done", .int(done)), ("no_show", .int(noShows)),
                    (
                        "no_show_rate",
                        done + noShows == 0
                            ? .null : .string(String(format: "%.3f", Double(noShows) / Double(done + noShows)))
                    ),
                ])
            ),
        ])
        return Self.json(200, document)
    }

    /// A report as CSV (UTF-8 with a byte-order mark for Excel), as `loket report KIND` writes it.
    func reportCSV(_ kind: String, _ period: ReportPeriod, _ caller: StaffCaller) throws -> HTTPResponse {
        let table = try self.writer.readMapped { database -> CSVTable in
            _ = try self.actingStaff(
                caller, in: SQLiteTicketStore.transaction(on: database, configuration: self.tickets))
            let reports = TicketReports(database: database, calendar: self.tickets.lifecycle.calendar)
            switch kind {
            case "sla": return CSVTable(sla: try reports.slaCompliance(in: period, now: self.now()))
            case "timing": return CSVTable(timing: try reports.timing(in: period))
            case "verification": return CSVTable(verification: try reports.verification(in: period))
            case "tickets": return try reports.ticketRows(in: period)
            case "survey":
                guard let survey = self.tickets.survey else {
                    throw StaffAPIError.notFound("no_survey", "no survey is configured")
                }
                return try reports.surveyRows(in: period, survey: survey)
            case "ikm":
                guard let survey = self.tickets.survey else {
                    throw StaffAPIError.notFound("no_survey", "no survey is configured")
                }
                return CSVTable(satisfaction: try reports.satisfaction(in: period, survey: survey))
            default:
                guard let dimension = ReportDimension(rawValue: kind) else {
                    throw StaffAPIError.notFound("unknown_report", "no report \(kind)")
                }
                return CSVTable(counts: try reports.counts(by: dimension, in: period), dimension: dimension)
            }
        }
        var response = HTTPResponse(status: 200, body: Array(table.render(byteOrderMark: true).utf8))
        response.headers.add(name: "Content-Type", value: "text/csv; charset=utf-8")
        response.headers.add(name: "Content-Disposition", value: "attachment; filename=\"loket-\(kind).csv\"")
        return response
    }

    /// `from`/`to` as Jakarta days (default: the last 30 days up to today), at most 366 days.
    static func period(_ parameters: [String: String]) throws(StaffAPIError) -> ReportPeriod {
        let today = JakartaTime.localDate(of: Date())
        let from =
            try parameters["from"].map { (text) throws(StaffAPIError) in try Self.localDate(text, parameter: "from") }
            ?? today.adding(days: -30)
        let to =
            try parameters["to"].map { (text) throws(StaffAPIError) in try Self.localDate(text, parameter: "to") }
            ?? today
        guard from <= to, to.dayNumber - from.dayNumber <= 366 else {
            throw .badRequest("invalid_query", "to must be on or after from, at most a year later")
        }
        return ReportPeriod(from: from, through: to)
    }
}
