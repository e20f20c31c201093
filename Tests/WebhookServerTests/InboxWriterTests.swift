import Foundation
import Storage
import Support
import Synchronization
import Testing
import WebhookServer

/// The inbox's group commit: what precedes a webhook's 200 is on stable storage, one fsync per group.
struct InboxWriterTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loket-inbox-\(UUID().uuidString)")

    @Test func everyInboxCommitIsIssuedWithFullSynchronisationAndOneCoversAGroup() throws {
        try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: self.directory) }
        let writer = try DatabaseWriter(
            path: self.directory.appendingPathComponent("loket.sqlite").path, migrators: [InboxStore.migrator])
        let inbox = InboxWriter(writer: writer, logger: .discarding)
        inbox.start()
        defer { inbox.stop() }

        // Many requests at once: they share group commits, each fsync'd.
        let done = DispatchGroup()
        let stored = Mutex(0)
        for index in 0..<200 {
            done.enter()
            inbox.submit([DispatcherTests.message("wamid.group.\(index)", from: "6281\(index % 7)")]) { result in
                if case .success(let count) = result { stored.withLock { $0 += count } }
                done.leave()
            }
        }
        #expect(done.wait(timeout: .now() + 30) == .success)
        #expect(stored.withLock { $0 } == 200)
        let commits = writer.durableCommitCount
        #expect(commits >= 1 && commits <= 200, "\(commits) durable commits for 200 webhooks")

        // The writer connection is back to NORMAL for the dispatcher's commits, and FULL only inside them.
        let outside = try writer.exclusive { try $0.queryFirst("PRAGMA synchronous", row: { $0.int(0) }) }
        let inside = try writer.write(durability: .powerLoss) {
            try $0.queryFirst("PRAGMA synchronous", row: { $0.int(0) })
        }
        #expect(outside == 1, "NORMAL between inbox commits")
        #expect(inside == 2, "FULL for a power-loss-durable commit")
    }
}
