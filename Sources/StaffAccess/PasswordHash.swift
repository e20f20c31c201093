import COpenSSLCrypto

/// A password stored as PBKDF2-HMAC-SHA256 (libcrypto's `PKCS5_PBKDF2_HMAC`) with a per-user random salt,
/// encoded with its parameters so the iteration count can be raised later:
/// `pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>`.
public struct PasswordHash: Equatable, Sendable, CustomStringConvertible {
    /// OWASP's 2023 minimum for PBKDF2-HMAC-SHA256.
    public static let defaultIterations = 210_000
    static let scheme = "pbkdf2-sha256"

    public let iterations: Int
    public let salt: [UInt8]
    public let hash: [UInt8]

    /// Hashes `password` with a new 16-byte salt.
    public init(password: String, iterations: Int = Self.defaultIterations) {
        let salt = SecureRandom.bytes(16)
        self.init(
            iterations: iterations, salt: salt,
            hash: Self.derive(password, salt: salt, iterations: iterations, length: 32))
    }

    init(iterations: Int, salt: [UInt8], hash: [UInt8]) {
        self.iterations = iterations
        self.salt = salt
        self.hash = hash
    }

    /// Reads the stored form; nil for anything else.
    public init?(encoded text: String) {
        let parts = text.split(separator: "$", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, parts[0] == Self.scheme, let iterations = Int(parts[1]),
            (1_000...10_000_000).contains(iterations), let salt = Hex.decode(parts[2]), salt.count >= 8,
            let hash = Hex.decode(parts[3]), hash.count >= 16
        else { return nil }
        self.init(iterations: iterations, salt: salt, hash: hash)
    }

    public var description: String {
        "\(Self.scheme)$\(self.iterations)$\(Hex.encode(self.salt))$\(Hex.encode(self.hash))"
    }

    /// Whether `password` is the one hashed, compared in constant time.
    public func matches(_ password: String) -> Bool {
        let candidate = Self.derive(password, salt: self.salt, iterations: self.iterations, length: self.hash.count)
        return candidate.withUnsafeBytes { left in
            self.hash.withUnsafeBytes { right in CRYPTO_memcmp(left.baseAddress, right.baseAddress, left.count) == 0 }
        }
    }

    /// Whether the hash was made with fewer iterations than today's default (rehash at the next login).
    public var needsUpgrade: Bool { self.iterations < Self.defaultIterations }

    /// PBKDF2-HMAC-SHA256 of `password` (UTF-8) and `salt`.
    public static func derive(_ password: String, salt: [UInt8], iterations: Int, length: Int) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: length)
        let secret = Array(password.utf8)
        let result = secret.withUnsafeBufferPointer { secret in
            salt.withUnsafeBufferPointer { salt in
                output.withUnsafeMutableBufferPointer { output in
                    secret.withMemoryRebound(to: CChar.self) { secret in
                        PKCS5_PBKDF2_HMAC(
                            secret.baseAddress, Int32(secret.count), salt.baseAddress, Int32(salt.count),
                            Int32(iterations), EVP_sha256(), Int32(length), output.baseAddress)
                    }
                }
            }
        }
        precondition(result == 1, "Invalid state: libcrypto PKCS5_PBKDF2_HMAC failed")
        return output
    }
}
