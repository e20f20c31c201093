import Foundation
import Storage
import Synchronization
import Testing
import Ticketing
import WhatsAppOutbox

/// The offline subcommands of the built `loket` executable, run as a person would run them.
struct LoketCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    static func run(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws -> Run {
        let executable = try #require(LoketProcess.executable(), "build the loket product first (swift build)")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = [
            "PATH": "/usr/bin:/bin", "LOKET_DIALOGS": Self.repository.appendingPathComponent("Dialogs").path,
        ]
        .merging(environment) { $1 }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
            errors: String(decoding: err, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("loket-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func classifyPrintsOneJSONObjectWithTheEntitiesFound() throws {
        let run = try Self.run([
            "classify", "--now", "2026-12-03T09:00:00+07:00", "tiket 1259 sdh diproses blm? wa sy 0812-3456-7890",
        ])
        #expect(run.status == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(object["intent"] as? String == "check_status")
        let confidence = try #require(object["confidence"] as? Double)
        #expect(confidence > 0 && confidence <= 1)
        let entities = try #require(object["entities"] as? [String: Any])
        #expect(entities["ticket_number"] as? Int == 1259)
        #expect(entities["phone"] as? String == "+6281234567890")
        #expect(entities["npwp"] == nil)
    }

    @Test func classifyReadsOneMessagePerLineFromStandardInput() throws {
        let run = try Self.run(["classify"], input: "halo min\nbatal\nbesok jam 10 bisa?\n")
        #expect(run.status == 0)
        let intents = try run.output.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["intent"]
                as? String
        }
        #expect(intents == ["greeting", "cancel", "schedule"])
    }

    @Test func dialogsCheckAcceptsTheShippedDialogs() throws {
        let run = try Self.run(["dialogs", "check", Self.repository.appendingPathComponent("Dialogs").path])
        #expect(run.status == 0)
        #expect(run.output.contains("OK"))
    }

    @Test func dialogsCheckNamesTheFileAndPathOfAProblem() throws {
        let copy = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: copy) }
        let dialogs = copy.appendingPathComponent("Dialogs")
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Dialogs"), to: dialogs)
        let services = dialogs.appendingPathComponent("conversation/services.json")
        let text = try String(contentsOf: services, encoding: .utf8)
        try text.replacingOccurrences(of: "\"companyName\"", with: "\"companyNam\"", options: [], range: nil)
            .write(to: services, atomically: true, encoding: .utf8)
        let run = try Self.run(["dialogs", "check", dialogs.path])
        #expect(run.status != 0)
        #expect((run.output + run.errors).contains("services.json"))
        #expect((run.output + run.errors).contains("companyNam"))
    }

    /// Problems in four files of three kinds (conversation JSON, ticketing JSON, intent TSV) are named together,
    /// by the check and by start-up alike, each with its file and place.
    @Test func dialogsCheckAndStartUpNameTheSameProblemsInEveryFile() throws {
        let copy = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: copy) }
        let dialogs = copy.appendingPathComponent("Dialogs")
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Dialogs"), to: dialogs)
        func edit(_ file: String, _ old: String, _ new: String) throws {
            let url = dialogs.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.contains(old), "\(file) no longer contains \(old)")
            try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
        }
        try edit("conversation/services.json", "\"companyName\"", "\"companyNam\"")
        try edit("survey.json", "\"commentRequiredAtOrBelow\"", "\"commentRequiredBelow\"")
        try edit("holidays.json", "\"kind\": \"C\"", "\"kind\": \"X\"")
        try FileManager.default.removeItem(at: dialogs.appendingPathComponent("intents/typos.tsv"))
        let expected = [
            "conversation/services.json", "companyNam", "survey.json: $.commentRequiredAtOrBelow",
            "holidays.json: $.years[", "intents/typos.tsv",
        ]
        let check = try Self.run(["dialogs", "check", dialogs.path])
        #expect(check.status == 1)
        let startUp = try Self.run(
            ["serve"], environment: ["LOKET_DIALOGS": dialogs.path, "LOKET_ADDR": "127.0.0.1:0"])
        #expect(startUp.status == 78)
        for fragment in expected {
            #expect(check.output.contains(fragment), "dialogs check does not name \(fragment)")
            #expect((startUp.output + startUp.errors).contains(fragment), "start-up does not name \(fragment)")
        }
    }

    /// The documented deployment's unit file is one systemd accepts (pointed at the built binary).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze")))
    func theSystemdUnitVerifies() throws {
        let executable = try #require(LoketProcess.executable(), "build the loket product first (swift build)")
        let unit = try String(
            contentsOf: Self.repository.appendingPathComponent("deploy/loket.service"), encoding: .utf8)
        #expect(unit.contains("Restart=on-failure"))
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("loket.service")
        try unit.replacingOccurrences(of: "/usr/local/bin/loket", with: executable.path)
            .write(to: copy, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/systemd-analyze")
        process.arguments = ["verify", copy.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(!text.contains("loket.service"), "\(text)")
    }

    @Test func reportAndBackupWorkOnTheServiceDatabase() throws {
        let data = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let writer = try DatabaseWriter(path: data.appendingPathComponent("loket.sqlite").path)
        let calendar = WorkingCalendar(holidays: HolidayCalendar(holidays: [], coveredYears: [2026]))
        let store = try SQLiteTicketStore(
            writer: writer, configuration: TicketStoreConfiguration(lifecycle: TicketLifecycle(calendar: calendar)))
        try store.write { tickets in
            _ = try tickets.open(
                TicketDraft(
                    title: "Registrasi dan Verifikasi Berkas", description: "Permohonan atas nama PT Maju Jaya",
                    reporterWaID: "6281234567890", reporterName: "Budi", type: .permintaanLayanan),
                at: Date())
        }

        let report = try Self.run(["report", "status", "--no-bom"], environment: ["LOKET_DATA_DIR": data.path])
        #expect(report.status == 0, "\(report.errors)")
        let lines = report.output.split(whereSeparator: \.isNewline)
        #expect(lines.count >= 2, "a header row and at least one data row")

        let copy = data.appendingPathComponent("copy.tar").path
        let backup = try Self.run(["backup", copy], environment: ["LOKET_DATA_DIR": data.path])
        #expect(backup.status == 0, "\(backup.errors)")
        let restoredDirectory = data.appendingPathComponent("restored")
        let restore = try Self.run(["restore", copy], environment: ["LOKET_DATA_DIR": restoredDirectory.path])
        #expect(restore.status == 0, "\(restore.errors)")
        let restored = try Database(path: restoredDirectory.appendingPathComponent("loket.sqlite").path)
        #expect(try restored.queryFirst("SELECT count(*) FROM tickets") { $0.int(0) } == 1)
    }

    /// Calls per day and verifier: done, no-show, cancelled and still booked, the median lead time and the
    /// no-show rate, with a total row.
    @Test func theVerificationReportCountsCallsPerDayAndVerifier() throws {
        let data = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let writer = try DatabaseWriter(path: data.appendingPathComponent("loket.sqlite").path)
        let calendar = WorkingCalendar(holidays: HolidayCalendar(holidays: [], coveredYears: [2026]))
        let configuration = TicketStoreConfiguration(
            lifecycle: TicketLifecycle(calendar: calendar),
            verification: VerificationPolicy(verifiersByWeekday: [1: 2, 2: 2, 3: 2, 4: 2, 5: 2]))
        _ = try SQLiteTicketStore(writer: writer, configuration: configuration)
        // Opened Monday 30 November 2026 08:00 WIB; calls on Wednesday 2 December.
        let opened = Date(timeIntervalSince1970: 1_796_000_400)
        let wednesday = Date(timeIntervalSince1970: 1_796_180_400)  // 2 December 2026 10:00 WIB
        try writer.write { database in
            let store = SQLiteTicketStore.transaction(on: database, configuration: configuration)
            for index in 0..<4 {
                let number = try store.open(
                    TicketDraft(
                        title: "Registrasi", description: "Permohonan", reporterWaID: "62812345678\(index)",
                        reporterName: "Budi"), at: opened
                ).ticket.number
                try store.markDocumentsComplete(number, by: .system, at: opened)
                try store.holdVerification(
                    number, at: wednesday.addingTimeInterval(Double(index / 2) * 1800), now: opened)
                try store.confirmVerification(number, by: .system, at: opened)
            }
            try store.recordVerificationOutcome(TicketNumber(1), .done, by: .system, at: wednesday)
            try store.recordVerificationOutcome(TicketNumber(2), .noShow, by: .system, at: wednesday)
            try store.cancelVerification(TicketNumber(3), by: .system, reason: "batal", at: opened)
        }
        let report = try Self.run(
            ["report", "verification", "--from", "2026-12-01", "--to", "2026-12-31", "--no-bom"],
            environment: ["LOKET_DATA_DIR": data.path])
        #expect(report.status == 0, "\(report.errors)")
        let lines = report.output.split(whereSeparator: \.isNewline).map(String.init)
        #expect(lines.first == "day,verifier,booked,done,no_show,cancelled,median_lead_days,no_show_rate")
        // Verifier 1 held tickets 1 (done) and 3 (cancelled); verifier 2 tickets 2 (no-show) and 4 (booked).
        #expect(lines.contains("2026-12-02,1,0,1,0,1,2.1,0.000"), "\(lines)")
        #expect(lines.contains("2026-12-02,2,1,0,1,0,2.1,1.000"), "\(lines)")
        #expect(lines.last == "total,,1,1,1,1,2.1,0.500", "\(lines)")
    }

    /// A backup taken while tickets keep being written holds a consistent snapshot and every document its
    /// tickets hold; restore checks every hash and refuses a damaged archive or a directory in use.
    @Test func backupUnderWritesAndRestoreKeepEveryTicketAndDocument() throws {
        let data = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let writer = try DatabaseWriter(path: data.appendingPathComponent("loket.sqlite").path)
        let calendar = WorkingCalendar(holidays: HolidayCalendar(holidays: [], coveredYears: [2026]))
        let store = try SQLiteTicketStore(
            writer: writer, configuration: TicketStoreConfiguration(lifecycle: TicketLifecycle(calendar: calendar)))
        var documents: [String: [UInt8]] = [:]
        for index in 0..<5 {
            let bytes = Array("%PDF-1.4 dokumen \(index) ".utf8) + [UInt8](repeating: UInt8(index), count: 50_000)
            let hash = SHA256Digest.hex(bytes)
            let path = "media/\(hash.prefix(2))/\(hash)"
            try FileManager.default.createDirectory(
                at: data.appendingPathComponent(path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: data.appendingPathComponent(path))
            documents[path] = bytes
            try store.write { tickets in
                let number = try tickets.open(
                    TicketDraft(
                        title: "Registrasi \(index)", description: "Permohonan", reporterWaID: "62812345678\(index)",
                        reporterName: "Budi"), at: Date()
                ).ticket.number
                try tickets.addAttachment(
                    Attachment(
                        sha256: hash, originalName: "npwp-\(index).pdf", size: bytes.count, mimeType: "application/pdf",
                        sender: .reporter(waID: "62812345678\(index)", name: "Budi"), receivedAt: Date(),
                        storagePath: path),
                    to: number)
            }
        }
        // Writes go on while the backup runs.
        let stop = Mutex(false)
        let writing = DispatchGroup()
        writing.enter()
        DispatchQueue.global().async {
            var index = 100
            while !stop.withLock({ $0 }) {
                _ = try? store.write { tickets in
                    try tickets.open(
                        TicketDraft(
                            title: "Baru \(index)", description: "d", reporterWaID: "6281999\(index)", reporterName: "X"
                        ),
                        at: Date())
                }
                index += 1
            }
            writing.leave()
        }
        let archive = data.appendingPathComponent("backup.tar").path
        let backup = try Self.run(["backup", archive], environment: ["LOKET_DATA_DIR": data.path])
        stop.withLock { $0 = true }
        writing.wait()
        #expect(backup.status == 0, "\(backup.errors)")
        #expect(backup.output.contains("documents=5"))

        let target = data.appendingPathComponent("restored")
        let restore = try Self.run(["restore", archive], environment: ["LOKET_DATA_DIR": target.path])
        #expect(restore.status == 0, "\(restore.errors)")
        let restored = try Database(path: target.appendingPathComponent("loket.sqlite").path)
        #expect(
            try restored.queryFirst("SELECT count(*) FROM tickets WHERE title LIKE 'Registrasi %'") { $0.int(0) } == 5)
        #expect(try restored.queryFirst("PRAGMA integrity_check") { $0.string(0) } == "ok")
        for (path, bytes) in documents {
            #expect(try [UInt8](Data(contentsOf: target.appendingPathComponent(path))) == bytes, "\(path)")
        }

        let again = try Self.run(["restore", archive], environment: ["LOKET_DATA_DIR": target.path])
        #expect(again.status != 0, "a data directory in use is never overwritten")
        var damaged = try [UInt8](Data(contentsOf: URL(fileURLWithPath: archive)))
        damaged[damaged.count / 2] ^= 0xFF
        let damagedPath = data.appendingPathComponent("damaged.tar")
        try Data(damaged).write(to: damagedPath)
        let refused = try Self.run(
            ["restore", damagedPath.path], environment: ["LOKET_DATA_DIR": data.appendingPathComponent("other").path])
        #expect(refused.status != 0)
        #expect(refused.errors.contains("damaged") || refused.errors.contains("SHA-256"), "\(refused.errors)")
        #expect(!FileManager.default.fileExists(atPath: data.appendingPathComponent("other/loket.sqlite").path))
    }

    @Test func anUnknownCommandPrintsTheUsageAndFails() throws {
        let run = try Self.run(["frobnicate"])
        #expect(run.status == 64)
        #expect(run.output.contains("usage: loket"))
    }
}
