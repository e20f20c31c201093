/// Why a body is not JSON.
public struct JSONError: Error, Equatable, CustomStringConvertible {
    private enum Kind: Equatable {
        case unexpected(Int)
        case unexpectedEnd
        case tooDeep
    }

    private let kind: Kind

    public static func unexpected(at offset: Int) -> JSONError { JSONError(kind: .unexpected(offset)) }
    public static let unexpectedEnd = JSONError(kind: .unexpectedEnd)
    public static let tooDeep = JSONError(kind: .tooDeep)

    public var description: String {
        switch self.kind {
        case .unexpected(let offset): return "invalid JSON: unexpected byte at offset \(offset)"
        case .unexpectedEnd: return "invalid JSON: the document ends too early"
        case .tooDeep: return "invalid JSON: nested deeper than \(JSONReader.maximumDepth) levels"
        }
    }
}
