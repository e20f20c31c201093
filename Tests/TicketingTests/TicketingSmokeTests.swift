import Testing

@testable import Ticketing

struct TicketingSmokeTests {
    @Test func moduleLoads() {
        #expect(Bool(true))
    }
}
