import Foundation

/// The few parts of POSIX ustar a backup needs: regular files with relative names of up to 100 bytes.
enum Tar {
    static let blockSize = 512

    /// `entries` as one tar archive, ending with the two zero blocks.
    static func archive(_ entries: [BackupArchive.Entry], modified: Date = Date()) throws -> [UInt8] {
        var output: [UInt8] = []
        let seconds = max(0, Int(modified.timeIntervalSince1970))
        for entry in entries {
            let name = Array(entry.name.utf8)
            guard name.count <= 100 else { throw BackupArchive.Failure("\(entry.name): name longer than 100 bytes") }
            var header = [UInt8](repeating: 0, count: Self.blockSize)
            func put(_ bytes: [UInt8], at offset: Int) {
                for (index, byte) in bytes.enumerated() { header[offset + index] = byte }
            }
            func octal(_ value: Int, width: Int) -> [UInt8] {
                let digits = String(value, radix: 8)
                return Array((String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits).utf8) + [0]
            }
            put(name, at: 0)
            put(octal(0o644, width: 8), at: 100)
            put(octal(0, width: 8), at: 108)
            put(octal(0, width: 8), at: 116)
            put(octal(entry.bytes.count, width: 12), at: 124)
            put(octal(seconds, width: 12), at: 136)
            put(Array(repeating: UInt8(ascii: " "), count: 8), at: 148)
            header[156] = UInt8(ascii: "0")
            put(Array("ustar".utf8) + [0], at: 257)
            put(Array("00".utf8), at: 263)
            let checksum = header.reduce(0) { $0 + Int($1) }
            put(octal(checksum, width: 7) + [UInt8(ascii: " ")], at: 148)
            output += header
            output += entry.bytes
            output += [UInt8](
                repeating: 0, count: (Self.blockSize - entry.bytes.count % Self.blockSize) % Self.blockSize)
        }
        output += [UInt8](repeating: 0, count: 2 * Self.blockSize)
        return output
    }

    /// The regular files of a tar archive, in order; a header with a wrong checksum is an error.
    static func entries(of bytes: [UInt8]) throws -> [BackupArchive.Entry] {
        var entries: [BackupArchive.Entry] = []
        var offset = 0
        while offset + Self.blockSize <= bytes.count {
            let header = Array(bytes[offset..<offset + Self.blockSize])
            if header.allSatisfy({ $0 == 0 }) { break }
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
            guard let size = number(124, 12), size >= 0, offset + Self.blockSize + size <= bytes.count else {
                throw BackupArchive.Failure("the archive is cut short")
            }
            let name = String(decoding: field(0, 100), as: UTF8.self)
            let start = offset + Self.blockSize
            if header[156] == UInt8(ascii: "0") || header[156] == 0 {
                entries.append(BackupArchive.Entry(name: name, bytes: Array(bytes[start..<start + size])))
            }
            offset = start + (size + Self.blockSize - 1) / Self.blockSize * Self.blockSize
        }
        return entries
    }
}
