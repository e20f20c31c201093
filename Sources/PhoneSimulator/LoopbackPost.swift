import Foundation
import Glibc
import HTTPServer

/// One HTTP/1.1 POST to Loket's own port over TCP, as Meta's delivery would arrive: the simulator's messages
/// take the same path as real traffic, signature check included.
enum LoopbackPost {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Posts `body` to `path` on 127.0.0.1:`port` and returns the status.
    static func send(port: Int, path: String, headers: [(String, String)], body: [UInt8]) throws -> Int {
        guard let fd = LoopbackSocket.connect(port: port, receiveTimeout: 10) else {
            throw Failure(description: "cannot reach Loket on port \(port): errno \(errno)")
        }
        defer { Glibc.close(fd) }
        var head =
            "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Length: \(body.count)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        let request = Array((head + "\r\n").utf8) + body
        var sent = 0
        while sent < request.count {
            let count = request.withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL))
            }
            guard count > 0 else { throw Failure(description: "send failed: errno \(errno)") }
            sent += count
        }
        var answer = [UInt8](repeating: 0, count: 512)
        let count = answer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count > 12, let status = Int(String(decoding: answer[9..<12], as: UTF8.self)) else {
            throw Failure(description: "no answer from Loket")
        }
        return status
    }
}
