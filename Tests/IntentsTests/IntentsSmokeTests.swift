import Testing

@testable import Intents

struct IntentsSmokeTests {
    @Test func moduleLoads() {
        #expect(Bool(true))
    }
}
