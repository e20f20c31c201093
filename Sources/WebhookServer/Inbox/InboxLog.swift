import CZlib
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The inbox's append-only log: what a webhook's 200 waits for. Every acknowledged delivery is a checksummed
/// record in a segment file, written and `fdatasync`'d with every other delivery waiting at that moment
/// (one fsync per group, however many webhooks it holds), before any of them is answered. The dispatcher
/// then moves the records into the inbox table (`InboxLogReplayer`), and segments whose records are all in the
/// table, durably, are deleted.
///
/// On disk: `<directory>/<segment number, 20 digits>.log`, each record `length (UInt32 LE)`, `CRC-32 of the
/// payload (UInt32 LE)`, `payload` (never empty: a zero length marks the end of the records). A new segment
/// starts once the current one passes `segmentSize`; its file's creation is made durable (the directory is
/// fsync'd) before anything in it is acknowledged.
///
/// A segment grows in zero-filled steps of `preallocation` ahead of the records, each written and fsync'd with
/// the group that needed it, so most groups' `fdatasync` writes their data alone: the file's size, and with it
/// the inode, does not change (on a file system without a journal that is one block write and one wait on the
/// disk fewer per group). The zeros after the last record read as the end of the segment.
///
/// Crash recovery, on opening: the last segment is read record by record, and at the first record that is
/// short or fails its checksum, the file is cut. Such a tail was never acknowledged: its `fdatasync` had not
/// returned. Earlier segments were complete and fsync'd before the next one began.
///
/// Appends come from one thread (the inbox writer); reads and deletions from another (the replayer).
/// `@unchecked Sendable`: the counters are only touched while holding `state`'s lock, and so is the
/// descriptor, except by the append in progress (one at a time, under `appending`), which writes and
/// `fdatasync`s through it without holding `state`: the replayer and the metrics read the durable end
/// meanwhile instead of waiting for the disk.
public final class InboxLog: @unchecked Sendable {
    /// A place in the log: a segment and a byte offset in it.
    public struct Position: Comparable, Hashable, Sendable, CustomStringConvertible {
        public var segment: UInt64
        public var offset: UInt64

        public init(segment: UInt64, offset: UInt64) {
            self.segment = segment
            self.offset = offset
        }

        public static func < (lhs: Position, rhs: Position) -> Bool {
            (lhs.segment, lhs.offset) < (rhs.segment, rhs.offset)
        }

        public var description: String { "\(self.segment):\(self.offset)" }
    }

    /// Why the log refused to go on.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    private struct State {
        var descriptor: Int32 = -1
        /// The end of what is on stable storage, in the segment being written: readers never go past it.
        var durableEnd = Position(segment: 0, offset: 0)
        /// The size of the segment being written: its records, then zeros.
        var allocatedEnd: UInt64 = 0
        var fsyncs = 0
        /// Groups appended, and the time their `fdatasync`s took in all: the disk's sync latency, which a
        /// webhook's 200 waits for.
        var groups = 0
        var groupSyncTime = Duration.zero
        var appendedRecords = 0
        /// The oldest segment still on disk.
        var firstSegment: UInt64 = 0
        /// Set when a write or an fsync failed: what the kernel holds is then unknown, so nothing more is
        /// acknowledged until the service restarts and recovers the log.
        var broken: String?
    }

    public let directory: String
    public let segmentSize: UInt64
    /// How far a segment's zero-filled space grows at a time.
    public let preallocation: UInt64
    private let state = Mutex(State())
    /// Held for a whole append: appends change where the log ends, one at a time.
    private let appending = Mutex(())
    private let reader = Mutex<(segment: UInt64, descriptor: Int32)?>(nil)

    static let headerSize = 8

    /// How a group is made durable: `fdatasync`, or a stand-in that tests hold back.
    private let sync: @Sendable (Int32) -> Int32

    /// Opens (creating it if needed) the log in `directory` and recovers its last segment.
    public convenience init(directory: String, segmentSize: UInt64 = 64 << 20, preallocation: UInt64 = 1 << 20)
        throws
    {
        try self.init(directory: directory, segmentSize: segmentSize, preallocation: preallocation) {
            fdatasync($0)
        }
    }

    init(
        directory: String, segmentSize: UInt64 = 64 << 20, preallocation: UInt64 = 1 << 20,
        sync: @escaping @Sendable (Int32) -> Int32
    ) throws {
        self.sync = sync
        self.directory = directory
        self.segmentSize = segmentSize
        self.preallocation = max(1, preallocation)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let segments = try Self.segments(in: directory)
        let last = segments.last ?? 0
        let path = self.path(of: last)
        let existed = FileManager.default.fileExists(atPath: path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Self.failure("cannot open \(path)") }
        var end: UInt64 = 0
        if existed {
            end = try Self.validLength(of: path)
            if ftruncate(descriptor, off_t(end)) != 0 || fsync(descriptor) != 0 {
                close(descriptor)
                throw Self.failure("cannot cut the torn tail of \(path)")
            }
        } else if !Self.syncDirectory(directory) {
            close(descriptor)
            throw Self.failure("cannot sync \(directory)")
        }
        self.state.withLock {
            $0.descriptor = descriptor
            $0.durableEnd = Position(segment: last, offset: end)
            $0.allocatedEnd = end
            $0.firstSegment = segments.first ?? last
        }
    }

    deinit {
        self.state.withLock { state in
            if state.descriptor >= 0 { close(state.descriptor) }
        }
        self.reader.withLock { reader in
            if let open = reader { close(open.descriptor) }
        }
    }

    /// The end of what has been appended and fsync'd.
    public var durableEnd: Position { self.state.withLock { $0.durableEnd } }

    /// `fdatasync` calls so far (new segments' files and directory included).
    public var fsyncCount: Int { self.state.withLock { $0.fsyncs } }

    /// Groups appended since the log was opened (one `fdatasync` each), and the seconds those syncs took in
    /// all: their quotient is the disk's sync latency, the wait a webhook's 200 cannot avoid.
    public var groupSyncs: (count: Int, seconds: Double) {
        self.state.withLock { ($0.groups, $0.groupSyncTime / .seconds(1)) }
    }

    /// Records appended since the log was opened.
    public var appendedRecords: Int { self.state.withLock { $0.appendedRecords } }

    /// Appends `payloads` as records and returns once they are on stable storage. One `write` and one
    /// `fdatasync` for the whole group (plus the zeros of a step when the segment grows, and a new segment's
    /// creation when the current one is full).
    public func append(_ payloads: [[UInt8]]) throws {
        guard !payloads.isEmpty else { return }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(payloads.reduce(0) { $0 + $1.count + Self.headerSize })
        for payload in payloads { Self.appendRecord(payload, to: &bytes) }
        try self.appending.withLock { _ in
            let (descriptor, offset, allocatedEnd) = try self.state.withLock { state in
                if let broken = state.broken { throw Failure(description: broken) }
                if state.durableEnd.offset > 0, state.durableEnd.offset + UInt64(bytes.count) > self.segmentSize {
                    try self.startSegment(state.durableEnd.segment + 1, state: &state)
                }
                return (state.descriptor, state.durableEnd.offset, state.allocatedEnd)
            }
            let end = offset + UInt64(bytes.count)
            var grown = allocatedEnd
            var failure: String?
            if end > allocatedEnd {
                // Whole steps past the new records, so the next groups land in space already written.
                grown = (end / self.preallocation + 1) * self.preallocation
                if !Self.writeZeros(descriptor, from: max(allocatedEnd, end), to: grown) {
                    failure = "growing the inbox log failed (errno \(errno))"
                }
            }
            if failure == nil, !Self.write(bytes, to: descriptor, at: offset) {
                failure = "writing the inbox log failed (errno \(errno))"
            }
            let syncStart = ContinuousClock.now
            if failure == nil, self.sync(descriptor) != 0 {
                failure = "fdatasync of the inbox log failed (errno \(errno))"
            }
            let syncTime = ContinuousClock.now - syncStart
            try self.state.withLock { state in
                if let failure {
                    state.broken = failure
                    throw Failure(description: failure)
                }
                state.allocatedEnd = grown
                state.fsyncs += 1
                state.groups += 1
                state.groupSyncTime += syncTime
                state.appendedRecords += payloads.count
                state.durableEnd.offset = end
            }
        }
    }

    /// Up to `limit` records after `position` and no further than the durable end, with the position after
    /// the last one returned.
    public func records(after position: Position, limit: Int) throws -> (payloads: [[UInt8]], end: Position) {
        let end = self.durableEnd
        var current = position
        var payloads: [[UInt8]] = []
        while payloads.count < limit && current < end {
            guard let descriptor = self.readDescriptor(for: current.segment) else {
                // A segment before the durable end that is gone was emptied by a rotation of an empty one.
                guard current.segment < end.segment else {
                    throw Self.failure("cannot read \(self.path(of: current.segment))")
                }
                current = Position(segment: current.segment + 1, offset: 0)
                continue
            }
            let stop: UInt64
            if current.segment == end.segment {
                stop = end.offset
            } else {
                var status = stat()
                guard fstat(descriptor, &status) == 0 else { throw Self.failure("cannot stat a segment") }
                stop = UInt64(status.st_size)
            }
            // At most a chunk at a time (a whole record when one is larger), so a long backlog is read once
            // in batches, not the rest of its segment again for every batch.
            var bytes = try Self.read(
                descriptor, at: current.offset, count: min(stop - current.offset, Self.chunkSize))
            if Self.record(in: bytes, at: 0) == nil, bytes.count >= Self.headerSize {
                let whole = UInt64(Self.headerSize) + UInt64(Self.uint32(bytes, at: 0))
                if whole > UInt64(bytes.count), whole <= stop - current.offset {
                    bytes = try Self.read(descriptor, at: current.offset, count: whole)
                }
            }
            var offset = 0
            while payloads.count < limit, let (payload, length) = Self.record(in: bytes, at: offset) {
                payloads.append(payload)
                offset += length
            }
            current.offset += UInt64(offset)
            guard payloads.count < limit else { break }
            if current.offset < stop, Self.endsRecords(bytes, at: offset) {
                // The zeros after a segment's last record: on to the next segment, or the durable end.
                guard current.segment < end.segment else { break }
                current = Position(segment: current.segment + 1, offset: 0)
            } else if current.offset < stop {
                // The chunk ended inside a record (read on from it), unless not even one record was whole.
                guard offset > 0 else {
                    throw Self.failure("\(self.path(of: current.segment)) holds a damaged record at \(current.offset)")
                }
            } else if current.segment < end.segment {
                current = Position(segment: current.segment + 1, offset: 0)
            }
        }
        return (payloads, current)
    }

    /// How much of a segment one read takes at most.
    private static let chunkSize: UInt64 = 1 << 20

    /// `count` bytes of the file open as `descriptor`, from `offset`.
    private static func read(_ descriptor: Int32, at offset: UInt64, count: UInt64) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: Int(count))
        var filled = 0
        while filled < bytes.count {
            let result = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress! + filled, buffer.count - filled, off_t(offset) + off_t(filled))
            }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { throw Self.failure("cannot read a segment") }
            filled += result
        }
        return bytes
    }

    /// A descriptor open for reading `segment`, kept between calls (the reader goes through one segment
    /// after another).
    private func readDescriptor(for segment: UInt64) -> Int32? {
        self.reader.withLock { reader in
            if let open = reader, open.segment == segment { return open.descriptor }
            if let open = reader { close(open.descriptor) }
            reader = nil
            let descriptor = Glibc.open(self.path(of: segment), O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return nil }
            reader = (segment, descriptor)
            return descriptor
        }
    }

    /// The oldest segment still on disk: one older than a position's segment may be deleted once every
    /// record before that position is stored elsewhere, durably.
    public var firstSegment: UInt64 { self.state.withLock { $0.firstSegment } }

    /// Deletes the segments that end before `position` (every record in them is stored elsewhere now).
    public func removeSegments(before position: Position) {
        let current = self.state.withLock { $0.durableEnd.segment }
        guard let segments = try? Self.segments(in: self.directory) else { return }
        var first = current
        for segment in segments {
            if segment < position.segment && segment < current {
                self.reader.withLock { reader in
                    if let open = reader, open.segment == segment {
                        close(open.descriptor)
                        reader = nil
                    }
                }
                try? FileManager.default.removeItem(atPath: self.path(of: segment))
            } else {
                first = min(first, segment)
            }
        }
        self.state.withLock { $0.firstSegment = first }
    }

    /// The number of segment files (tests, health).
    public var segmentCount: Int { (try? Self.segments(in: self.directory).count) ?? 0 }

    // MARK: Files

    private func path(of segment: UInt64) -> String {
        self.directory + "/" + String(repeating: "0", count: max(0, 20 - String(segment).count)) + "\(segment).log"
    }

    private func startSegment(_ segment: UInt64, state: inout State) throws {
        let path = self.path(of: segment)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Self.failure("cannot create \(path)") }
        guard fsync(descriptor) == 0, Self.syncDirectory(self.directory) else {
            close(descriptor)
            throw Self.failure("cannot make \(path) durable")
        }
        state.fsyncs += 2
        close(state.descriptor)
        state.descriptor = descriptor
        state.durableEnd = Position(segment: segment, offset: 0)
        state.allocatedEnd = 0
    }

    private static func segments(in directory: String) throws -> [UInt64] {
        try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".log") }
            .compactMap { UInt64($0.dropLast(4)) }
            .sorted()
    }

    /// Writes all of `bytes` at `offset` of `descriptor`.
    private static func write(_ bytes: [UInt8], to descriptor: Int32, at offset: UInt64) -> Bool {
        bytes.withUnsafeBytes { Self.write($0, to: descriptor, at: offset) }
    }

    private static func write(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32, at offset: UInt64) -> Bool {
        var written = 0
        while written < buffer.count {
            let result = pwrite(
                descriptor, buffer.baseAddress! + written, buffer.count - written, off_t(offset) + off_t(written))
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { return false }
            written += result
        }
        return true
    }

    /// Fills `start..<end` of `descriptor` with zeros, written out: not a hole, nor unwritten extents, which
    /// would leave the block map to change under the records written there later.
    private static func writeZeros(_ descriptor: Int32, from start: UInt64, to end: UInt64) -> Bool {
        // A small buffer written as often as needed: a step's worth of zeros in memory would raise the peak RSS.
        let zeros = [UInt8](repeating: 0, count: Int(min(end - start, 64 << 10)))
        return zeros.withUnsafeBytes { buffer in
            var offset = start
            while offset < end {
                let count = Int(min(end - offset, UInt64(buffer.count)))
                guard Self.write(UnsafeRawBufferPointer(rebasing: buffer[..<count]), to: descriptor, at: offset) else {
                    return false
                }
                offset += UInt64(count)
            }
            return true
        }
    }

    private static func syncDirectory(_ directory: String) -> Bool {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return fsync(descriptor) == 0
    }

    /// The length of the run of whole, valid records at the start of the file at `path`.
    private static func validLength(of path: String) throws -> UInt64 {
        guard let data = FileManager.default.contents(atPath: path) else { throw Self.failure("cannot read \(path)") }
        let bytes = [UInt8](data)
        var offset = 0
        while let (_, length) = Self.record(in: bytes, at: offset) { offset += length }
        return UInt64(offset)
    }

    private static func failure(_ what: String) -> Failure {
        Failure(description: "inbox log: \(what) (errno \(errno))")
    }

    // MARK: Records

    static func appendRecord(_ payload: [UInt8], to bytes: inout [UInt8]) {
        precondition(!payload.isEmpty, "Invalid inbox log record: a zero length marks the end of the records")
        Self.appendUInt32(UInt32(payload.count), to: &bytes)
        Self.appendUInt32(Self.checksum(payload[...]), to: &bytes)
        bytes.append(contentsOf: payload)
    }

    /// The record at `offset` in `bytes` and its length with the header, or nil when it is short or damaged,
    /// or at the end of the records.
    static func record(in bytes: [UInt8], at offset: Int) -> (payload: [UInt8], length: Int)? {
        guard offset + Self.headerSize <= bytes.count else { return nil }
        let length = Int(Self.uint32(bytes, at: offset))
        guard length > 0 else { return nil }
        let checksum = Self.uint32(bytes, at: offset + 4)
        let start = offset + Self.headerSize
        guard length <= bytes.count - start else { return nil }
        let payload = bytes[start..<(start + length)]
        guard Self.checksum(payload) == checksum else { return nil }
        return (Array(payload), Self.headerSize + length)
    }

    /// Whether the records end at `offset`: a zero length, or the zeros of the space grown ahead.
    static func endsRecords(_ bytes: [UInt8], at offset: Int) -> Bool {
        offset + 4 <= bytes.count && Self.uint32(bytes, at: offset) == 0
    }

    private static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            UInt32(truncatingIfNeeded: crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
    }

    static func appendUInt32(_ value: UInt32, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    static func uint32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
            | UInt32(bytes[offset + 3]) << 24
    }
}
