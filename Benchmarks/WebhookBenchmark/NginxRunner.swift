import CEpoll
import Foundation
import Glibc

/// Runs Debian's nginx on a free loopback port with a generated configuration whose only location
/// answers 200 with a small static body; the reference the benchmark compares Loket to.
final class NginxRunner {
    let port: UInt16
    private let directory: String
    private let process: Process

    init(executable: String = "/usr/sbin/nginx") throws {
        var template = Array("/tmp/loket-nginx-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else { throw BenchmarkError("cannot create a temporary directory") }
        self.directory = String(cString: created)
        self.port = try Self.freePort()
        let user = getuid() == 0 ? "user root;\n" : ""
        let configuration = """
            \(user)daemon off;
            master_process on;
            worker_processes auto;
            pid \(self.directory)/nginx.pid;
            error_log \(self.directory)/error.log warn;
            events { worker_connections 8192; }
            http {
                access_log off;
                keepalive_requests 100000000;
                keepalive_timeout 75s;
                client_body_temp_path \(self.directory)/body;
                proxy_temp_path \(self.directory)/proxy;
                fastcgi_temp_path \(self.directory)/fastcgi;
                uwsgi_temp_path \(self.directory)/uwsgi;
                scgi_temp_path \(self.directory)/scgi;
                server {
                    listen 127.0.0.1:\(self.port);
                    location / {
                        default_type text/plain;
                        return 200 "ok\\n";
                    }
                }
            }

            """
        try configuration.write(toFile: "\(self.directory)/nginx.conf", atomically: true, encoding: .utf8)
        self.process = Process()
        self.process.executableURL = URL(fileURLWithPath: executable)
        self.process.arguments = [
            "-p", self.directory, "-c", "\(self.directory)/nginx.conf", "-e", "\(self.directory)/error.log",
        ]
        try self.process.run()
        guard waitUntilAccepting(port: self.port, seconds: 10) else {
            self.stop()
            throw BenchmarkError("nginx did not start; see \(self.directory)/error.log")
        }
    }

    /// The master and its worker processes, to measure nginx's CPU time.
    var processes: [Int32] {
        let master = self.process.processIdentifier
        let children = ProcessProbe.read("/proc/\(master)/task/\(master)/children") ?? ""
        return [master] + children.split(separator: " ").compactMap { Int32($0) }
    }

    func stop() {
        if self.process.isRunning {
            self.process.terminate()
            self.process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: self.directory)
    }

    /// A port the kernel considers free right now.
    private static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw BenchmarkError("cannot find a free port for nginx") }
        return UInt16(bigEndian: address.sin_port)
    }
}

/// Polls `connect` until something accepts on the port or the time is up.
func waitUntilAccepting(port: UInt16, seconds: Double) -> Bool {
    let deadline = LoadGenerator.now() + UInt64(seconds * 1e9)
    while LoadGenerator.now() < deadline {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        close(fd)
        if connected == 0 { return true }
        usleep(20_000)
    }
    return false
}

/// A benchmark failure with a message for the operator.
struct BenchmarkError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
