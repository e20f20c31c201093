import Foundation
import WhatsAppOutbox

/// The few parts of POSIX ustar a backup needs: regular files with relative names of up to 100 bytes,
/// written and read one entry at a time, so neither side holds a database or a document in memory.
enum Tar {
    static let blockSize = 512
    /// The size of the pieces a file is copied in.
    static let chunkSize = 1 << 20

    /// Writes an archive to a new file.
    struct Writer {
        private let handle: FileHandle
        private let modified: Int

        init(creating url: URL, modified: Date = Date()) throws {
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw BackupArchive.Failure("cannot create \(url.path)")
            }
            self.handle = try FileHandle(forWritingTo: url)
            self.modified = max(0, Int(modified.timeIntervalSince1970))
        }

        /// Adds `bytes` as the file `name`.
        func add(name: String, bytes: [UInt8]) throws {
            try self.handle.write(contentsOf: try Tar.header(name: name, size: bytes.count, modified: self.modified))
            try self.handle.write(contentsOf: bytes)
            try self.handle.write(contentsOf: Tar.padding(after: bytes.count))
        }

        /// Copies the file at `source` in as `name`; returns its SHA-256 (hex) and size as copied.
        func addFile(name: String, from source: URL) throws -> (sha256: String, bytes: Int) {
            let input = try FileHandle(forReadingFrom: source)
            defer { try? input.close() }
            let size = Int(try input.seekToEnd())
            try input.seek(toOffset: 0)
            try self.handle.write(contentsOf: try Tar.header(name: name, size: size, modified: self.modified))
            var digest = SHA256Digest()
            var copied = 0
            while copied < size, let chunk = try input.read(upToCount: min(Tar.chunkSize, size - copied)),
                !chunk.isEmpty
            {
                chunk.withUnsafeBytes { digest.update($0) }
                try self.handle.write(contentsOf: chunk)
                copied += chunk.count
            }
            guard copied == size else { throw BackupArchive.Failure("\(source.path) changed while it was copied") }
            try self.handle.write(contentsOf: Tar.padding(after: size))
            return (SHA256Digest.hexString(digest.finalize()), size)
        }

        /// Ends the archive with its two zero blocks and closes the file.
        func finish() throws {
            try self.handle.write(contentsOf: [UInt8](repeating: 0, count: 2 * Tar.blockSize))
            try self.handle.close()
        }
    }

    /// Reads an archive entry by entry.
    struct Reader {
        private let handle: FileHandle

        init(reading url: URL) throws {
            self.handle = try FileHandle(forReadingFrom: url)
        }

        /// The next regular file's name and size, or nil at the end; its content is read next with `copy`.
        /// A header with a wrong checksum is an error.
        mutating func next() throws -> (name: String, size: Int)? {
            while true {
                guard let data = try self.handle.read(upToCount: Tar.blockSize), data.count == Tar.blockSize else {
                    return nil
                }
                let header = [UInt8](data)
                if header.allSatisfy({ $0 == 0 }) { return nil }
                func field(_ start: Int, _ length: Int) -> [UInt8] {
                    Array(header[start..<start + length].prefix { $0 != 0 })
                }
                func number(_ start: Int, _ length: Int) -> Int? {
                    let text = String(decoding: field(start, length), as: UTF8.self).trimmingCharacters(in: [" "])
                    return text.isEmpty ? 0 : Int(text, radix: 8)
                }
                var blank = header
                for index in 148..<156 { blank[index] = UInt8(ascii: " ") }
                guard let checksum = number(148, 8), checksum == blank.reduce(0, { $0 + Int($1) }) else {
                    throw BackupArchive.Failure("the archive is damaged: a header checksum does not match")
                }
                guard let size = number(124, 12), size >= 0 else {
                    throw BackupArchive.Failure("the archive is damaged")
                }
                if header[156] == UInt8(ascii: "0") || header[156] == 0 {
                    return (String(decoding: field(0, 100), as: UTF8.self), size)
                }
                try self.skip(size)
            }
        }

        /// Copies the current entry's `size` bytes to `target` (nil: reads them into memory and returns
        /// them); returns its SHA-256 (hex) and the bytes when kept in memory.
        mutating func copy(size: Int, to target: URL?) throws -> (sha256: String, bytes: [UInt8]?) {
            let output = try target.map { url -> FileHandle in
                guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                    throw BackupArchive.Failure("cannot create \(url.path)")
                }
                return try FileHandle(forWritingTo: url)
            }
            defer { try? output?.close() }
            var digest = SHA256Digest()
            var kept: [UInt8] = []
            var remaining = size
            while remaining > 0 {
                guard let chunk = try self.handle.read(upToCount: min(Tar.chunkSize, remaining)), !chunk.isEmpty else {
                    throw BackupArchive.Failure("the archive is cut short")
                }
                chunk.withUnsafeBytes { digest.update($0) }
                if let output { try output.write(contentsOf: chunk) } else { kept += chunk }
                remaining -= chunk.count
            }
            try self.skip(0, padding: size)
            return (SHA256Digest.hexString(digest.finalize()), output == nil ? kept : nil)
        }

        /// Skips `size` bytes of content and the padding after `padding` bytes.
        private mutating func skip(_ size: Int, padding: Int? = nil) throws {
            let total = size + Tar.padding(after: padding ?? size).count
            guard total > 0 else { return }
            try self.handle.seek(toOffset: try self.handle.offset() + UInt64(total))
        }

        func close() { try? self.handle.close() }
    }

    /// The 512-byte ustar header of a regular file.
    static func header(name: String, size: Int, modified: Int) throws -> [UInt8] {
        let nameBytes = Array(name.utf8)
        guard nameBytes.count <= 100 else { throw BackupArchive.Failure("\(name): name longer than 100 bytes") }
        var header = [UInt8](repeating: 0, count: Self.blockSize)
        func put(_ bytes: [UInt8], at offset: Int) {
            for (index, byte) in bytes.enumerated() { header[offset + index] = byte }
        }
        func octal(_ value: Int, width: Int) -> [UInt8] {
            let digits = String(value, radix: 8)
            return Array((String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits).utf8) + [0]
        }
        put(nameBytes, at: 0)
        put(octal(0o644, width: 8), at: 100)
        put(octal(0, width: 8), at: 108)
        put(octal(0, width: 8), at: 116)
        put(octal(size, width: 12), at: 124)
        put(octal(modified, width: 12), at: 136)
        put(Array(repeating: UInt8(ascii: " "), count: 8), at: 148)
        header[156] = UInt8(ascii: "0")
        put(Array("ustar".utf8) + [0], at: 257)
        put(Array("00".utf8), at: 263)
        let checksum = header.reduce(0) { $0 + Int($1) }
        put(octal(checksum, width: 7) + [UInt8(ascii: " ")], at: 148)
        return header
    }

    /// The zero bytes that fill a file of `size` bytes up to a whole block.
    static func padding(after size: Int) -> [UInt8] {
        [UInt8](repeating: 0, count: (Self.blockSize - size % Self.blockSize) % Self.blockSize)
    }
}
