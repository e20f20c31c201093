import Foundation
import Glibc
import HTTPServer
import Support
import Synchronization
import WebhookServer
import WhatsAppOutbox

// Time to reply: many providers at once, each walking one registration journey of eight messages (greeting,
// service from the list, company, own number, consent, two PDFs, confirm) and sending its next message only
// after the previous one was answered. Loket runs as it does in production: signed webhooks over HTTP to
// /webhook, replies sent over HTTP to a Graph API stand-in in this process, documents fetched from it. The
// figure is the time from a webhook's 200 to the first reply reaching the Graph API. Beside Loket's CPU per
// inbound message it prints this host's floor for the same I/O, measured before Loket starts (`IOFloor`).
//
// usage: ReplyBenchmark --loket PATH [--conversations 2000] [--rate 500] [--send-rate 1000] [--senders 32]
//        [--timeout 30] [--graph-latency 0] [--history DATABASE] [--timeline]
//   --rate       webhooks per second offered at most (the exchanges' pace); 0 is as fast as answers allow
//   --send-rate  LOKET_SEND_RATE given to Loket (Meta's tiers go from 80 to 1,000 messages per second)
//   --graph-latency  milliseconds the Graph API stand-in takes to answer each call (Meta's own answer takes
//                    a few hundred milliseconds; the figure still ends when a reply reaches the stand-in)
//   --history    Loket starts on a copy of this database (a year of data written by HistorySeed)
//   --timeline   also prints the latencies second by second
//   --barrier DIR [--parties 2]  side by side: the measured run starts once this many runs sharing DIR are
//                    ready, so that runs going at the same time meet the host in the same state (bench-history
//                    compares a fresh database with a year of data so); a run that stops before then marks DIR
//                    failed, and the others stop too

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
guard let loketPath = option("--loket") else {
    FileHandle.standardError.write(Data("usage: ReplyBenchmark --loket PATH [options]\n".utf8))
    exit(64)
}
let conversationCount = option("--conversations").flatMap(Int.init) ?? 2000
let offeredRate = option("--rate").flatMap(Double.init) ?? 500
let sendRate = option("--send-rate").flatMap(Int.init) ?? 1000
let senderCount = option("--senders").flatMap(Int.init) ?? 32
let replyTimeout = option("--timeout").flatMap(Double.init) ?? 30
let graphLatency = option("--graph-latency").flatMap(Double.init) ?? 0

let secret = "loket-reply-benchmark"
let accessToken = "reply-benchmark-token"

// The Graph API side: Meta's stand-in, and a hook that notes when each reply arrives.
let journeys = Journeys(count: conversationCount)
let standIn = GraphAPIStandIn(
    configuration: GraphAPIStandIn.Configuration(
        accessToken: accessToken, publicBaseURL: "http://127.0.0.1:0", maxRecordedCalls: 64))
let graphServer = HTTPServer(
    configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0),
    responder: ArrivalRecorder(standIn: standIn, journeys: journeys))
try graphServer.start()
let graphBase = "http://127.0.0.1:\(graphServer.port)"
standIn.setPublicBaseURL(graphBase)
standIn.setDelay(graphLatency / 1000)
for (id, text) in [("bench-ktp", "KTP direktur"), ("bench-npwp", "NPWP perusahaan")] {
    standIn.addMedia(id: id, bytes: Journeys.pdf(text), mimeType: "application/pdf")
}

// Loket, in production mode against the stand-in.
let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("loket-reply-\(getpid())").path
let loketPort = 18_090 + Int(getpid() % 500)
let loket = Process()
loket.executableURL = URL(fileURLWithPath: loketPath)
loket.arguments = ["serve"]
var environment = ProcessInfo.processInfo.environment
environment["LOKET_ADDR"] = "127.0.0.1:\(loketPort)"
environment["LOKET_DATA_DIR"] = dataDirectory
environment["LOKET_SEND_RATE"] = String(sendRate)
environment["LOKET_LOG_LEVEL"] = "warning"
environment["WHATSAPP_APP_SECRET"] = secret
environment["WHATSAPP_VERIFY_TOKEN"] = "reply-benchmark"
environment["WHATSAPP_ACCESS_TOKEN"] = accessToken
environment["WHATSAPP_PHONE_NUMBER_ID"] = "1234567890"
environment["WHATSAPP_API_BASE"] = graphBase
loket.environment = environment
loket.standardOutput = FileHandle.nullDevice
if let history = option("--history") {
    try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: history, toPath: dataDirectory + "/loket.sqlite")
    // The copy's gigabyte is written back now, not while the benchmark measures, and the copy and its source
    // leave the page cache: gigabytes just read and written there slow this machine's other processes, Loket
    // among them, by more than the 10 % the comparison with a fresh database is held to.
    dropFromPageCache(dataDirectory + "/loket.sqlite")
    dropFromPageCache(history)
    say("Loket starts on a copy of \(history)")
}
// The floor first, while nothing else runs: what the I/O of one message costs on this host.
let floor = try IOFloor.measure(directory: dataDirectory)
try loket.run()
// Loket goes with the benchmark, however it ends.
for signal in [SIGINT, SIGTERM] {
    let source = DispatchSource.makeSignalSource(signal: signal)
    source.setEventHandler {
        loket.terminate()
        exit(1)
    }
    source.resume()
    Glibc.signal(signal, SIG_IGN)
}
// A run that stops before the barrier marks it failed, so that the runs waiting there stop too instead of waiting
// out their ten minutes.
let failedMark = "failed"
func giveUp(_ reason: String) -> Never {
    FileHandle.standardError.write(Data((reason + "\n").utf8))
    if let barrier = option("--barrier") {
        try? FileManager.default.createDirectory(atPath: barrier, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: "\(barrier)/\(failedMark)", contents: nil)
    }
    loket.terminate()
    exit(1)
}
guard Client.waitForHealth(port: loketPort, seconds: 30) else {
    giveUp("loket did not become healthy on port \(loketPort)")
}
let threads = ThreadUsage(pid: loket.processIdentifier)

// A calibration journey, one message at a time with a pause after each, counts the replies of each step.
let signer = SignatureVerifier(appSecret: secret)
let calibration = Client(port: loketPort, signer: signer)
journeys.calibrate { step in
    _ = calibration.post(journeys.webhook(conversation: 0, step: step))
}
say(
    "Calibration: the journey's \(Journeys.steps.count) messages get \(journeys.expected.map(String.init).joined(separator: "+")) replies"
)
guard journeys.expected.allSatisfy({ $0 > 0 }) else {
    giveUp("a step of the journey got no reply: check the dialog")
}

// Runs side by side start measuring together: each marks itself ready in the barrier and waits for the rest.
if let barrier = option("--barrier") {
    let parties = option("--parties").flatMap(Int.init) ?? 2
    try FileManager.default.createDirectory(atPath: barrier, withIntermediateDirectories: true)
    let deadline = Date().addingTimeInterval(600)
    var ready = FileManager.default.createFile(atPath: "\(barrier)/\(getpid())", contents: nil)
    while ready {
        let marks = try FileManager.default.contentsOfDirectory(atPath: barrier)
        if marks.contains(failedMark) { giveUp("another run sharing \(barrier) stopped before measuring") }
        if marks.count >= parties { break }
        ready = Date() < deadline
        usleep(10_000)
    }
    guard ready else { giveUp("the runs sharing \(barrier) were not all ready in 10 minutes") }
    say("Started side by side with \(parties - 1) other run(s) sharing \(barrier)")
}

// The measured run.
let before = threads.sample()
let commitsBefore = Client.metric("loket_database_commits_total", port: loketPort)
let fsyncsBefore = Client.metric("loket_durable_commits_total", port: loketPort)
let started = Journeys.now()
journeys.start(first: 1, count: conversationCount)
let pace = Pace(rate: offeredRate)
let group = DispatchGroup()
for _ in 0..<senderCount {
    group.enter()
    Thread.detachNewThread {
        let client = Client(port: loketPort, signer: signer)
        while let (conversation, step) = journeys.next(timeout: replyTimeout) {
            pace.wait()
            let acknowledged = client.post(journeys.webhook(conversation: conversation, step: step))
            journeys.acknowledged(conversation, status: acknowledged)
        }
        group.leave()
    }
}
group.wait()
let elapsed = Double(Journeys.now() - started) / 1e9
let after = threads.sample()
let commitsAfter = Client.metric("loket_database_commits_total", port: loketPort)
let fsyncsAfter = Client.metric("loket_durable_commits_total", port: loketPort)
let report = journeys.report()

say(
    "Conversations \(conversationCount), offered at most \(offeredRate == 0 ? "unpaced" : "\(Int(offeredRate))/s"), "
        + "LOKET_SEND_RATE \(sendRate), \(senderCount) sending connections, "
        + "Graph API answers in \(Int(graphLatency)) ms")
say(
    "Exchanges: \(report.exchanges) answered in \(String(format: "%.1f", elapsed)) s = "
        + "\(String(format: "%.0f", Double(report.exchanges) / elapsed)) exchanges/s; completed journeys "
        + "\(report.completed)/\(conversationCount); lost (no reply in \(Int(replyTimeout)) s) \(report.lost); "
        + "extra replies \(report.extra); non-200 webhooks \(report.refused)")
say(
    "Time from a webhook's 200 to its first reply at the Graph API: p50 \(format(report.percentile(0.5))) ms, "
        + "p99 \(format(report.percentile(0.99))) ms, max \(format(report.percentile(1))) ms (target p99 ≤ 50 ms at 500/s)"
)
if arguments.contains("--timeline") {
    for second in report.timeline(from: started) {
        say(
            "  second \(second.second): \(second.count) first replies, p50 \(format(second.p50)) ms, "
                + "p99 \(format(second.p99)) ms, max \(format(second.max)) ms")
    }
}
let split = ThreadUsage.difference(after, before)
let used = split.values.reduce(ThreadUsage.Usage(), +)
let messages = Double(max(report.exchanges, 1))
say(
    "Loket CPU: \(String(format: "%.2f", used.cpu / 1e6)) s = \(String(format: "%.0f", used.cpu / messages)) µs per inbound message, "
        + "all its replies' sends included (target ≤ 250 µs): user \(String(format: "%.0f", used.user / messages)) µs, "
        + "system \(String(format: "%.0f", used.system / messages)) µs")
for (group, usage) in split.sorted(by: { $0.value.cpu > $1.value.cpu }) where usage.cpu > 0 {
    say(
        "  \(group.padding(toLength: 22, withPad: " ", startingAt: 0)) \(String(format: "%6.1f", usage.cpu / messages)) µs/message  "
            + "(\(String(format: "%.0f", usage.cpu / used.cpu * 100)) %; user \(String(format: "%.0f", usage.user / messages)), "
            + "system \(String(format: "%.0f", usage.system / messages)))")
}
say(
    "Per inbound message: \(String(format: "%.1f", used.contextSwitches / messages)) context switches, "
        + "\(String(format: "%.1f", used.readCalls / messages)) read-like and \(String(format: "%.1f", used.writeCalls / messages)) "
        + "write-like system calls (/proc's syscr and syscw: files and sockets)")
say(
    "This host's floor for one message's I/O, one at a time, before any of Loket's work: a webhook served "
        + "\(String(format: "%.0f", floor.webhookServed)) µs + an fdatasync'd append \(String(format: "%.0f", floor.append)) µs "
        + "(p50 \(String(format: "%.2f", floor.appendP50)) ms, p99 \(String(format: "%.2f", floor.appendP99)) ms) + two Graph API "
        + "calls 2 × \(String(format: "%.0f", floor.graphCall)) µs = \(String(format: "%.0f", floor.perMessage)) µs of CPU"
)
if let commitsBefore, let commitsAfter, let fsyncsBefore, let fsyncsAfter {
    let exchanges = Double(max(report.exchanges, 1))
    say(
        "Database write transactions: \(String(format: "%.2f", (commitsAfter - commitsBefore) / exchanges)) per inbound "
            + "message; fsyncs: \(String(format: "%.2f", (fsyncsAfter - fsyncsBefore) / exchanges)) per inbound message"
    )
}
loket.terminate()
loket.waitUntilExit()
try? FileManager.default.removeItem(atPath: dataDirectory)
exit(report.lost == 0 && report.extra == 0 ? 0 : 1)

func format(_ value: Double) -> String { String(format: "%.1f", value) }

/// Prints a line at once, so a run that is stopped still shows what it measured.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// Writes `path` back to the disk and takes its pages out of the page cache.
func dropFromPageCache(_ path: String) {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_DONTNEED)
    close(descriptor)
}
