import Support

/// A JSON value whose objects keep their keys in the order written, so request bodies are byte-for-byte predictable.
public enum GraphJSON: Equatable, Sendable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case array([GraphJSON])
    case object([(String, GraphJSON)])

    public static func == (lhs: GraphJSON, rhs: GraphJSON) -> Bool {
        lhs.serialized == rhs.serialized
    }

    /// The compact UTF-8 serialisation (no spaces, `/` not escaped, non-ASCII written as is).
    public var serialized: String {
        var output = ""
        self.write(to: &output)
        return output
    }

    /// The serialisation as bytes, ready to POST.
    public var bytes: [UInt8] { Array(self.serialized.utf8) }

    private func write(to output: inout String) {
        switch self {
        case .string(let value):
            JSONStringLiteral.append(value, to: &output)
        case .bool(let value):
            output += value ? "true" : "false"
        case .int(let value):
            output += String(value)
        case .array(let values):
            output += "["
            for (index, value) in values.enumerated() {
                if index > 0 { output += "," }
                value.write(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { output += "," }
                JSONStringLiteral.append(member.0, to: &output)
                output += ":"
                member.1.write(to: &output)
            }
            output += "}"
        }
    }
}
