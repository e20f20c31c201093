import Glibc

/// Reads a process's CPU time and peak resident memory from /proc.
struct ProcessProbe {
    let pid: Int32

    /// User plus system CPU time of all the process's threads, in microseconds.
    func cpuMicroseconds() -> Double? {
        guard let stat = Self.read("/proc/\(self.pid)/stat"), let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        return (user + system) / ticks * 1_000_000
    }

    /// Peak resident set size (VmHWM) in MiB.
    func peakResidentMiB() -> Double? {
        guard let status = Self.read("/proc/\(self.pid)/status") else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kib = line.split(separator: " ").dropFirst().first.flatMap { Double($0) }
            return kib.map { $0 / 1024 }
        }
        return nil
    }

    /// Resets the peak RSS to the current RSS (Linux clear_refs 5); false when not permitted.
    func resetPeakResident() -> Bool {
        let fd = open("/proc/\(self.pid)/clear_refs", O_WRONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return write(fd, "5", 1) == 1
    }

    static func read(_ path: String) -> String? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            result.append(contentsOf: chunk[..<count])
        }
        return String(decoding: result, as: UTF8.self)
    }
}
