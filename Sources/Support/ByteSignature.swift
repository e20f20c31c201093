/// The bytes every file of a format has at a fixed place: `%PDF-` at the start of a PDF, `ftyp` after the
/// box size that opens an MP4 video. A signature without bytes matches anything (plain text has none).
public struct ByteSignature: Hashable, Sendable {
    /// Where the bytes stand, counted from the start of the file.
    public var offset: Int
    public var bytes: [UInt8]

    public init(_ bytes: [UInt8], at offset: Int = 0) {
        self.offset = offset
        self.bytes = bytes
    }

    /// Whether `content` has the signature's bytes at its offset.
    public func matches(_ content: some Collection<UInt8>) -> Bool {
        guard !self.bytes.isEmpty else { return true }
        return content.dropFirst(self.offset).starts(with: self.bytes)
    }
}
