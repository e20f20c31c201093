import Foundation
import LoketService
import Storage
import Testing
import WebhookServer

/// The welcome dialog's replies pass the outbox's check against Meta's limits, so they are sent.
struct WelcomeOutboxTests {
    @Test func everyWelcomeReplyIsQueuedAsValid() throws {
        let database = try Database(path: ":memory:")
        try WelcomeStep.migrator.migrate(database)
        try Outbox.migrator.migrate(database)
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let sender = WebhookContact(waID: "6281234567890", profileName: String(repeating: "Nama Panjang ", count: 10))
        let contents: [InboundMessage.Content] = [
            .text("Halo"), .text("tolong"),
            .listReply(id: "menu.registration", title: "Registrasi penyedia", description: nil),
            .unsupported(type: "unknown"),
        ]
        for (index, content) in contents.enumerated() {
            let message = InboundMessage(id: "wamid.\(index)", sender: sender, timestamp: now, content: content)
            let replies = try WelcomeStep().handle(
                message, context: StepContext(now: now, isStale: false, contact: sender), in: database)
            try Outbox().enqueue(replies, in: database, now: now)
        }
        let states = try database.query("SELECT state, coalesce(last_error, '') FROM outbound_messages") {
            "\($0.string(0)) \($0.string(1))"
        }
        #expect(states.count == 8)
        #expect(states.allSatisfy { $0.hasPrefix("queued") }, "\(states)")
    }
}
