import Foundation
import HTTPServer
import Intents
import StaffAPI
import Support
import WebhookServer

/// One entry point fed arbitrary bytes. A target checks what must hold for every input (beyond not
/// crashing) with `precondition`, so a broken property stops the fuzzer with the input that broke it.
struct FuzzTarget: Sendable {
    let name: String
    let summary: String
    let run: @Sendable ([UInt8]) -> Void
    /// Builds what every input shares (the trained recognizer) before the first input, so its cost does not
    /// count against the first input's timeout.
    var prepare: @Sendable () -> Void = {}

    static func named(_ name: String) -> FuzzTarget? {
        Self.all.first { $0.name == name }
    }

    static let all: [FuzzTarget] = [
        FuzzTarget(name: "http", summary: "HTTP/1.1 request parser, fed whole and in two chunks", run: Self.http),
        FuzzTarget(
            name: "json", summary: "JSON reader and tape agree; what they accept survives a write and a re-read",
            run: Self.json),
        FuzzTarget(name: "webhook", summary: "Meta webhook envelope parser", run: Self.webhook),
        FuzzTarget(
            name: "staff_api", summary: "staff API path, query and body decoding (input is a raw request)",
            run: Self.staffAPI),
        FuzzTarget(
            name: "intents", summary: "intent normaliser, lexer, entities and classifier", run: Self.intents,
            prepare: { _ = Self.recognizer }),
        FuzzTarget(name: "time", summary: "Indonesian and English time-expression parser", run: Self.time),
    ]

    private static let limits = HTTPParser.Limits(maxHeaderBytes: 4096, maxBodyBytes: 65536)

    /// Every event the parser yields for `chunks` appended one after another.
    private static func events(_ chunks: [ArraySlice<UInt8>]) -> [HTTPParser.Event] {
        var parser = HTTPParser(limits: Self.limits)
        var events: [HTTPParser.Event] = []
        for chunk in chunks {
            parser.append(Array(chunk))
            while let event = parser.next() {
                events.append(event)
                if case .failed = event { return events }
            }
        }
        return events
    }

    private static func http(_ bytes: [UInt8]) {
        let whole = Self.events([bytes[...]])
        let split = bytes.isEmpty ? 0 : Int(bytes[0]) % (bytes.count + 1)
        let chunked = Self.events([bytes[..<split], bytes[split...]])
        // Interim `100 Continue` depends on where the body starts arriving; requests and errors must not.
        let significant = { (events: [HTTPParser.Event]) in events.filter { $0 != .continueRequested } }
        precondition(significant(whole) == significant(chunked), "the parser's answer depends on how bytes arrive")
        for case .request(let request) in whole {
            precondition(request.body.count <= Self.limits.maxBodyBytes, "a body past the limit was accepted")
        }
    }

    private static func json(_ bytes: [UInt8]) {
        let tape = try? JSONTape(bytes)
        guard let value = try? JSONReader.parse(bytes) else {
            precondition(tape == nil, "the tape accepts a document the reader refuses")
            return
        }
        guard let tape else { preconditionFailure("the tape refuses a document the reader accepts") }
        precondition(tape.value(tape.root) == value, "the tape reads a document differently from the reader")
        let written = value.serialized
        guard let reread = try? JSONReader.parse(Array(written.utf8)) else {
            preconditionFailure("the writer produced JSON the reader refuses: \(written.prefix(200))")
        }
        precondition(reread.serialized == written, "a written value reads back differently")
    }

    private static func webhook(_ bytes: [UInt8]) {
        guard let batch = try? WebhookParser().parse(bytes) else { return }
        _ = batch.events.count
    }

    private static func staffAPI(_ bytes: [UInt8]) {
        var parser = HTTPParser(limits: Self.limits)
        parser.append(bytes)
        guard case .request(var request) = parser.next() else { return }
        if !request.path.hasPrefix("/api") { request.target = "/api" + request.target }
        do {
            try StaffAPI.decode(request)
        } catch {
            precondition((400..<500).contains(error.status), "a malformed request must be a 4xx, not \(error.status)")
        }
    }

    private static let recognizer: IntentRecognizer? = {
        let directory = ProcessInfo.processInfo.environment["LOKET_DIALOGS"] ?? "Dialogs"
        return try? IntentRecognizer(dialogsDirectory: URL(fileURLWithPath: directory))
    }()

    private static let now = Date(timeIntervalSince1970: 1_796_000_000)

    private static func intents(_ bytes: [UInt8]) {
        guard let recognizer = Self.recognizer else { preconditionFailure("Dialogs/ not found; set LOKET_DIALOGS") }
        let classification = recognizer.classify(String(decoding: bytes, as: UTF8.self), now: Self.now)
        precondition((0...1).contains(classification.confidence), "confidence outside 0...1")
    }

    private static func time(_ bytes: [UInt8]) {
        // The first four bytes move "now" over about four years, so the calendar's edges are reached too.
        let offset = bytes.prefix(4).reduce(0) { $0 << 8 | Int($1) } % (4 * 366 * 86_400)
        let now = Self.now.addingTimeInterval(TimeInterval(offset))
        let text = String(decoding: bytes.dropFirst(min(4, bytes.count)), as: UTF8.self)
        let parser = TimeExpressionParser(now: now)
        guard let resolved = parser.parse(text) else { return }
        // Years are read from 2000 to 2100 only, so whatever resolves lies within them.
        let bounds = Date(timeIntervalSince1970: 946_684_800 - 86_400)...Date(timeIntervalSince1970: 4_133_980_800)
        precondition(bounds.contains(resolved.date), "a time outside the years a message may name")
        precondition(parser.parse(text) == resolved, "the same text resolved two ways")
    }
}
