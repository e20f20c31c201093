import Foundation
import Glibc
import Synchronization

// Drives a running Loket (or the bare HTTP server with --self-test) over loopback with signed
// ~1 KB WhatsApp text-message webhooks, each with a distinct message id, and prints throughput,
// latency, the server's CPU time per request and its peak RSS, beside nginx serving a static 200.

let usage = """
    usage: WebhookBenchmark [options]
      --url URL               target, http://127.0.0.1:PORT/webhook (default http://127.0.0.1:8080/webhook)
      --secret S              app secret for X-Hub-Signature-256 (default loket-benchmark-secret)
      --connections LIST      concurrency levels (default 1,64,256)
      --duration SECONDS      measured time per level (default 10)
      --warmup SECONDS        unmeasured time before each level (default 1)
      --server-pid PID        report the server's CPU µs/request and peak RSS from /proc
      --nginx                 also measure nginx answering a static 200 and print the ratio
      --slices N              with --nginx: each level's time in N slices per server, taken in turns (default 4)
      --metrics URL           Loket's /metrics: prints the durable (fsync'd) commits per second of each level
                              and the mean time of the inbox log's group fdatasync (the disk's sync latency)
      --pool N                pre-signed requests, each with its own wamid (default 600000)
      --client-threads N      load-generator threads (default 1)
      --self-test             start the bare HTTP server (trivial 200 responder) as a child and measure it
      --server-loops N        event loops of the self-test server (default 2, 1 on one core)
      --complete-elsewhere    the self-test responder completes from another thread, like a database writer
      --serve-trivial         only serve the trivial responder (used by --self-test)
    """

struct Options {
    var url = "http://127.0.0.1:8080/webhook"
    var secret = "loket-benchmark-secret"
    var levels = [1, 64, 256]
    var duration = 10.0
    var metricsURL: String?
    var warmup = 1.0
    var serverPID: Int32?
    var nginx = false
    var slices = 4
    var pool = 600_000
    var clientThreads = 1
    var selfTest = false
    var serverLoops = 0
    var serveTrivial = false
    var completesElsewhere = false
}

func parseOptions(_ arguments: [String]) throws -> Options {
    var options = Options()
    var remaining = arguments[...]
    func value(_ name: String) throws -> String {
        guard let next = remaining.popFirst() else { throw BenchmarkError("\(name) needs a value\n\(usage)") }
        return next
    }
    func number<T: LosslessStringConvertible>(_ name: String) throws -> T {
        let text = try value(name)
        guard let parsed = T(text) else { throw BenchmarkError("\(name): not a number: \(text)") }
        return parsed
    }
    while let argument = remaining.popFirst() {
        switch argument {
        case "--url": options.url = try value(argument)
        case "--secret": options.secret = try value(argument)
        case "--connections":
            options.levels = try value(argument).split(separator: ",").map {
                guard let level = Int($0), level > 0 else { throw BenchmarkError("--connections: bad level \($0)") }
                return level
            }
        case "--duration": options.duration = try number(argument)
        case "--warmup": options.warmup = try number(argument)
        case "--server-pid": options.serverPID = try number(argument)
        case "--nginx": options.nginx = true
        case "--slices":
            options.slices = try number(argument)
            guard options.slices > 0 else { throw BenchmarkError("--slices: at least 1") }
        case "--metrics": options.metricsURL = try value(argument)
        case "--pool": options.pool = try number(argument)
        case "--client-threads": options.clientThreads = try number(argument)
        case "--self-test": options.selfTest = true
        case "--server-loops": options.serverLoops = try number(argument)
        case "--serve-trivial": options.serveTrivial = true
        case "--complete-elsewhere": options.completesElsewhere = true
        case "--help", "-h":
            print(usage)
            exit(0)
        default: throw BenchmarkError("unknown option \(argument)\n\(usage)")
        }
    }
    return options
}

/// Host, port and path of an `http://127.0.0.1:PORT/path` URL.
func parseURL(_ url: String) throws -> (host: String, port: UInt16, path: String) {
    guard url.hasPrefix("http://") else { throw BenchmarkError("--url must start with http://") }
    let rest = url.dropFirst(7)
    let authority = rest.prefix { $0 != "/" }
    let path = rest.dropFirst(authority.count)
    let parts = authority.split(separator: ":")
    guard parts.count == 2, let port = UInt16(parts[1]) else { throw BenchmarkError("--url needs host:port") }
    guard parts[0] == "127.0.0.1" || parts[0] == "localhost" else {
        throw BenchmarkError("--url must target 127.0.0.1 (loopback benchmark)")
    }
    return (String(authority), port, path.isEmpty ? "/" : String(path))
}

struct LevelReport {
    var connections: Int
    var loket: LoadGenerator.Result
    var cpuPerRequest: Double?
    var peakRSS: Double?
    var nginx: LoadGenerator.Result?
    var nginxCPUPerRequest: Double?
    var fsyncsPerSecond: Double?
    /// The mean time one of the inbox log's group `fdatasync`s took, in microseconds.
    var syncMicroseconds: Double?
}

/// One server's slices of a level added up: its requests, the CPU its processes used and, for Loket, its
/// durable commits and the inbox log's group syncs.
struct Measurement {
    var result = LoadGenerator.Result()
    var cpuMicroseconds = 0.0
    /// What Loket's counters rose by; nil without `--metrics` or when a read failed.
    var counters: LoketCounters? = LoketCounters()

    /// Runs `slice` and adds what it measured, with the CPU of `processes` and the counters at `metricsURL`
    /// over the same time.
    mutating func add(
        measuring processes: [ProcessProbe], metricsURL: String?, _ slice: () -> LoadGenerator.Result
    ) {
        let countersBefore = LoketCounters(metricsURL)
        let cpuBefore = processes.compactMap { $0.cpuMicroseconds() }.reduce(0, +)
        let sliceResult = slice()
        let cpuAfter = processes.compactMap { $0.cpuMicroseconds() }.reduce(0, +)
        if let before = countersBefore, let after = LoketCounters(metricsURL), let total = self.counters {
            self.counters = total + (after - before)
        } else {
            self.counters = nil
        }
        self.result.merge(sliceResult)
        self.result.elapsedSeconds += sliceResult.elapsedSeconds
        self.cpuMicroseconds += cpuAfter - cpuBefore
    }
}

/// The counters of Loket's `/metrics` the benchmark reports: durable commits (each one fsync), and the inbox
/// log's groups with the time their `fdatasync`s took.
struct LoketCounters {
    var durableCommits = 0.0
    var logGroups = 0.0
    var logSyncSeconds = 0.0

    init() {}

    /// Read from `url`; nil without one, or when Loket does not answer with its durable commits.
    init?(_ url: String?) {
        guard let url else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-fsS", "--max-time", "5", url]
        let output = Pipe()
        process.standardOutput = output
        guard (try? process.run()) != nil else { return nil }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        var values: [Substring: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: " ")
            if fields.count == 2 { values[fields[0]] = Double(fields[1]) }
        }
        guard let commits = values["loket_durable_commits_total"] else { return nil }
        // A Loket from before the log's sync time was counted reports none: its sync column stays empty.
        self.durableCommits = commits
        self.logGroups = values["loket_inbox_log_groups_total"] ?? 0
        self.logSyncSeconds = values["loket_inbox_log_sync_seconds_total"] ?? 0
    }

    static func + (lhs: Self, rhs: Self) -> Self {
        var sum = lhs
        sum.durableCommits += rhs.durableCommits
        sum.logGroups += rhs.logGroups
        sum.logSyncSeconds += rhs.logSyncSeconds
        return sum
    }

    static func - (lhs: Self, rhs: Self) -> Self {
        var difference = lhs
        difference.durableCommits -= rhs.durableCommits
        difference.logGroups -= rhs.logGroups
        difference.logSyncSeconds -= rhs.logSyncSeconds
        return difference
    }
}

func format(_ value: Double?, _ decimals: Int) -> String {
    guard let value, value.isFinite else { return "-" }
    return String(format: "%.\(decimals)f", value)
}

func pad(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
}

func printTable(_ reports: [LevelReport]) {
    let header = [
        "conns", "req/s", "p50 ms", "p99 ms", "errors", "CPU µs/req", "peak RSS MiB", "nginx req/s",
        "nginx p99 ms", "nginx µs/req", "ratio", "fsyncs/s", "sync µs",
    ]
    let widths = [6, 10, 8, 8, 8, 11, 13, 12, 13, 13, 7, 9, 8]
    print(zip(header, widths).map { pad($0, $1) }.joined(separator: " "))
    for report in reports {
        let ratio = report.nginx.map { report.loket.requestsPerSecond / max(1, $0.requestsPerSecond) }
        let row = [
            String(report.connections), format(report.loket.requestsPerSecond, 0),
            format(report.loket.percentile(0.5), 3),
            format(report.loket.percentile(0.99), 3), String(report.loket.errors), format(report.cpuPerRequest, 1),
            format(report.peakRSS, 1), format(report.nginx?.requestsPerSecond, 0),
            format(report.nginx?.percentile(0.99), 3), format(report.nginxCPUPerRequest, 1), format(ratio, 2),
            format(report.fsyncsPerSecond, 0), format(report.syncMicroseconds, 0),
        ]
        print(zip(row, widths).map { pad($0, $1) }.joined(separator: " "))
    }
}

func describeErrors(_ result: LoadGenerator.Result, name: String, level: Int) {
    let statuses = result.statusCounts.filter { $0.key != 200 }.sorted { $0.key < $1.key }
    guard !statuses.isEmpty || result.connectionErrors > 0 else { return }
    let text = statuses.map { "\($0.key)×\($0.value)" }.joined(separator: " ")
    print("  \(name) at \(level) connections: errors \(text) connection errors \(result.connectionErrors)")
}

func runBenchmark(_ options: Options) throws {
    var child: Process?
    var url = options.url
    var serverPID = options.serverPID
    if options.selfTest {
        let (process, port) = try TrivialServer.spawn(
            loops: options.serverLoops, completesElsewhere: options.completesElsewhere)
        child = process
        url = "http://127.0.0.1:\(port)/webhook"
        serverPID = process.processIdentifier
    }
    defer {
        if let child, child.isRunning {
            child.terminate()
            child.waitUntilExit()
        }
    }
    let target = try parseURL(url)
    guard waitUntilAccepting(port: target.port, seconds: 10) else { throw BenchmarkError("nothing listens on \(url)") }

    let runID = String(UInt64(Date().timeIntervalSince1970 * 1000) ^ UInt64(getpid()), radix: 36, uppercase: true)
    let generationStart = LoadGenerator.now()
    let corpus = WebhookCorpus(
        count: max(1, options.pool), host: target.host, path: target.path, secret: options.secret, runID: runID,
        timestamp: Int(Date().timeIntervalSince1970))
    let generationSeconds = Double(LoadGenerator.now() - generationStart) / 1e9
    print("target \(url)\(options.selfTest ? " (bare HTTP server, trivial 200 responder)" : "")")
    print(
        "\(corpus.count) signed requests of \(corpus.meanRequestSize) bytes (run \(runID)) built in "
            + "\(format(generationSeconds, 1)) s; \(format(options.duration, 0)) s per level after "
            + "\(format(options.warmup, 0)) s warm-up; \(options.clientThreads) client thread(s)")

    let nginx = options.nginx ? try NginxRunner() : nil
    defer { nginx?.stop() }
    if let nginx { print("nginx on 127.0.0.1:\(nginx.port)") }

    // At each level nginx and the server take turns in `slices` slices each, in the order nginx, server,
    // server, nginx, nginx, ... so that a host that speeds up or slows down during the level weighs on both
    // alike. The server must not work between its slices (bench-webhook holds its conversation processing
    // back): its CPU during nginx's slices is watched, and a warning says when it took a share of the host.
    let probe = serverPID.map(ProcessProbe.init)
    let nginxProbes = nginx.map { $0.processes.map(ProcessProbe.init) } ?? []
    let cursor = RequestCursor()
    let nginxCursor = RequestCursor()
    let slices = nginx == nil ? 1 : options.slices
    let sliceSeconds = options.duration / Double(slices)
    var reports: [LevelReport] = []
    for level in options.levels {
        let canResetPeak = probe?.resetPeakResident() ?? false
        let generator = LoadGenerator(port: target.port, corpus: corpus, cursor: cursor)
        let reference = nginx.map { LoadGenerator(port: $0.port, corpus: corpus, cursor: nginxCursor) }
        _ = reference?.run(connections: level, threads: options.clientThreads, seconds: 0, warmup: options.warmup)
        _ = generator.run(connections: level, threads: options.clientThreads, seconds: 0, warmup: options.warmup)

        var loket = Measurement()
        var referenceMeasurement = Measurement()
        var serverCPUDuringNginx = 0.0
        for slice in 0..<slices {
            for nginxTurn in slice % 2 == 0 ? [true, false] : [false, true] {
                if !nginxTurn {
                    loket.add(measuring: probe.map { [$0] } ?? [], metricsURL: options.metricsURL) {
                        generator.run(
                            connections: level, threads: options.clientThreads, seconds: sliceSeconds, warmup: 0)
                    }
                } else if let reference {
                    let serverBefore = probe?.cpuMicroseconds()
                    referenceMeasurement.add(measuring: nginxProbes, metricsURL: nil) {
                        reference.run(
                            connections: level, threads: options.clientThreads, seconds: sliceSeconds, warmup: 0)
                    }
                    if let before = serverBefore, let after = probe?.cpuMicroseconds() {
                        serverCPUDuringNginx += after - before
                    }
                }
            }
        }

        var report = LevelReport(connections: level, loket: loket.result)
        if let counters = loket.counters, loket.result.elapsedSeconds > 0 {
            report.fsyncsPerSecond = counters.durableCommits / loket.result.elapsedSeconds
            if counters.logGroups > 0 { report.syncMicroseconds = counters.logSyncSeconds / counters.logGroups * 1e6 }
        }
        if probe != nil, loket.result.completed > 0 {
            report.cpuPerRequest = loket.cpuMicroseconds / Double(loket.result.completed)
        }
        report.peakRSS = probe?.peakResidentMiB()
        if probe != nil, !canResetPeak { print("  (peak RSS is since the server started: clear_refs not permitted)") }
        describeErrors(loket.result, name: "loket", level: level)
        if nginx != nil {
            report.nginx = referenceMeasurement.result
            if referenceMeasurement.result.completed > 0 {
                report.nginxCPUPerRequest =
                    referenceMeasurement.cpuMicroseconds / Double(referenceMeasurement.result.completed)
            }
            describeErrors(referenceMeasurement.result, name: "nginx", level: level)
            let share = serverCPUDuringNginx / max(1, referenceMeasurement.result.elapsedSeconds * 1e6)
            if share > 0.05 {
                print(
                    "  warning: the server used \(format(share * 100, 0)) % of a core while nginx was measured; "
                        + "hold its processing back for a fair ratio")
            }
        }
        reports.append(report)
        printTable([report])
    }
    print("")
    printTable(reports)
    let used = cursor.next.load(ordering: .relaxed)
    if used > corpus.count {
        print("note: \(used) requests sent but only \(corpus.count) distinct wamids; raise --pool for distinct ids")
    }
}

do {
    let options = try parseOptions(Array(CommandLine.arguments.dropFirst()))
    if options.serveTrivial {
        try TrivialServer.run(port: 0, loops: options.serverLoops, completesElsewhere: options.completesElsewhere)
    } else {
        try runBenchmark(options)
    }
} catch {
    FileHandle.standardError.write(Data("WebhookBenchmark: \(error)\n".utf8))
    exit(1)
}
