import Foundation

/// The position after the last ticket of a queue page: its due time and number.
///
/// Its text form, `<due time in ms since 1970>_<ticket number>`, travels through clients, so reading it
/// checks every part's range: a cursor Loket did not write is nil, never a trap.
public struct TicketQueueCursor: Hashable, Sendable {
    public let dueAt: Date
    public let number: TicketNumber

    public init(dueAt: Date, number: TicketNumber) {
        self.dueAt = dueAt
        self.number = number
    }

    /// The milliseconds Loket stores and writes: years 0001 to 9999.
    public static let millisecondRange: ClosedRange<Int64> = -62_135_596_800_000...253_402_300_799_999

    /// `date` in whole milliseconds since 1970, clamped to `millisecondRange`.
    public static func milliseconds(of date: Date) -> Int64 {
        let value = (date.timeIntervalSince1970 * 1000).rounded()
        guard value.isFinite else {
            return value < 0 ? Self.millisecondRange.lowerBound : Self.millisecondRange.upperBound
        }
        return Int64(
            min(max(value, Double(Self.millisecondRange.lowerBound)), Double(Self.millisecondRange.upperBound)))
    }

    /// `<due time in ms since 1970>_<ticket number>`.
    public var text: String { "\(Self.milliseconds(of: self.dueAt))_\(self.number.value)" }

    /// Reads `text`; nil unless both parts are whole numbers in range.
    public init?(text: String) {
        let parts = text.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.count <= 20 }),
            let millis = Int64(parts[0]), Self.millisecondRange.contains(millis),
            let number = Int(parts[1]), (1...Int(Int32.max)).contains(number)
        else { return nil }
        self.init(dueAt: Date(timeIntervalSince1970: TimeInterval(millis) / 1000), number: TicketNumber(number))
    }
}
