import Testing

@testable import WebhookServer

struct WebhookServerSmokeTests {
    @Test func moduleLoads() {
        #expect(Bool(true))
    }
}
