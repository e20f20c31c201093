import Testing

@testable import LoketService

struct LoketServiceSmokeTests {
    @Test func moduleLoads() {
        #expect(Bool(true))
    }
}
