import Foundation
import LoketService
import Storage
import Testing
import WebhookServer

/// The first dialog as a transcript: welcome, menu, placeholders.
struct WelcomeStepTests {
    let database: Database
    let step = WelcomeStep()
    let now = Date(timeIntervalSince1970: 1_700_000_000)

    init() throws {
        self.database = try Database(path: ":memory:")
        try WelcomeStep.migrator.migrate(self.database)
    }

    func send(_ content: InboundMessage.Content, id: String = "wamid.1", stale: Bool = false) throws
        -> [OutboundMessage]
    {
        let sender = WebhookContact(waID: "6281234567890", profileName: "Budi")
        let message = InboundMessage(id: id, sender: sender, timestamp: self.now, content: content)
        return try self.step.handle(
            message, context: StepContext(now: self.now, isStale: stale, contact: sender), in: self.database)
    }

    func listBody(_ message: OutboundMessage?) -> String? {
        guard case .list(let body, _, _, _, _) = message?.payload else { return nil }
        return body
    }

    @Test func anyTextFromANewContactGetsTheWelcomeAndTheMenu() throws {
        let replies = try self.send(.text("saya mau tanya"))
        #expect(replies.count == 2)
        #expect(
            replies[0]
                == OutboundMessage(
                    to: "6281234567890", payload: .markRead(messageID: "wamid.1", typingIndicator: false)))
        #expect(self.listBody(replies[1])?.hasPrefix("Halo, Budi! Selamat datang") == true)
    }

    @Test func aKnownContactsOtherTextGetsTheMenuWithoutTheWelcome() throws {
        _ = try self.send(.text("halo"), id: "wamid.1")
        let replies = try self.send(.text("tolong"), id: "wamid.2")
        #expect(self.listBody(replies.last)?.hasPrefix("Silakan pilih layanan") == true)
    }

    @Test func aGreetingFromAKnownContactIsWelcomedAgain() throws {
        _ = try self.send(.text("tolong"), id: "wamid.1")
        let replies = try self.send(.text("Selamat pagi, Pak"), id: "wamid.2")
        #expect(self.listBody(replies.last)?.contains("Selamat datang") == true)
    }

    @Test func theMenuFitsWhatsAppsListLimits() throws {
        let replies = try self.send(.text("halo"))
        guard case .list(let body, let label, let sections, _, _) = replies.last?.payload else {
            Issue.record("expected a list")
            return
        }
        #expect(body.count <= 1024)
        #expect(label.count <= 20)
        let rows = sections.flatMap(\.rows)
        #expect((1...10).contains(rows.count))
        #expect(rows.allSatisfy { $0.title.count <= 24 && ($0.description?.count ?? 0) <= 72 && $0.id.count <= 200 })
        #expect(sections.allSatisfy { ($0.title?.count ?? 0) <= 24 })
        #expect(Set(rows.map(\.id)).count == rows.count)
    }

    @Test func aMenuChoiceSaysTheFeatureIsComing() throws {
        let replies = try self.send(.listReply(id: "menu.faq", title: "Pertanyaan umum", description: nil))
        guard case .text(let text) = replies.last?.payload else {
            Issue.record("expected text")
            return
        }
        #expect(text.hasPrefix("Fitur \"Pertanyaan umum\" segera hadir"))
    }

    @Test func aStaleMessageIsRecordedButNotAnswered() throws {
        #expect(try self.send(.text("halo"), stale: true).isEmpty)
        let replies = try self.send(.text("tolong"), id: "wamid.2")
        #expect(self.listBody(replies.last)?.hasPrefix("Silakan pilih layanan") == true)
    }

    @Test func aReactionGetsNoReply() throws {
        #expect(try self.send(.reaction(messageID: "wamid.0", emoji: "👍")).isEmpty)
    }

    @Test func anUnsupportedMessageGetsAPoliteExplanation() throws {
        let replies = try self.send(.unsupported(type: "unknown"))
        guard case .text(let text) = replies.last?.payload else {
            Issue.record("expected text")
            return
        }
        #expect(text.hasPrefix("Maaf, jenis pesan ini belum dapat kami baca"))
    }
}
