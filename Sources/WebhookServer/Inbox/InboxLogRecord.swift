import Foundation

/// One acknowledged delivery in the inbox log: the time it arrived and its events, in a compact binary form
/// (a version byte, the time as the bits of a `Double`, the event count, then each event's fields, strings
/// and the raw body length-prefixed, optional fields behind a presence byte).
public struct InboxLogRecord: Equatable, Sendable {
    public var receivedAt: Date
    public var events: [WebhookEvent]

    public init(receivedAt: Date, events: [WebhookEvent]) {
        self.receivedAt = receivedAt
        self.events = events
    }

    private static let version: UInt8 = 1

    public var encoded: [UInt8] {
        var bytes: [UInt8] = [Self.version]
        bytes.reserveCapacity(64 + self.events.reduce(0) { $0 + $1.raw.count + 96 })
        Self.append(self.receivedAt.timeIntervalSince1970.bitPattern, to: &bytes)
        InboxLog.appendUInt32(UInt32(self.events.count), to: &bytes)
        for event in self.events {
            bytes.append(event.kind == .message ? 0 : 1)
            Self.append(event.messageID, to: &bytes)
            Self.append(event.status, to: &bytes)
            Self.append(event.conversationKey, to: &bytes)
            Self.append(event.contact.waID, to: &bytes)
            Self.append(event.contact.userID, to: &bytes)
            Self.append(event.contact.profileName, to: &bytes)
            if let timestamp = event.timestamp {
                bytes.append(1)
                Self.append(UInt64(bitPattern: Int64(timestamp)), to: &bytes)
            } else {
                bytes.append(0)
            }
            InboxLog.appendUInt32(UInt32(event.raw.count), to: &bytes)
            bytes.append(contentsOf: event.raw)
        }
        return bytes
    }

    /// Reads a record written by `encoded`; nil for anything else (a checksum already vouched for it, so
    /// this only guards against a record from a future version).
    public init?(decoding bytes: [UInt8]) {
        var reader = Reader(bytes: bytes)
        guard reader.byte() == Self.version, let time = reader.uint64(), let count = reader.uint32() else {
            return nil
        }
        var events: [WebhookEvent] = []
        events.reserveCapacity(Int(min(count, 64)))
        for _ in 0..<count {
            guard let kind = reader.byte(), let messageID = reader.string(), let status = reader.string(),
                let key = reader.string(), let waID = reader.optionalString(), let userID = reader.optionalString(),
                let profileName = reader.optionalString(), let hasTimestamp = reader.byte()
            else { return nil }
            var timestamp: Int?
            if hasTimestamp == 1 {
                guard let value = reader.uint64() else { return nil }
                timestamp = Int(Int64(bitPattern: value))
            }
            guard let raw = reader.lengthPrefixed() else { return nil }
            events.append(
                WebhookEvent(
                    kind: kind == 0 ? .message : .status, messageID: messageID, status: status, conversationKey: key,
                    contact: WebhookContact(waID: waID ?? nil, userID: userID ?? nil, profileName: profileName ?? nil),
                    timestamp: timestamp, raw: raw))
        }
        guard reader.isAtEnd else { return nil }
        self.init(receivedAt: Date(timeIntervalSince1970: Double(bitPattern: time)), events: events)
    }

    private static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private static func append(_ string: String, to bytes: inout [UInt8]) {
        InboxLog.appendUInt32(UInt32(string.utf8.count), to: &bytes)
        bytes.append(contentsOf: string.utf8)
    }

    private static func append(_ string: String?, to bytes: inout [UInt8]) {
        guard let string else {
            bytes.append(0)
            return
        }
        bytes.append(1)
        Self.append(string, to: &bytes)
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        var isAtEnd: Bool { self.offset == self.bytes.count }

        mutating func byte() -> UInt8? {
            guard self.offset < self.bytes.count else { return nil }
            defer { self.offset += 1 }
            return self.bytes[self.offset]
        }

        mutating func uint32() -> UInt32? {
            guard self.offset + 4 <= self.bytes.count else { return nil }
            defer { self.offset += 4 }
            return InboxLog.uint32(self.bytes, at: self.offset)
        }

        mutating func uint64() -> UInt64? {
            guard let low = self.uint32(), let high = self.uint32() else { return nil }
            return UInt64(low) | UInt64(high) << 32
        }

        mutating func lengthPrefixed() -> [UInt8]? {
            guard let length = self.uint32().map(Int.init), length <= self.bytes.count - self.offset else { return nil }
            defer { self.offset += length }
            return Array(self.bytes[self.offset..<(self.offset + length)])
        }

        mutating func string() -> String? {
            self.lengthPrefixed().map { String(decoding: $0, as: UTF8.self) }
        }

        /// `.some(nil)` for an absent value, nil when the record is damaged.
        mutating func optionalString() -> String?? {
            guard let present = self.byte() else { return nil }
            guard present == 1 else { return .some(nil) }
            guard let value = self.string() else { return nil }
            return .some(value)
        }
    }
}
