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
        guard var header else { return false }
        return header.withUTF8 { utf8 in
            guard utf8.count == Self.prefix.count + 64, utf8.starts(with: Self.prefix) else { return false }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { given in
                // The header's hex read into bytes (either case); what it holds says nothing of the secret.
                for index in 0..<32 {
                    guard let high = Self.hexValue(utf8[Self.prefix.count + 2 * index]),
                        let low = Self.hexValue(utf8[Self.prefix.count + 2 * index + 1])
                    else { return false }
                    given[index] = high << 4 | low
                }
                let expected = self.hmac(body)
                return expected.withUnsafeBytes { CRYPTO_memcmp($0.baseAddress, given.baseAddress, 32) == 0 }
            }
        }
    }

    private static let prefix = Array("sha256=".utf8)

    /// The value of one hexadecimal digit, either case (the signature here, `%XX` escapes in the handshake).
    static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
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
