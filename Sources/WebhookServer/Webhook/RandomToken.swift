import COpenSSLCrypto

/// Random secrets from libcrypto's CSPRNG, as lowercase hex (sandbox app secret, verify token, access token).
public enum RandomToken {
    /// `byteCount` random bytes as `2 * byteCount` hex characters.
    public static func hex(byteCount: Int = 32) -> String {
        var bytes = [UInt8](repeating: 0, count: byteCount)
        let result = bytes.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32(byteCount)) }
        precondition(result == 1, "Invalid state: libcrypto RAND_bytes failed")
        return String(decoding: SignatureVerifier.hexDigest(bytes), as: UTF8.self)
    }
}
