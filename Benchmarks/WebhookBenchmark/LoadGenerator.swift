import CEpoll
import Foundation
import Glibc
import HTTPServer
import Synchronization

/// A closed-loop HTTP/1.1 load generator: each connection sends one request, waits for the whole
/// response, records its latency, and sends the next; one epoll loop per client thread.
final class LoadGenerator: Sendable {
    struct Result {
        var completed = 0
        var statusCounts: [Int: Int] = [:]
        var connectionErrors = 0
        var latencies: [UInt32] = []  // microseconds
        var elapsedSeconds = 0.0

        var errors: Int {
            self.statusCounts.filter { $0.key != 200 }.values.reduce(0, +) + self.connectionErrors
        }

        var requestsPerSecond: Double {
            self.elapsedSeconds > 0 ? Double(self.completed) / self.elapsedSeconds : 0
        }

        /// The latency at `fraction` (0.5 for the median) in milliseconds.
        func percentile(_ fraction: Double) -> Double {
            guard !self.latencies.isEmpty else { return .nan }
            let sorted = self.latencies.sorted()
            let index = min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)
            return Double(sorted[max(0, index)]) / 1000
        }

        mutating func merge(_ other: Result) {
            self.completed += other.completed
            self.connectionErrors += other.connectionErrors
            self.latencies += other.latencies
            for (status, count) in other.statusCounts { self.statusCounts[status, default: 0] += count }
        }
    }

    let port: UInt16
    let corpus: WebhookCorpus
    /// Next request of the corpus to send, shared by the client threads.
    let cursor: RequestCursor

    init(port: UInt16, corpus: WebhookCorpus, cursor: RequestCursor) {
        self.port = port
        self.corpus = corpus
        self.cursor = cursor
    }

    /// Runs `connections` closed loops for `seconds`, counting only completions after `warmup` seconds.
    func run(connections: Int, threads: Int, seconds: Double, warmup: Double) -> Result {
        let threadCount = max(1, min(threads, connections))
        let results = Mutex<[Result]>([])
        let group = DispatchGroup()
        let start = Self.now()
        let measureFrom = start + UInt64(warmup * 1e9)
        let end = measureFrom + UInt64(seconds * 1e9)
        for thread in 0..<threadCount {
            let share = connections / threadCount + (thread < connections % threadCount ? 1 : 0)
            group.enter()
            let worker = Thread {
                let result = self.runLoop(connections: share, measureFrom: measureFrom, end: end)
                results.withLock { $0.append(result) }
                group.leave()
            }
            worker.start()
        }
        group.wait()
        var total = Result()
        for result in results.withLock({ $0 }) { total.merge(result) }
        total.elapsedSeconds = seconds
        return total
    }

    private final class Client {
        let index: Int
        var fd: Int32 = -1
        var request = 0
        var sent = 0
        var startedAt: UInt64 = 0
        var buffer: [UInt8] = []
        /// The request being sent, written out from the corpus.
        var outgoing: [UInt8] = []

        init(index: Int) {
            self.index = index
        }
    }

    private func runLoop(connections: Int, measureFrom: UInt64, end: UInt64) -> Result {
        var result = Result()
        result.latencies.reserveCapacity(1 << 20)
        let epollFD = epoll_create1(0)
        defer { close(epollFD) }
        var clients: [Client] = []
        for index in 0..<connections {
            let client = Client(index: index)
            guard self.connect(client, index: index, epollFD: epollFD) else {
                result.connectionErrors += 1
                continue
            }
            clients.append(client)
            self.sendNext(client, epollFD: epollFD, result: &result)
        }
        var events = [epoll_event](repeating: epoll_event(), count: 512)
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 65536, alignment: 16)
        defer { scratch.deallocate() }
        while Self.now() < end {
            let count = events.withUnsafeMutableBufferPointer {
                epoll_wait(epollFD, $0.baseAddress, Int32($0.count), 20)
            }
            guard count > 0 else { continue }
            let now = Self.now()
            for position in 0..<Int(count) {
                let client = clients[Int(events[position].data.u64)]
                if events[position].events & EPOLLOUT.rawValue != 0, client.sent < client.outgoing.count {
                    self.sendNext(client, epollFD: epollFD, result: &result, resume: true)
                    continue
                }
                let received = recv(client.fd, scratch.baseAddress, scratch.count, 0)
                if received <= 0 {
                    if received < 0, errno == EAGAIN { continue }
                    result.connectionErrors += 1
                    self.reconnect(client, index: Int(events[position].data.u64), epollFD: epollFD, result: &result)
                    continue
                }
                client.buffer.append(contentsOf: UnsafeRawBufferPointer(start: scratch.baseAddress, count: received))
                guard let (status, length, closes) = Self.parseResponse(client.buffer) else { continue }
                client.buffer.removeFirst(length)
                if now >= measureFrom {
                    result.completed += 1
                    result.statusCounts[status, default: 0] += 1
                    result.latencies.append(UInt32(min(UInt64(UInt32.max), (now - client.startedAt) / 1000)))
                }
                if closes {
                    self.reconnect(client, index: Int(events[position].data.u64), epollFD: epollFD, result: &result)
                } else {
                    self.sendNext(client, epollFD: epollFD, result: &result)
                }
            }
        }
        for client in clients where client.fd >= 0 { close(client.fd) }
        return result
    }

    private func connect(_ client: Client, index: Int, epollFD: Int32) -> Bool {
        guard let fd = LoopbackSocket.connect(port: Int(self.port)) else { return false }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        var event = epoll_event(events: EPOLLIN.rawValue, data: epoll_data_t(u64: UInt64(index)))
        epoll_ctl(epollFD, EPOLL_CTL_ADD, fd, &event)
        client.fd = fd
        client.buffer.removeAll(keepingCapacity: true)
        return true
    }

    private func reconnect(_ client: Client, index: Int, epollFD: Int32, result: inout Result) {
        close(client.fd)
        client.fd = -1
        if self.connect(client, index: index, epollFD: epollFD) {
            self.sendNext(client, epollFD: epollFD, result: &result)
        }
    }

    /// Sends the next request of the corpus (or the rest of the current one when `resume`).
    private func sendNext(_ client: Client, epollFD: Int32, result: inout Result, resume: Bool = false) {
        if !resume {
            client.request = self.cursor.next.wrappingAdd(1, ordering: .relaxed).oldValue % self.corpus.count
            client.sent = 0
            self.corpus.write(client.request, into: &client.outgoing)
            client.startedAt = Self.now()
        }
        let length = client.outgoing.count
        let sent = client.outgoing.withUnsafeBytes { bytes in
            send(client.fd, bytes.baseAddress! + client.sent, length - client.sent, Int32(MSG_NOSIGNAL))
        }
        if sent > 0 { client.sent += sent }
        let wantsWrite = client.sent < length
        if wantsWrite || resume {
            var event = epoll_event(
                events: EPOLLIN.rawValue | (wantsWrite ? EPOLLOUT.rawValue : 0),
                data: epoll_data_t(u64: UInt64(client.index)))
            epoll_ctl(epollFD, EPOLL_CTL_MOD, client.fd, &event)
        }
    }

    /// Status, total length and `Connection: close` of a complete response at the buffer's start.
    static func parseResponse(_ buffer: [UInt8]) -> (Int, Int, Bool)? {
        buffer.withUnsafeBufferPointer { bytes -> (Int, Int, Bool)? in
            guard bytes.count >= 16 else { return nil }
            var headEnd = -1
            var index = 12
            while index + 3 < bytes.count {
                if bytes[index] == 13, bytes[index + 1] == 10, bytes[index + 2] == 13, bytes[index + 3] == 10 {
                    headEnd = index + 4
                    break
                }
                index += 1
            }
            guard headEnd > 0 else { return nil }
            let status = Int(bytes[9] - 48) * 100 + Int(bytes[10] - 48) * 10 + Int(bytes[11] - 48)
            var contentLength = 0
            var closes = false
            var lineStart = 0
            while lineStart < headEnd - 2 {
                var lineEnd = lineStart
                while bytes[lineEnd] != 13 { lineEnd += 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
                if Self.hasPrefix(line, "content-length:") {
                    contentLength = 0
                    for byte in line.dropFirst(15) where (48...57).contains(byte) {
                        contentLength = contentLength * 10 + Int(byte - 48)
                    }
                } else if Self.hasPrefix(line, "connection:") {
                    let value = line.dropFirst(11).drop { $0 == 32 }
                    closes = value.count == 5 && value.elementsEqual("close".utf8) { $0 | 0x20 == $1 }
                }
                lineStart = lineEnd + 2
            }
            guard bytes.count >= headEnd + contentLength else { return nil }
            return (status, headEnd + contentLength, closes)
        }
    }

    private static func hasPrefix(_ line: UnsafeBufferPointer<UInt8>, _ lowercase: StaticString) -> Bool {
        let count = lowercase.utf8CodeUnitCount
        guard line.count >= count else { return false }
        for index in 0..<count where line[index] | 0x20 != lowercase.utf8Start[index] | 0x20 {
            return false
        }
        return true
    }

    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}

/// The position in the corpus, shared by the client threads of one target.
final class RequestCursor: Sendable {
    let next = Atomic<Int>(0)
}
