import COpenSSLCrypto
import Foundation

/// SHA-256 through libcrypto's EVP interface, incrementally over chunks.
public struct SHA256Digest: ~Copyable {
    private let context: OpaquePointer

    public init() {
        guard let context = EVP_MD_CTX_new() else {
            preconditionFailure("Invalid state: EVP_MD_CTX_new failed (out of memory)")
        }
        guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
            preconditionFailure("Invalid state: EVP_DigestInit_ex(sha256) failed")
        }
        self.context = context
    }

    deinit {
        EVP_MD_CTX_free(self.context)
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        guard EVP_DigestUpdate(self.context, base, bytes.count) == 1 else {
            preconditionFailure("Invalid state: EVP_DigestUpdate failed")
        }
    }

    public consuming func finalize() -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard EVP_DigestFinal_ex(self.context, &digest, &length) == 1 else {
            preconditionFailure("Invalid state: EVP_DigestFinal_ex failed")
        }
        return Array(digest.prefix(Int(length)))
    }

    /// The digest of `bytes`.
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var digest = SHA256Digest()
        bytes.withUnsafeBytes { digest.update($0) }
        return digest.finalize()
    }

    /// The lowercase hex digest of `bytes`.
    public static func hex(_ bytes: [UInt8]) -> String {
        Self.hexString(Self.hash(bytes))
    }

    public static func hexString(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(digest.count * 2)
        for byte in digest {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }
}
