import Testing
import WebhookServer

/// Meta's `GET /webhook` subscription handshake.
struct VerificationHandshakeTests {
    let handshake = VerificationHandshake(verifyToken: "token with space&=")

    @Test func theChallengeIsEchoedForTheRightToken() {
        let query = "hub.mode=subscribe&hub.verify_token=token+with%20space%26%3D&hub.challenge=1158201444"
        #expect(self.handshake.challenge(forQuery: Substring(query)) == "1158201444")
    }

    @Test func aWrongTokenIsRefused() {
        let query = "hub.mode=subscribe&hub.verify_token=token&hub.challenge=1"
        #expect(self.handshake.challenge(forQuery: Substring(query)) == nil)
    }

    @Test func aWrongModeIsRefused() {
        let query = "hub.mode=unsubscribe&hub.verify_token=token+with+space%26%3D&hub.challenge=1"
        #expect(self.handshake.challenge(forQuery: Substring(query)) == nil)
    }

    @Test func aMissingQueryOrBadEscapeIsRefused() {
        #expect(self.handshake.challenge(forQuery: nil) == nil)
        let query = "hub.mode=subscribe&hub.verify_token=token%2&hub.challenge=1"
        #expect(self.handshake.challenge(forQuery: Substring(query)) == nil)
    }
}
