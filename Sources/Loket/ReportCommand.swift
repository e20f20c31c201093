import Foundation
import Storage
import Support
import Ticketing

/// `loket report KIND [--from DATE] [--to DATE] [--service NAME] [--no-bom]`: a helpdesk report as CSV on stdout.
///
/// CSV is UTF-8 with a byte-order mark (so Excel reads Indonesian names correctly; `--no-bom` leaves it out),
/// a header row and CRLF line ends per RFC 4180. Dates are WIB days, both ends included; the default period
/// is the current month up to today.
enum ReportCommand {
    static let kinds = [
        "status", "type", "category", "service", "version", "month", "level", "sla", "timing", "ikm", "verification",
    ]
    static let usage =
        "report KIND [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--service NAME] [--no-bom]\n"
        + "                           CSV report; KIND: \(kinds.joined(separator: ", "))"

    static func run(_ arguments: [String], environment: [String: String], now: Date = Date()) -> Int32 {
        guard let kind = arguments.first, Self.kinds.contains(kind) else {
            Self.fail("give one report kind of: \(Self.kinds.joined(separator: ", "))")
            return 64
        }
        var from: LocalDate?
        var through: LocalDate?
        var service: String?
        var byteOrderMark = true
        var index = 1
        while index < arguments.count {
            let option = arguments[index]
            let value = index + 1 < arguments.count ? arguments[index + 1] : nil
            switch option {
            case "--from", "--to":
                guard let value, let date = LocalDate(iso: value) else {
                    Self.fail("\(option) needs a date YYYY-MM-DD")
                    return 64
                }
                if option == "--from" { from = date } else { through = date }
                index += 2
            case "--service":
                guard let value, !value.isEmpty else {
                    Self.fail("--service needs the service name (the ticket title)")
                    return 64
                }
                service = value
                index += 2
            case "--no-bom":
                byteOrderMark = false
                index += 1
            default:
                Self.fail("unknown option \(option)")
                return 64
            }
        }
        let calendarToday = WorkingCalendar(holidays: .none).localDate(of: now)
        let start = from ?? LocalDate(year: calendarToday.year, month: calendarToday.month, day: 1)!
        let end = through ?? calendarToday
        guard start <= end else {
            Self.fail("--from \(start) is after --to \(end)")
            return 64
        }
        let period = ReportPeriod(from: start, through: end, service: service)

        let dataDirectory = environment["LOKET_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "./data"
        let dialogs = URL(
            fileURLWithPath: environment["LOKET_DIALOGS"].flatMap { $0.isEmpty ? nil : $0 } ?? "./Dialogs")
        let path = URL(fileURLWithPath: dataDirectory).appendingPathComponent("loket.sqlite").path
        guard FileManager.default.fileExists(atPath: path) else {
            Self.fail("no database at \(path): check LOKET_DATA_DIR")
            return 66
        }
        do {
            let holidays = try HolidayCalendar.load(contentsOf: dialogs.appendingPathComponent("holidays.json"))
            for warning in holidays.coverageWarnings(for: Array(Set([start.year, end.year])).sorted()) {
                FileHandle.standardError.write(Data("loket report: warning: \(warning)\n".utf8))
            }
            let database = try Database(path: path, readOnly: true)
            let version = try database.queryFirst(
                "SELECT version FROM schema_migrations WHERE component = ?", [.text(TicketSchema.component)]
            ) { $0.int(0) }
            guard version == TicketSchema.migrator.latestVersion else {
                Self.fail(
                    "the database has ticketing schema version \(version.map(String.init) ?? "none"), this loket "
                        + "reads version \(TicketSchema.migrator.latestVersion): start the matching service once")
                return 65
            }
            let reports = TicketReports(database: database, calendar: WorkingCalendar(holidays: holidays))
            // The period's rows are mostly not in memory when the command starts: mapped, they are read from
            // the disk in larger chunks.
            let table = try database.withMappedFile { () throws -> CSVTable? in
                switch kind {
                case "sla":
                    return CSVTable(sla: try reports.slaCompliance(in: period, now: now))
                case "timing":
                    return CSVTable(timing: try reports.timing(in: period))
                case "verification":
                    return CSVTable(verification: try reports.verification(in: period))
                case "ikm":
                    let survey = try SurveyDefinition.load(contentsOf: dialogs.appendingPathComponent("survey.json"))
                    return CSVTable(satisfaction: try reports.satisfaction(in: period, survey: survey))
                default:
                    guard let dimension = ReportDimension(rawValue: kind) else { return nil }
                    return CSVTable(counts: try reports.counts(by: dimension, in: period), dimension: dimension)
                }
            }
            guard let table else { return 64 }
            FileHandle.standardOutput.write(Data(table.render(byteOrderMark: byteOrderMark).utf8))
            return 0
        } catch {
            Self.fail("\(error)")
            return 74
        }
    }

    private static func fail(_ message: String) {
        FileHandle.standardError.write(Data("loket report: \(message)\n".utf8))
    }
}
