import Foundation
import Storage
import WhatsAppOutbox

// Prints how the outbox's due-message selection behaves as the backlog grows: the time of one sender poll
// (the due page and the next due time, for one worker of 20 and one of 64, the defaults at 80 and 1,000
// messages/s) and of one enqueue, on a file database with 0, 10,000 and 100,000 messages waiting, spread
// over many recipients (most with a long queue, as after one huge reply each), beside the whole-table query
// it replaced, which scanned every pending message.
//
// usage: swift run -c release OutboxBenchmark [ROUNDS]
//        OutboxBenchmark --fill DATABASE COUNT   queues COUNT text messages to 1,000 recipients (windows open)
//                                                in an existing Loket database, for scripts/bench-webhook

let now = Date()
if CommandLine.arguments.count == 4, CommandLine.arguments[1] == "--fill",
    let count = Int(CommandLine.arguments[3]), count >= 0
{
    let writer = try DatabaseWriter(path: CommandLine.arguments[2], migrators: [Outbox.migrator])
    let outbox = Outbox()
    let recipients = 1000
    try writer.write { database in
        for recipient in 0..<recipients {
            try outbox.recordInbound(from: "62813\(String(format: "%07d", recipient))", at: now, in: database)
        }
        for index in 0..<count {
            let recipient = "62813\(String(format: "%07d", index % recipients))"
            try outbox.enqueue(
                [OutboundMessage(to: recipient, payload: .text("balasan antrean \(index)"))], in: database, now: now)
        }
    }
    print("queued \(count) messages to \(min(count, recipients)) recipients")
    exit(0)
}

let rounds = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 200

func median(_ samples: [Double]) -> Double { samples.sorted()[samples.count / 2] }

func measure(_ rounds: Int, _ body: () throws -> Void) rethrows -> Double {
    var samples: [Double] = []
    for _ in 0..<rounds {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000)
    }
    return median(samples)
}

/// The selection through queue heads, as `Outbox.dueMessages` makes it for each lane of a worker (ids only,
/// like the one below).
let headsQuery = """
    SELECT o.id FROM outbound_heads h JOIN outbound_messages o ON o.id = h.message_id
    WHERE h.receipt = 0 AND h.lane = ? AND h.due <= ? ORDER BY h.due, h.message_id LIMIT ?
    """

/// The selection before queue heads: every pending message checked against its recipient's oldest.
let wholeTableQuery = """
    SELECT o.id FROM outbound_messages o
    WHERE o.state IN ('queued', 'sending') AND o.lane % ? = ? AND o.next_attempt_at <= ?
        AND o.id = (SELECT min(p.id) FROM outbound_messages p
                    WHERE p.lane = o.lane AND p.recipient = o.recipient AND p.state IN ('queued', 'sending'))
    ORDER BY o.next_attempt_at, o.id LIMIT ?
    """

print(
    "backlog   recipients   select µs (heads)   select µs (whole table)   poll µs, 20 workers  poll µs, 64 workers"
        + "   enqueue µs")
for backlog in [0, 10_000, 100_000] {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loket-outbox-bench-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let writer = try DatabaseWriter(
        path: directory.appendingPathComponent("loket.sqlite").path, migrators: [Outbox.migrator])
    let outbox = Outbox()
    let recipients = max(1, backlog / 100)
    try writer.write { database in
        for index in 0..<backlog {
            // Each recipient's messages in one run, as when a long reply or a batch of notices is queued.
            let recipient = "62812\(String(format: "%07d", index / 100))"
            try outbox.enqueue(
                [OutboundMessage(to: recipient, payload: .text("pesan \(index)"))], in: database, now: now)
        }
    }
    let poll = try [20, 64].map { workers in
        try measure(rounds) {
            _ = try writer.read { database in
                _ = try outbox.dueMessages(worker: 0, of: workers, now: now, limit: 32, in: database)
                _ = try outbox.nextDueDate(worker: 0, of: workers, in: database)
            }
        }
    }
    let heads = try measure(rounds) {
        _ = try writer.read { database in
            for lane in stride(from: 0, to: outbox.configuration.laneCount, by: 4) {
                _ = try database.query(headsQuery, [.int(lane), .real(now.timeIntervalSince1970), .int(32)]) {
                    $0.int64(0)
                }
            }
        }
    }
    let whole = try measure(max(1, rounds / 20)) {
        _ = try writer.read { database in
            try database.query(
                wholeTableQuery, [.int(4), .int(0), .real(now.timeIntervalSince1970), .int(32)]
            ) { $0.int64(0) }
        }
    }
    var sequence = 0
    let enqueue = try measure(rounds) {
        sequence += 1
        try writer.write { database in
            try outbox.enqueue(
                [OutboundMessage(to: "62899\(String(format: "%07d", sequence))", payload: .text("baru"))], in: database,
                now: now)
        }
    }
    print(
        String(backlog).padding(toLength: 10, withPad: " ", startingAt: 0)
            + String(recipients).padding(toLength: 13, withPad: " ", startingAt: 0)
            + String(format: "%-20.1f", heads) + String(format: "%-26.1f", whole) + String(format: "%-21.1f", poll[0])
            + String(format: "%-22.1f", poll[1])
            + String(format: "%.1f", enqueue))
}
