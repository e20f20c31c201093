import Foundation
import Support

/// The public number of a ticket, shown as `#1259`; sequential and never reused.
public struct TicketNumber: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: Int

    public init(_ value: Int) {
        self.value = value
    }

    /// Parses `#1259`, `1259` or ` # 1259 `; `nil` for anything else.
    public init?(parsing text: String) {
        var trimmed = Substring(text.trimming(where: \.isSpaceOrTab))
        if trimmed.hasPrefix("#") { trimmed = trimmed.dropFirst() }
        let digits = trimmed.trimming(where: \.isSpaceOrTab)
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy(\.isASCIIDigit), let value = Int(digits), value > 0
        else { return nil }
        self.value = value
    }

    public var description: String { "#\(self.value)" }

    public static func < (lhs: TicketNumber, rhs: TicketNumber) -> Bool { lhs.value < rhs.value }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { self >= "0" && self <= "9" }
}
