import Dispatch
import Foundation
import Support
import WebhookServer

// Times the webhook body's parsing on the intake's path, in one process so the figures sit side by side:
// the whole tree `JSONReader` builds, the tape `WebhookParser` reads, and `WebhookParser.parse` (tape, fields,
// the message's raw bytes). The body is a ~1.1 KB text-message webhook as Meta sends it.
//
// usage: ParserBenchmark [--rounds N] [--iterations N]

func option(_ name: String, default value: Int) -> Int {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count,
        let number = Int(arguments[index + 1])
    else { return value }
    return number
}

let rounds = option("--rounds", default: 7)
let iterations = option("--iterations", default: 100_000)

let text = String(
    repeating: "Selamat siang, kami dari CV Sumber Rejeki ingin menanyakan verifikasi akun SPSE kami. ", count: 8)
let message: [(String, JSONValue)] = [
    ("from", .string("6281234567890")),
    ("id", .string("wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYIDNBMDQ2MDg4NkE5RUY5QTBBAA==")),
    ("timestamp", .string("1764900000")), ("text", .object([("body", .string(text))])), ("type", .string("text")),
]
let value = WebhookEnvelope.messageValue(message, from: "6281234567890", name: "Budi Santoso", phoneNumberID: "1065403")
let body = Array(WebhookEnvelope.wrapping(value, accountID: "102290129340398").serialized.utf8)
let parser = WebhookParser()

let cases: [(name: String, work: () -> Int)] = [
    ("JSONReader.parse (tree)", { (try? JSONReader.parse(body)) == nil ? 0 : 1 }),
    ("JSONTape (tape only)", { (try? JSONTape(body))?.root ?? 0 }),
    ("WebhookParser.parse", { (try? parser.parse(body))?.events.count ?? 0 }),
]
// Nanoseconds per call of each case's `work`, the fastest of `rounds` rounds, the rounds of every case interleaved.
var best = [Double](repeating: .infinity, count: cases.count)
var sink = 0
for _ in 0..<rounds {
    for (index, entry) in cases.enumerated() {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<iterations { sink &+= entry.work() }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / Double(iterations)
        best[index] = min(best[index], elapsed)
    }
}
print("body \(body.count) bytes; \(rounds) rounds of \(iterations) calls each, fastest round (checksum \(sink))")
for (index, entry) in cases.enumerated() {
    print(entry.name.padding(toLength: 26, withPad: " ", startingAt: 0), String(format: "%7.0f ns", best[index]))
}
