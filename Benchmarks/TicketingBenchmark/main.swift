import Foundation
import Storage
import Support
import Ticketing

// Prints the cost of the ticketing hot paths on a 100,000-ticket SQLite database (WAL, synchronous=NORMAL)
// in a temporary directory: create ticket + activity per transaction, queue pages, a month's reports.
// Run with `swift run -c release TicketingBenchmark [ticket-count]`. BENCH_WAL_AUTOCHECKPOINT=N sets SQLite's
// wal_autocheckpoint (pages) on the writer to show the cost of checkpoints; the default is SQLite's 1000.
// `TicketingBenchmark --database PATH` measures only the queue pages and the last full month's reports on an
// existing database (a year of history from HistorySeed), leaving it unchanged. The reports are read as the
// console's dashboard reads them: the file memory-mapped, the tickets' scans and the surveys' in two reads side
// by side (`DatabaseWriter.readMapped(_:_:)`); `--unmapped` reads them all in one ordinary read, to compare. With
// `--database`, the file is taken out of the page cache before the reports, so their first run is the cold case.

let arguments = Array(CommandLine.arguments.dropFirst())
let existingDatabase = arguments.firstIndex(of: "--database").flatMap {
    $0 + 1 < arguments.count ? arguments[$0 + 1] : nil
}
let unmapped = arguments.contains("--unmapped")
let ticketCount = arguments.first.flatMap(Int.init) ?? 100_000
let clock = ContinuousClock()

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

/// User + system CPU seconds of this process so far.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

func percentile(_ values: [Double], _ fraction: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))]
}

// BENCH_DATA_DIR keeps the database (for trying `loket report` on it); otherwise a temporary directory is removed.
let keptDirectory = ProcessInfo.processInfo.environment["BENCH_DATA_DIR"]
let directory =
    keptDirectory.map { URL(fileURLWithPath: $0) }
    ?? FileManager.default.temporaryDirectory.appendingPathComponent("loket-bench-\(UUID().uuidString)")
if existingDatabase == nil {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
}
defer { if keptDirectory == nil && existingDatabase == nil { try? FileManager.default.removeItem(at: directory) } }
let path = existingDatabase ?? directory.appendingPathComponent("loket.sqlite").path

let dialogs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Dialogs")
let ticketing = try TicketingDialogs.load(from: dialogs, now: Date())
let survey = ticketing.survey
let configuration = ticketing.storeConfiguration(firstNumber: 1000)
let calendar = configuration.lifecycle.calendar
let writer = try DatabaseWriter(path: path)
let store = try SQLiteTicketStore(writer: writer, configuration: configuration)
if let checkpoint = ProcessInfo.processInfo.environment["BENCH_WAL_AUTOCHECKPOINT"] {
    try writer.read { db in try db.execute("PRAGMA wal_autocheckpoint=\(Int(checkpoint) ?? 1000)") }
}
let journal = try writer.read { db in try db.queryFirst("PRAGMA journal_mode") { $0.string(0) } } ?? "?"
let synchronous = try writer.read { db in try db.queryFirst("PRAGMA synchronous") { $0.int(0) } } ?? -1
print("database: \(path) journal_mode=\(journal) synchronous=\(synchronous == 1 ? "NORMAL" : String(synchronous))")

let yearStart = Date(timeIntervalSince1970: 1_767_200_400)  // 2026-01-01 00:00 WIB
/// The reporter of one ticket in fifty, all of them closed below (a provider of long standing, with nothing open).
let longStandingProvider = "6281299999999"
func reporter(of index: Int) -> String {
    index % 50 == 0 ? longStandingProvider : "62812\(10_000_000 + index % 20_000)"
}
if existingDatabase == nil {
    // 1. Create ticket + activity, one transaction per ticket.
    let services = [
        "Registrasi dan Verifikasi Penyedia", "Reset Password", "Perubahan Email", "Pengaduan",
        "Konsultasi / Dukungan Penggunaan SPSE",
    ]
    let types: [TicketType] = [.permintaanLayanan, .permasalahan, .gangguan]
    let spacing = 365.0 * 86_400 / Double(ticketCount)
    var numbers: [TicketNumber] = []
    numbers.reserveCapacity(ticketCount)
    let createStart = clock.now
    let createCPUStart = cpuSeconds()
    for index in 0..<ticketCount {
        let draft = TicketDraft(
            title: services[index % services.count], description: "Permohonan layanan atas nama PT Contoh \(index)",
            companyName: "PT Contoh \(index)", businessForm: "PT", reporterRole: "penyedia",
            taxOrStaffID: "0123456789\(index % 100_000)", directorPhone: "+62812\(10_000_000 + index % 9_000_000)",
            reporterWaID: reporter(of: index), reporterName: "Pelapor \(index)",
            type: types[index % types.count], category: "Kategori \(index % 7)")
        let at = yearStart.addingTimeInterval(Double(index) * spacing)
        let number = try store.write { tx in try tx.open(draft, at: at).ticket.number }
        numbers.append(number)
    }
    let createSeconds = milliseconds(clock.now - createStart) / 1000
    print(
        String(
            format:
                "create ticket + activity (1 transaction each): %d tickets in %.2f s = %.0f tickets/s (target >= 5000/s)",
            ticketCount, createSeconds, Double(ticketCount) / createSeconds))
    print(
        String(
            format: "  (CPU %.1f µs per ticket: %.0f tickets/s if the disk and the cores were not shared)",
            (cpuSeconds() - createCPUStart) / Double(ticketCount) * 1e6,
            Double(ticketCount) / (cpuSeconds() - createCPUStart)))

    // Untimed: move most tickets through the lifecycle so queues and reports have realistic data.
    let level1 = TicketActor(role: .level1, id: "staff-1", name: "Wida")
    let level1b = TicketActor(role: .level1, id: "staff-2", name: "Rahman")
    let level2 = TicketActor(role: .level2, id: "admin-1", name: "Admin")
    let classification = TicketClassification(priority: .normal, applicationVersion: "SPSE 4.5")
    let lifecycleStart = clock.now
    for batch in stride(from: 0, to: numbers.count, by: 1000) {
        try store.write { tx in
            for index in batch..<min(batch + 1000, numbers.count) where index % 10 < 8 {
                let number = numbers[index]
                let at = yearStart.addingTimeInterval(Double(index) * spacing)
                let staff = index % 2 == 0 ? level1 : level1b
                try tx.apply(.take(classification), to: number, by: staff, at: at.addingTimeInterval(900))
                if index % 10 == 7 { continue }
                if index % 10 == 6 {
                    try tx.apply(.escalate(text: nil), to: number, by: staff, at: at.addingTimeInterval(1800))
                    continue
                }
                try tx.apply(.resolve(text: "Sudah selesai"), to: number, by: staff, at: at.addingTimeInterval(5400))
                if index % 10 < 4 {
                    let reporter = TicketActor.reporter(waID: reporter(of: index), name: "Pelapor")
                    try tx.apply(.confirm, to: number, by: reporter, at: at.addingTimeInterval(7200))
                    try tx.submitSurvey(
                        SurveyResponse(
                            ticket: number,
                            answers: Dictionary(
                                uniqueKeysWithValues: survey.questions.enumerated().map {
                                    ($0.element.id, 3 + ($0.offset + index) % 2)
                                }), comment: nil, submittedAt: at.addingTimeInterval(7300)))
                }
            }
        }
    }
    print(
        String(
            format: "(setup: lifecycle for 80%% of tickets took %.1f s)",
            milliseconds(clock.now - lifecycleStart) / 1000))
    _ = level2
}

// 2. Queue pages.
func measureQueue(_ name: String, _ query: TicketQueueQuery, pages: Int = 400) throws {
    var samples: [Double] = []
    var current = query
    for _ in 0..<pages {
        let start = clock.now
        let page = try store.read { try $0.queue(current) }
        samples.append(milliseconds(clock.now - start))
        current.after = page.next
        if page.next == nil { current.after = nil }
    }
    print(
        String(
            format: "queue page %@ (50 tickets): median %.3f ms, p99 %.3f ms (target <= 5 ms)", name,
            percentile(samples, 0.5), percentile(samples, 0.99)))
}
try measureQueue("status=in_progress", TicketQueueQuery(status: .inProgress, limit: 50))
try measureQueue("open level=2", TicketQueueQuery(level: .level2, limit: 50))
try measureQueue("open assignee=staff-1", TicketQueueQuery(assignee: "staff-1", limit: 50))
try measureQueue("all open", TicketQueueQuery(limit: 50))
try measureQueue("status=closed", TicketQueueQuery(status: .closed, openOnly: false, limit: 50))
// Filters together, as the console combines them: a level and an assignee few of the status's tickets have, and
// an assignee none has, must not read past the status's other tickets (every closed ticket of a year).
try measureQueue(
    "status=closed level=2 assignee=staff-1",
    TicketQueueQuery(status: .closed, level: .level2, assignee: "staff-1", openOnly: false, limit: 50))
try measureQueue(
    "status=closed assignee=nobody", TicketQueueQuery(status: .closed, assignee: "nobody", openOnly: false, limit: 50)
)
// HistorySeed's providers are numbered from 62812 20000000, this benchmark's from 62812 10000000.
let firstContact = existingDatabase == nil ? 10_000_000 : 20_000_000
let contactStart = clock.now
for index in 0..<1000 {
    _ = try store.read {
        try $0.tickets(ofContact: "62812\(firstContact + index)", includeClosed: true, limit: 20)
    }
}
print(String(format: "contact's tickets: %.3f ms per lookup", milliseconds(clock.now - contactStart) / 1000))
if existingDatabase == nil {
    // Read for every message a provider sends: their closed history must not be read with each.
    let history = try store.read { try $0.tickets(ofContact: longStandingProvider, includeClosed: true, limit: 10_000) }
    let openStart = clock.now
    for _ in 0..<1000 {
        _ = try store.read { try $0.tickets(ofContact: longStandingProvider, includeClosed: false, limit: 20) }
    }
    print(
        String(
            format: "open tickets of a provider with %d closed ones (read for each message): %.3f ms per lookup",
            history.filter { !$0.status.isOpen }.count, milliseconds(clock.now - openStart) / 1000))
}

// 3. A month's reports (March 2026: Lebaran holidays included), or on an existing database the last full month.
let today = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Asia/Jakarta")!, from: Date())
let month =
    existingDatabase == nil
    ? ReportPeriod.month(2026, 3)
    : today.month! == 1 ? ReportPeriod.month(today.year! - 1, 12) : ReportPeriod.month(today.year!, today.month! - 1)
let reportNow = existingDatabase == nil ? yearStart.addingTimeInterval(365 * 86_400) : Date()
if let existingDatabase {
    // The first run reads the month from the disk, as a report does once the office's day has pushed the
    // month's pages out of memory: the file's pages are taken out of the page cache (it holds no unwritten
    // change, so nothing is lost).
    let descriptor = open(existingDatabase, O_RDONLY)
    if descriptor >= 0 {
        _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_DONTNEED)
        close(descriptor)
    }
}
/// Bytes this process has had read from the disk so far (`read_bytes` in `/proc/self/io`), nil where unknown.
func diskReadBytes() -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/self/io", encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") where line.hasPrefix("read_bytes:") {
        return Int(line.dropFirst("read_bytes:".count).trimmingCharacters(in: .whitespaces))
    }
    return nil
}
let readBeforeReports = diskReadBytes()
var readByFirstRun: Int?
var reportSamples: [Double] = []
var partSamples: [String: [Double]] = [:]
var monthTickets = 0
/// The month report's two halves, as the console reads them side by side (`DatabaseWriter.readMapped(_:_:)`): the
/// scans of the month's tickets, and of its surveys with the verification calls. Each gives the time of its parts.
enum MonthReport {
    static func tickets(_ database: Database, month: ReportPeriod, now: Date, calendar: WorkingCalendar) throws
        -> (parts: [String: Double], tickets: Int)
    {
        let reports = TicketReports(database: database, calendar: calendar)
        var parts: [String: Double] = [:]
        var tickets = 0
        try Self.timed("7 counts + SLA", into: &parts) { _ = try reports.summary(in: month, now: now) }
        try Self.timed("medians", into: &parts) { tickets = try reports.timing(in: month).tickets }
        return (parts, tickets)
    }

    static func surveys(
        _ database: Database, month: ReportPeriod, survey: SurveyDefinition, calendar: WorkingCalendar
    ) throws -> [String: Double] {
        let reports = TicketReports(database: database, calendar: calendar)
        var parts: [String: Double] = [:]
        try Self.timed("IKM", into: &parts) { _ = try reports.satisfaction(in: month, survey: survey) }
        try Self.timed("verification", into: &parts) { _ = try reports.verification(in: month) }
        return parts
    }

    private static func timed(_ name: String, into parts: inout [String: Double], _ body: () throws -> Void) rethrows {
        let clock = ContinuousClock()
        let start = clock.now
        try body()
        parts[name] = milliseconds(clock.now - start)
    }
}
let ticketHalf: @Sendable (Database) throws -> (parts: [String: Double], tickets: Int) = {
    [month, reportNow, calendar] database in
    try MonthReport.tickets(database, month: month, now: reportNow, calendar: calendar)
}
let surveyHalf: @Sendable (Database) throws -> [String: Double] = { [month, survey, calendar] database in
    try MonthReport.surveys(database, month: month, survey: survey, calendar: calendar)
}
for _ in 0..<20 {
    let start = clock.now
    // Unmapped, as any other read: the two halves one after the other in one read transaction.
    let (ticketParts, surveyParts) =
        unmapped
        ? try writer.read { (try ticketHalf($0), try surveyHalf($0)) } : try writer.readMapped(ticketHalf, surveyHalf)
    monthTickets = ticketParts.tickets
    let parts = ticketParts.parts.merging(surveyParts) { first, _ in first }
    for (name, duration) in parts { partSamples[name, default: []].append(duration) }
    reportSamples.append(milliseconds(clock.now - start))
    if reportSamples.count == 1, let before = readBeforeReports, let after = diskReadBytes() {
        readByFirstRun = after - before
    }
}
print(
    String(
        format:
            "month report (%d tickets; 7 counts + SLA + verification + medians + IKM; %@): median %.1f ms, "
            + "max %.1f ms, first %.1f ms (target <= 200 ms)",
        monthTickets, unmapped ? "unmapped, one read" : "file mapped, two reads side by side",
        percentile(reportSamples, 0.5), reportSamples.max() ?? 0,
        reportSamples.first ?? 0))
print(
    "  the first run reads the month from the disk when the database is not in the page cache: "
        + "compare it with the median"
        + (readByFirstRun.map { String(format: " (it read %.1f MB from the disk)", Double($0) / 1e6) } ?? ""))
for (label, pick) in [("median", { percentile($0, 0.5) }), ("first run", { $0.first ?? 0 })]
    as [(String, ([Double]) -> Double)]
{
    print(
        "  \(label) per part: "
            + partSamples.sorted { $0.key < $1.key }.map { String(format: "%@ %.1f ms", $0.key, pick($0.value)) }
            .joined(separator: ", "))
}
