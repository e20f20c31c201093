import Foundation
import Glibc
import Support
import Synchronization
import WebhookServer

/// The providers of a run: where each one's journey stands, which are ready to send their next message, and
/// the time from each webhook's 200 to the first reply the Graph API receives for it.
final class Journeys: Sendable {
    enum Step: Sendable {
        case text(String)
        case list(id: String, title: String)
        case button(id: String, title: String)
        case document(mediaID: String, filename: String)
    }

    /// One registration journey, as the end-to-end test walks it: eight messages to an opened ticket.
    static let steps: [Step] = [
        .text("halo"), .list(id: "menu.registrasi", title: "Registrasi & Verifikasi"), .text("PT Maju Jaya"),
        .button(id: "phone.self", title: "Pakai nomor ini"), .button(id: "consent.yes", title: "Setuju"),
        .document(mediaID: "bench-ktp", filename: "ktp-direktur.pdf"),
        .document(mediaID: "bench-npwp", filename: "npwp-perusahaan.pdf"),
        .button(id: "summary.confirm", title: "Kirim"),
    ]

    struct Report {
        var exchanges = 0
        var completed = 0
        var lost = 0
        var extra = 0
        var refused = 0
        /// Each first reply: when it was seen (`Journeys.now()`) and how long after its webhook's 200, in ms.
        var latencies: [(at: UInt64, milliseconds: Double)] = []

        /// The latency at `fraction` (1 for the maximum), in milliseconds.
        func percentile(_ fraction: Double) -> Double {
            Self.percentile(fraction, of: self.latencies.map(\.milliseconds))
        }

        /// The latencies second by second from `start`: how many first replies came in each, and their
        /// p50, p99 and maximum (a queue building up shows where it starts).
        func timeline(from start: UInt64) -> [(second: Int, count: Int, p50: Double, p99: Double, max: Double)] {
            let bySecond = Dictionary(grouping: self.latencies) { Int(($0.at &- start) / 1_000_000_000) }
            return bySecond.keys.sorted().map { second in
                let values = bySecond[second, default: []].map(\.milliseconds)
                return (
                    second, values.count, Self.percentile(0.5, of: values), Self.percentile(0.99, of: values),
                    Self.percentile(1, of: values)
                )
            }
        }

        static func percentile(_ fraction: Double, of values: [Double]) -> Double {
            guard !values.isEmpty else { return .nan }
            let sorted = values.sorted()
            let index = min(sorted.count - 1, max(0, Int((Double(sorted.count) * fraction).rounded(.up)) - 1))
            return sorted[index]
        }
    }

    private struct Conversation {
        var step = 0
        var remaining = 0
        var waiting = false
        var acknowledgedAt: UInt64?
        var firstReplyAt: UInt64?
        var done = false
    }

    private struct State {
        var conversations: [Conversation]
        var ready: [Int] = []
        var readHead = 0
        var expected: [Int] = []
        var calibrationReplies = 0
        var report = Report()
        var lastProgress: UInt64 = 0
        var active = 0
    }

    private let state: Mutex<State>
    private let condition = NSCondition()

    init(count: Int) {
        self.state = Mutex(State(conversations: Array(repeating: Conversation(), count: count + 1)))
    }

    var expected: [Int] { self.state.withLock { $0.expected } }

    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// The phone number of conversation `index`.
    static func phone(_ index: Int) -> String { "62812" + String(format: "%08d", index) }

    static func conversation(ofPhone phone: String) -> Int? {
        guard phone.hasPrefix("62812"), phone.count == 13 else { return nil }
        return Int(phone.dropFirst(5))
    }

    static func pdf(_ text: String) -> [UInt8] {
        Array("%PDF-1.4\n% \(text)\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)
    }

    /// Sends each step of conversation 0 through `send`, waiting for its replies to stop coming, and keeps how
    /// many each step brought.
    func calibrate(_ send: (Int) -> Void) {
        for step in Self.steps.indices {
            self.state.withLock { $0.calibrationReplies = 0 }
            send(step)
            var last = -1
            var quietSince = Self.now()
            while Self.now() - quietSince < 600_000_000 {
                usleep(20_000)
                let count = self.state.withLock { $0.calibrationReplies }
                if count != last {
                    last = count
                    quietSince = Self.now()
                }
            }
            self.state.withLock { $0.expected.append(last) }
        }
    }

    /// Makes conversations `first...first + count - 1` ready for their first message.
    func start(first: Int, count: Int) {
        self.state.withLock { state in
            state.ready = Array(first..<(first + count))
            state.active = count
            state.lastProgress = Self.now()
            for index in state.ready {
                state.conversations[index] = Conversation()
            }
        }
    }

    /// The next conversation ready to send and its step; nil once every journey ended, or when no reply came
    /// for `timeout` seconds (the journeys still waiting are then lost).
    func next(timeout: Double) -> (Int, Int)? {
        self.condition.lock()
        defer { self.condition.unlock() }
        while true {
            let (item, finished) = self.state.withLock { state -> ((Int, Int)?, Bool) in
                if state.readHead < state.ready.count {
                    let index = state.ready[state.readHead]
                    state.readHead += 1
                    if state.readHead > 4096 {
                        state.ready.removeFirst(state.readHead)
                        state.readHead = 0
                    }
                    state.conversations[index].waiting = true
                    state.conversations[index].acknowledgedAt = nil
                    state.conversations[index].firstReplyAt = nil
                    state.conversations[index].remaining = state.expected[state.conversations[index].step]
                    return ((index, state.conversations[index].step), false)
                }
                if state.active == 0 { return (nil, true) }
                if Double(Self.now() - state.lastProgress) / 1e9 > timeout {
                    state.report.lost += state.active
                    state.active = 0
                    return (nil, true)
                }
                return (nil, false)
            }
            if let item { return item }
            if finished {
                self.condition.broadcast()
                return nil
            }
            _ = self.condition.wait(until: Date().addingTimeInterval(0.05))
        }
    }

    /// The webhook of conversation `index` for its `step`, with a fresh id and timestamp.
    func webhook(conversation index: Int, step: Int) -> [UInt8] {
        let phone = Self.phone(index)
        var message: [(String, JSONValue)] = [
            ("from", .string(phone)), ("id", .string("wamid.bench.\(getpid()).\(index).\(step)")),
            ("timestamp", .string(String(Int(Date().timeIntervalSince1970)))),
        ]
        switch Self.steps[step] {
        case .text(let text):
            message += [("type", .string("text")), ("text", .object([("body", .string(text))]))]
        case .list(let id, let title), .button(let id, let title):
            let kind = if case .list = Self.steps[step] { "list_reply" } else { "button_reply" }
            message += [
                ("type", .string("interactive")),
                (
                    "interactive",
                    .object([
                        ("type", .string(kind)), (kind, .object([("id", .string(id)), ("title", .string(title))])),
                    ])
                ),
            ]
        case .document(let mediaID, let filename):
            message += [
                ("type", .string("document")),
                (
                    "document",
                    .object([
                        ("id", .string(mediaID)), ("filename", .string(filename)),
                        ("mime_type", .string("application/pdf")),
                    ])
                ),
            ]
        }
        let value = WebhookEnvelope.messageValue(
            message, from: phone, name: "Penyedia \(index)", phoneNumberID: "1234567890")
        let envelope = WebhookEnvelope.wrapping(value, accountID: "1234567890")
        return envelope.bytes
    }

    /// Loket answered conversation `index`'s webhook with `status`.
    func acknowledged(_ index: Int, status: Int) {
        let now = Self.now()
        self.state.withLock { state in
            guard status == 200 else {
                state.report.refused += 1
                return
            }
            state.conversations[index].acknowledgedAt = now
            if let reply = state.conversations[index].firstReplyAt {
                // The reply overtook the client reading its 200.
                state.report.latencies.append((now, Double(reply > now ? reply - now : 0) / 1e6))
            }
        }
    }

    /// A reply to `phone` reached the Graph API.
    func replied(to phone: String) {
        let now = Self.now()
        guard let index = Self.conversation(ofPhone: phone) else { return }
        var wake = false
        self.state.withLock { state in
            guard index < state.conversations.count else { return }
            if index == 0 {
                state.calibrationReplies += 1
                return
            }
            var conversation = state.conversations[index]
            guard conversation.waiting, conversation.remaining > 0 else {
                state.report.extra += 1
                return
            }
            if conversation.firstReplyAt == nil {
                conversation.firstReplyAt = now
                if let acknowledged = conversation.acknowledgedAt {
                    state.report.latencies.append((now, Double(now > acknowledged ? now - acknowledged : 0) / 1e6))
                }
            }
            conversation.remaining -= 1
            state.lastProgress = now
            if conversation.remaining == 0 {
                conversation.waiting = false
                state.report.exchanges += 1
                conversation.step += 1
                if conversation.step == Self.steps.count {
                    conversation.done = true
                    state.report.completed += 1
                    state.active -= 1
                } else {
                    state.ready.append(index)
                }
                wake = true
            }
            state.conversations[index] = conversation
        }
        if wake {
            self.condition.lock()
            self.condition.signal()
            self.condition.unlock()
        }
    }

    func report() -> Report { self.state.withLock { $0.report } }
}
