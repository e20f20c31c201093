import Foundation
import Glibc
import HTTPServer
import Support
import WhatsAppOutbox

/// What the input and output of one inbound message cost on this host, one message at a time as the journeys
/// send them, before any of Loket's own work: serving one webhook exchange (Loket's HTTP server with a
/// responder that answers at once), one `fdatasync`'d append of a webhook's size (what the inbox log does
/// for a group of one), and one Graph API call made as the sender makes it (`GraphClient`: libcurl, a
/// keep-alive connection). A message needs one of the first two and two calls: its reply and its read receipt.
struct IOFloor {
    /// CPU µs per exchange on the serving side.
    var webhookServed: Double
    /// CPU µs per append and `fdatasync`, and the appends' wall-time median and 99th percentile in ms.
    var append: Double
    var appendP50: Double
    var appendP99: Double
    /// CPU µs per call on the calling side.
    var graphCall: Double

    var perMessage: Double { self.webhookServed + self.append + 2 * self.graphCall }

    /// Measures `calls` exchanges and `appends` appends in `directory` (the file system Loket's data is on).
    static func measure(directory: String, calls: Int = 3000, appends: Int = 2000) throws -> IOFloor {
        let (served, called) = try Self.exchanges(calls)
        let (append, p50, p99) = try Self.appends(appends, in: directory)
        return IOFloor(webhookServed: served, append: append, appendP50: p50, appendP99: p99, graphCall: called)
    }

    /// CPU µs per exchange on each side: this thread calls, the server's event loop serves; nothing else runs.
    private static func exchanges(_ calls: Int) throws -> (served: Double, called: Double) {
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, eventLoopCount: 1),
            responder: Accepting())
        try server.start()
        defer { server.stop() }
        GraphClient.initializeLibraryOnce()
        let client = GraphClient(
            configuration: .init(baseURL: "http://127.0.0.1:\(server.port)/v21.0", accessToken: "floor"))
        let body = try GraphMessageEncoder().encode(
            OutboundMessage(to: "6281234567890", payload: .text("Terima kasih, data Anda sudah kami terima.")))
        let request = GraphHTTPRequest.post("/1234567890/messages", json: body)
        for _ in 0..<200 { _ = try client.perform(request) }
        let process = Self.cpu(CLOCK_PROCESS_CPUTIME_ID)
        let thread = Self.cpu(CLOCK_THREAD_CPUTIME_ID)
        for _ in 0..<calls {
            let response = try client.perform(request)
            guard response.status == 200 else { throw FloorError("the bare server answered \(response.status)") }
        }
        let called = Self.cpu(CLOCK_THREAD_CPUTIME_ID) - thread
        let served = Self.cpu(CLOCK_PROCESS_CPUTIME_ID) - process - called
        return (served / Double(calls), called / Double(calls))
    }

    /// CPU µs per append, and the wall-time median and 99th percentile in ms: 1,130-byte records written one
    /// after another into space written with zeros beforehand, as the inbox log grows, each `fdatasync`'d.
    private static func appends(_ count: Int, in directory: String) throws -> (Double, Double, Double) {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/io-floor-\(getpid()).log"
        let descriptor = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw FloorError("cannot create \(path): errno \(errno)") }
        defer {
            close(descriptor)
            unlink(path)
        }
        let record = [UInt8](repeating: 0x61, count: 1130)
        let zeros = [UInt8](repeating: 0, count: 64 << 10)
        let size = (count + 1) * record.count
        for offset in stride(from: 0, to: size, by: zeros.count) {
            guard pwrite(descriptor, zeros, zeros.count, off_t(offset)) == zeros.count else {
                throw FloorError("cannot write \(path): errno \(errno)")
            }
        }
        guard fsync(descriptor) == 0 else { throw FloorError("cannot fsync \(path): errno \(errno)") }
        var walls: [Double] = []
        walls.reserveCapacity(count)
        let start = Self.cpu(CLOCK_THREAD_CPUTIME_ID)
        for index in 0..<count {
            let began = Self.cpu(CLOCK_MONOTONIC)
            guard pwrite(descriptor, record, record.count, off_t(index * record.count)) == record.count,
                fdatasync(descriptor) == 0
            else { throw FloorError("cannot append to \(path): errno \(errno)") }
            walls.append(Self.cpu(CLOCK_MONOTONIC) - began)
        }
        let spent = Self.cpu(CLOCK_THREAD_CPUTIME_ID) - start
        walls.sort()
        return (spent / Double(count), walls[count / 2] / 1000, walls[count * 99 / 100] / 1000)
    }

    /// The clock's reading in µs.
    private static func cpu(_ clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) * 1e6 + Double(time.tv_nsec) / 1e3
    }

    /// Answers every request as Meta answers an accepted message.
    private struct Accepting: HTTPResponder {
        let response = HTTPResponse.json(
            200,
            Array(
                #"{"messaging_product":"whatsapp","contacts":[{"input":"6281234567890","wa_id":"6281234567890"}],"messages":[{"id":"wamid.floor"}]}"#
                    .utf8))

        func respond(to request: HTTPRequest, completion: @escaping @Sendable (HTTPResponse) -> Void) {
            completion(self.response)
        }
    }

    struct FloorError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
