/// Meta's subscription handshake: `GET /webhook?hub.mode=subscribe&hub.verify_token=T&hub.challenge=C`
/// is answered with C when T is the configured verify token.
public struct VerificationHandshake: Sendable {
    private let verifyToken: [UInt8]

    public init(verifyToken: String) {
        self.verifyToken = Array(verifyToken.utf8)
    }

    /// The challenge to echo, or nil when the mode, the token (compared in constant time) or the
    /// challenge is wrong or missing.
    public func challenge(forQuery query: Substring?) -> String? {
        let parameters = Self.decodeQuery(query ?? "")
        guard parameters["hub.mode"] == "subscribe", let token = parameters["hub.verify_token"],
            let challenge = parameters["hub.challenge"], !challenge.isEmpty
        else { return nil }
        guard SignatureVerifier.constantTimeEquals(Array(token.utf8), self.verifyToken), !self.verifyToken.isEmpty
        else { return nil }
        return challenge
    }

    /// Splits `a=b&c=d`, percent-decoding names and values (`+` is a space); the first value of a name wins.
    static func decodeQuery(_ query: Substring) -> [String: String] {
        var result: [String: String] = [:]
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.percentDecode(parts[0]) else { continue }
            let value = parts.count > 1 ? Self.percentDecode(parts[1]) : ""
            if let value, result[name] == nil { result[name] = value }
        }
        return result
    }

    /// Percent-decodes `text` as UTF-8; nil for a malformed escape or invalid UTF-8.
    static func percentDecode(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(SignatureVerifier.hexValue),
                    let low = iterator.next().flatMap(SignatureVerifier.hexValue)
                else { return nil }
                bytes.append(high << 4 | low)
            default:
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
