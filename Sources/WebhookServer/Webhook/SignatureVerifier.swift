import COpenSSLCrypto

/// Checks `X-Hub-Signature-256` (`sha256=<lowercase hex HMAC-SHA256 of the raw body>`) with libcrypto,
/// comparing in constant time.
public struct SignatureVerifier: Sendable {
    private let mac: KeyedHMAC

    public init(appSecret: String) {
        self.mac = KeyedHMAC(key: Array(appSecret.utf8))
    }

    /// Whether `header` is a well-formed signature of exactly `body` under the app secret.
    /// A missing or malformed header is simply not valid.
    public func isValid(signatureHeader header: String?, body: [UInt8]) -> Bool {
        guard let header else { return false }
        let utf8 = Array(header.utf8)
        let prefix = Array("sha256=".utf8)
        guard utf8.count == prefix.count + 64, Array(utf8[0..<prefix.count]) == prefix else { return false }
        let expected = Self.hexDigest(self.hmac(body))
        let given = Array(utf8[prefix.count...]).map {
            $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "F") ? $0 | 0x20 : $0
        }
        return Self.constantTimeEquals(expected, given)
    }

    /// The `sha256=…` header value for `body` (for tests, the stand-in and the benchmark).
    public func signatureHeader(for body: [UInt8]) -> String {
        "sha256=" + String(decoding: Self.hexDigest(self.hmac(body)), as: UTF8.self)
    }

    /// HMAC-SHA256 of `body` keyed with the app secret.
    public func hmac(_ body: [UInt8]) -> [UInt8] {
        self.mac.authenticate(body)
    }

    static func hexDigest(_ bytes: [UInt8]) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return hex
    }

    /// Compares two byte strings in time independent of where they differ (`CRYPTO_memcmp`).
    public static func constantTimeEquals(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        guard left.count == right.count else { return false }
        if left.isEmpty { return true }
        return left.withUnsafeBytes { lhs in
            right.withUnsafeBytes { rhs in CRYPTO_memcmp(lhs.baseAddress, rhs.baseAddress, lhs.count) == 0 }
        }
    }
}
