import Dispatch
import Foundation
import Glibc
import HTTPServer

/// The bare HTTP server with a responder that answers 200 at once: the server's own cost per request.
enum TrivialServer {
    private struct OKResponder: HTTPResponder {
        let response = HTTPResponse.json(200, Array("{\"ok\":true}".utf8))
        /// When set, completions are called from this queue, as a database writer thread would.
        let completionQueue: DispatchQueue?

        func respond(to request: HTTPRequest, completion: @escaping @Sendable (HTTPResponse) -> Void) {
            guard let completionQueue else {
                completion(self.response)
                return
            }
            let response = self.response
            completionQueue.async { completion(response) }
        }
    }

    /// Serves until SIGTERM or SIGINT, printing `port=<n>` once listening.
    static func run(port: Int, loops: Int, completesElsewhere: Bool) throws {
        let configuration = HTTPServerConfiguration(
            host: "127.0.0.1", port: port,
            eventLoopCount: loops > 0 ? loops : HTTPServerConfiguration.defaultEventLoopCount)
        let queue = completesElsewhere ? DispatchQueue(label: "completions") : nil
        let server = HTTPServer(configuration: configuration, responder: OKResponder(completionQueue: queue))
        try server.start()
        let trap = TerminationSignalTrap { _ in server.stop(timeout: .seconds(5)) }
        FileHandle.standardOutput.write(Data("port=\(server.port)\n".utf8))
        server.waitUntilStopped()
        trap.cancel()
    }

    /// Starts this program again in `--serve-trivial` mode and returns it with its port.
    static func spawn(loops: Int, completesElsewhere: Bool) throws -> (Process, UInt16) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments =
            ["--serve-trivial", "--server-loops", String(loops)] + (completesElsewhere ? ["--complete-elsewhere"] : [])
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var line: [UInt8] = []
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            guard let first = byte.first else { throw BenchmarkError("the trivial server exited before listening") }
            if first == 10 { break }
            line.append(first)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("port="), let port = UInt16(text.dropFirst(5)) else {
            throw BenchmarkError("unexpected line from the trivial server: \(text)")
        }
        return (process, port)
    }
}
