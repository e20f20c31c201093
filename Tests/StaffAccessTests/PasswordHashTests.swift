import Testing

@testable import StaffAccess

/// PBKDF2-HMAC-SHA256 known answers (the RFC 6070 inputs, SHA-256 outputs as published with RFC 7914's
/// test vectors and in wide use), the stored form, and the constant-time check.
struct PasswordHashTests {
    @Test(arguments: [
        ("password", "salt", 1, "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"),
        ("password", "salt", 2, "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43"),
        ("password", "salt", 4096, "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"),
        (
            "passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096,
            "348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9"
        ),
    ])
    func knownAnswers(password: String, salt: String, iterations: Int, expected: String) {
        let length = expected.count / 2
        let derived = PasswordHash.derive(password, salt: Array(salt.utf8), iterations: iterations, length: length)
        #expect(Hex.encode(derived) == expected)
    }

    @Test func aStoredHashReadsBackAndChecksOnlyItsPassword() throws {
        let hash = PasswordHash(password: "rahasia-kantor-2026", iterations: 1_000)
        let stored = try #require(PasswordHash(encoded: hash.description))
        #expect(stored == hash)
        #expect(stored.matches("rahasia-kantor-2026"))
        #expect(!stored.matches("rahasia-kantor-2027"))
        #expect(!stored.matches(""))
        #expect(stored.needsUpgrade, "1,000 iterations are raised at the next login")
        #expect(hash.description.hasPrefix("pbkdf2-sha256$1000$"))
    }

    @Test func theDefaultUsesAtLeast210000IterationsAndAFreshSalt() {
        let first = PasswordHash(password: "sama")
        let second = PasswordHash(password: "sama")
        #expect(first.iterations >= 210_000 && !first.needsUpgrade)
        #expect(first.salt != second.salt && first.hash != second.hash)
    }

    @Test(arguments: [
        "", "md5$1$aa$bb", "pbkdf2-sha256$10$00112233445566778899$00112233445566778899aabbccddeeff",
        "pbkdf2-sha256$210000$zz$00",
    ])
    func malformedStoredFormsAreRefused(text: String) {
        #expect(PasswordHash(encoded: text) == nil)
    }
}
