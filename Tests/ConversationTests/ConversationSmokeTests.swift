import Testing

@testable import Conversation

struct ConversationSmokeTests {
    @Test func moduleLoads() {
        #expect(Bool(true))
    }
}
