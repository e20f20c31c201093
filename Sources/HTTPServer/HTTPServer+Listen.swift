import CEpoll
import Glibc

extension HTTPServer {
    /// Opens a non-blocking listening socket with `SO_REUSEADDR`; returns it with the bound port.
    static func listen(_ configuration: HTTPServerConfiguration) throws(HTTPServerError) -> (Int32, Int) {
        let address = "\(configuration.host):\(configuration.port)"
        var hints = addrinfo()
        hints.ai_flags = AI_NUMERICHOST | AI_PASSIVE | AI_NUMERICSERV
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var results: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(configuration.host, String(configuration.port), &hints, &results) == 0,
            let info = results
        else { throw .invalidAddress(address) }
        defer { freeaddrinfo(results) }

        let fd = socket(
            info.pointee.ai_family,
            Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue)
                | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .systemCall("socket", errno: errno, address: address) }
        var enabled: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &enabled, socklen_t(MemoryLayout<Int32>.size))
        guard bind(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else {
            let code = errno
            Glibc.close(fd)
            throw .systemCall("bind", errno: code, address: address)
        }
        guard Glibc.listen(fd, Int32(configuration.backlog)) == 0 else {
            let code = errno
            Glibc.close(fd)
            throw .systemCall("listen", errno: code, address: address)
        }
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let port = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard port == 0 else {
            let code = errno
            Glibc.close(fd)
            throw .systemCall("getsockname", errno: code, address: address)
        }
        let boundPort: UInt16 =
            if Int32(storage.ss_family) == AF_INET6 {
                withUnsafePointer(to: &storage) {
                    $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_port }
                }
            } else {
                withUnsafePointer(to: &storage) {
                    $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_port }
                }
            }
        return (fd, Int(UInt16(bigEndian: boundPort)))
    }
}
