import Dispatch
import Synchronization
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

    /// A key longer than SHA-256's block is hashed first; an empty key is a key too.
    @Test func longAndEmptyKeysMatchAnIndependentHMAC() {
        let long = SignatureVerifier(appSecret: String(repeating: "loket-", count: 20))
        #expect(
            long.signatureHeader(for: Array(#"{"object":"whatsapp_business_account"}"#.utf8))
                == "sha256=b20c6509de27cc0a9af6526027c3362d0908066664c2b35888e2033a6ad4bf39")
        #expect(
            SignatureVerifier(appSecret: "").signatureHeader(for: [])
                == "sha256=b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad")
    }

    /// The keyed contexts are reused: nothing of one message is left in the next, on any thread.
    @Test func signaturesStayRightWhenContextsAreReusedFromManyThreads() {
        let verifier = SignatureVerifier(appSecret: "Jefe")
        let known = Array("what do ya want for nothing?".utf8)
        let expected = "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        let wrong = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            for round in 0..<50 {
                _ = verifier.hmac(Array("message \(index) \(round)".utf8))
                if verifier.signatureHeader(for: known) != expected { wrong.withLock { $0 += 1 } }
            }
        }
        #expect(wrong.withLock { $0 } == 0)
    }

    @Test func theCorrectSignatureIsAccepted() {
        let verifier = SignatureVerifier(appSecret: "Jefe")
        let body = Array("what do ya want for nothing?".utf8)
        #expect(
            verifier.isValid(
                signatureHeader: "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", body: body))
        #expect(
            verifier.isValid(
                signatureHeader: "sha256=5BDCC146BF60754E6A042426089575C75A003F089D2739839DEC58B964EC3843", body: body),
            "hex digits in either case")
        #expect(
            !verifier.isValid(
                signatureHeader: "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3844", body: body))
        #expect(
            !verifier.isValid(
                signatureHeader: "SHA256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", body: body))
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
