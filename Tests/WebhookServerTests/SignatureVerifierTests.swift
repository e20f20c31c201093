import Testing
import WebhookServer

/// `X-Hub-Signature-256` is HMAC-SHA256 over the raw body, compared in constant time.
struct SignatureVerifierTests {
    /// RFC 4231, test case 2.
    @Test func hmacMatchesTheRFC4231KnownAnswer() {
        let verifier = SignatureVerifier(appSecret: "Jefe")
        let body = Array("what do ya want for nothing?".utf8)
        #expect(
            verifier.signatureHeader(for: body)
                == "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func theCorrectSignatureIsAccepted() {
        let verifier = SignatureVerifier(appSecret: "Jefe")
        let body = Array("what do ya want for nothing?".utf8)
        #expect(
            verifier.isValid(
                signatureHeader: "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", body: body))
    }

    @Test func aSignatureOfOtherBytesIsRefused() {
        let verifier = SignatureVerifier(appSecret: "secret")
        let header = verifier.signatureHeader(for: Array("{\"a\":1}".utf8))
        #expect(!verifier.isValid(signatureHeader: header, body: Array("{\"a\": 1}".utf8)))
    }

    @Test func aSignatureUnderAnotherSecretIsRefused() {
        let body = Array("{}".utf8)
        let header = SignatureVerifier(appSecret: "other").signatureHeader(for: body)
        #expect(!SignatureVerifier(appSecret: "secret").isValid(signatureHeader: header, body: body))
    }

    @Test func missingOrMalformedHeadersAreRefused() {
        let verifier = SignatureVerifier(appSecret: "secret")
        let body = Array("{}".utf8)
        let good = verifier.signatureHeader(for: body)
        for header in [
            nil, "", "sha256=", "sha1=" + good.dropFirst(7), String(good.dropFirst(7)), good + "0",
            String(good.dropLast()), "sha256=" + String(repeating: "z", count: 64),
        ] as [String?] {
            #expect(!verifier.isValid(signatureHeader: header, body: body))
        }
    }
}
