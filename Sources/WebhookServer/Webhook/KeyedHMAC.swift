import COpenSSLCrypto
import Support

/// HMAC-SHA256 under one key with libcrypto's MAC contexts keyed once and reused: a signature costs the
/// hashing of its message, not a lookup of the algorithm and the key's setup, as the one-shot `HMAC()` does
/// on every call (about half of its time for a webhook of a kilobyte).
///
/// A context restarted with `EVP_MAC_init` and no key keeps its key. Each is lent to one thread at a time.
final class KeyedHMAC: Sendable {
    /// One keyed libcrypto context; freed with its owner.
    private final class Context: @unchecked Sendable {
        let pointer: OpaquePointer

        init(_ pointer: OpaquePointer) {
            self.pointer = pointer
        }

        deinit {
            EVP_MAC_CTX_free(self.pointer)
        }
    }

    private let contexts: ResourcePool<Context, Never>

    /// - Parameter capacity: the most threads that sign at once; more wait for a context.
    init(key: [UInt8], capacity: Int = 16) {
        self.contexts = ResourcePool(capacity: capacity) {
            guard let mac = EVP_MAC_fetch(nil, "HMAC", nil) else {
                preconditionFailure("Invalid state: libcrypto has no HMAC")
            }
            defer { EVP_MAC_free(mac) }
            guard let pointer = EVP_MAC_CTX_new(mac) else { preconditionFailure("Out of memory for an HMAC context") }
            let context = Context(pointer)
            let keyed = "digest".withCString { name in
                "SHA256".withCString { digest in
                    var parameters = [
                        OSSL_PARAM_construct_utf8_string(name, UnsafeMutablePointer(mutating: digest), 0),
                        OSSL_PARAM_construct_end(),
                    ]
                    // One byte more than the key, so even an empty key has an address (a null one is no key).
                    return (key + [0]).withUnsafeBufferPointer { bytes in
                        EVP_MAC_init(pointer, bytes.baseAddress, key.count, &parameters)
                    }
                }
            }
            precondition(keyed == 1, "Invalid state: libcrypto could not key HMAC-SHA256")
            return context
        }
    }

    /// The 32-byte HMAC-SHA256 of `message`.
    func authenticate(_ message: [UInt8]) -> [UInt8] {
        let context = self.contexts.take()
        defer { self.contexts.give(context) }
        var digest = [UInt8](repeating: 0, count: 32)
        var length = 0
        let succeeded = message.withUnsafeBufferPointer { data in
            EVP_MAC_init(context.pointer, nil, 0, nil) == 1
                && EVP_MAC_update(context.pointer, data.baseAddress, data.count) == 1
                && EVP_MAC_final(context.pointer, &digest, &length, digest.count) == 1
        }
        precondition(succeeded && length == 32, "Invalid state: libcrypto HMAC-SHA256 failed")
        return digest
    }
}
