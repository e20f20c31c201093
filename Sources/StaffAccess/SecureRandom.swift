import COpenSSLCrypto

/// Random bytes from libcrypto's CSPRNG, for salts, session and API tokens.
public enum SecureRandom {
    public static func bytes(_ count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let result = bytes.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32(count)) }
        precondition(result == 1, "Invalid state: libcrypto RAND_bytes failed")
        return bytes
    }

    /// A password of 16 characters from an alphabet without look-alikes (0/O, 1/l/I): about 90 bits. Bytes past
    /// the largest multiple of the alphabet's size are skipped, so every character is as likely.
    public static func password() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        let limit = 256 - 256 % alphabet.count
        var password = ""
        while password.count < 16 {
            for byte in Self.bytes(32) where Int(byte) < limit && password.count < 16 {
                password.append(alphabet[Int(byte) % alphabet.count])
            }
        }
        return password
    }

    /// `count` random bytes as lowercase hex (a token to show once and store hashed).
    public static func token(bytes count: Int = 32) -> String {
        Hex.encode(Self.bytes(count))
    }
}

/// Lowercase hexadecimal.
enum Hex {
    static func encode(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    static func decode(_ text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        func value(_ digit: UInt8) -> UInt8? {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
            default: nil
            }
        }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: utf8.count, by: 2) {
            guard let high = value(utf8[index]), let low = value(utf8[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }
}

/// SHA-256 of a token, hex: what the store keeps instead of the token.
public enum TokenDigest {
    public static func sha256(_ text: String) -> String {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBufferPointer { input in
            digest.withUnsafeMutableBufferPointer { SHA256(input.baseAddress, input.count, $0.baseAddress) }
        }
        return Hex.encode(digest)
    }
}
